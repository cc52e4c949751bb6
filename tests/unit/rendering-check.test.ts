import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readStoryText } from '../../src/lib/rendering-check/content.ts';
import { checkParagraphs, checkRendering, type Finding } from '../../src/lib/rendering-check/index.ts';
import { plainTextParagraphs } from '../../src/lib/rendering-check/plain-text.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8');

/** "kind: English span → expected", the parts of a finding a reader checks first. */
function summarize(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.kind}: ${finding.kind === 'name' ? finding.thai?.text : finding.english.text} → ${finding.expected}`);
}

function check(thai: string, english: string): string[] {
  return summarize(checkRendering(thai, english));
}

describe('seed fixture: the machine rendering of the Putin–China story', () => {
  const thai = read('tests/fixtures/seed-2-thai.txt');
  const english = read('tests/fixtures/seed-2-machine-en.txt');
  const findings = checkRendering(thai, english);

  it('reports the wrong trade figures, years and month, and nothing that is correct', () => {
    expect(summarize(findings)).toEqual([
      'month: July → February',
      'year: 1962 → 2022',
      'money: $2278 billion → 227.8 billion',
      'year: 2026 → 2023',
      'money: $2196 billion → 219.6 billion',
    ]);
  });

  it('points at the Thai figure each error renders and explains it', () => {
    const trade = findings.find((finding) => finding.english.text === '$2278 billion')!;
    expect(trade.thai?.text).toBe('2.278 แสนล้านดอลลาร์สหรัฐ');
    expect(trade.message).toBe('The English says "$2278 billion", but the Thai says "2.278 แสนล้านดอลลาร์สหรัฐ", which is 227.8 billion US dollars in English.');
    expect(trade.fix).toBe('write 227.8 billion US dollars');
    expect(trade.englishSentence).toBe('Putin stated that the trade volume between Russia and China reached $2278 billion in 2026 from $111 billion in 2019.');
    expect(trade.thaiSentence).toContain('แตะที่ 2.278 แสนล้านดอลลาร์สหรัฐในปี 2566');
    expect(findings.find((finding) => finding.english.text === '2026')!.thai?.text).toBe('2566');
    expect(findings.find((finding) => finding.english.text === 'July')!.thai?.text).toBe('ก.พ.');
  });

  it('gives offsets into the full texts and the paragraph (the title line is paragraph 0)', () => {
    for (const finding of findings) {
      expect(english.slice(finding.english.start, finding.english.end)).toBe(finding.english.text);
      expect(thai.slice(finding.thai!.start, finding.thai!.end)).toBe(finding.thai!.text);
    }
    expect(findings.map((finding) => finding.paragraph)).toEqual([2, 2, 3, 3, 3]);
  });
});

describe('corrected stories in content/articles', () => {
  for (const slug of ['putin-visits-china-75-years-ties', 'putin-praises-russia-myanmar-ties']) {
    it(`reports nothing for ${slug}`, () => {
      const thai = readStoryText(read(`content/articles/${slug}/th.mdx`));
      const english = readStoryText(read(`content/articles/${slug}/en.mdx`));
      expect(thai.paragraphs.length).toBe(english.paragraphs.length);
      expect(summarize(checkParagraphs(thai.paragraphs, english.paragraphs))).toEqual([]);
    });
  }

  it('catches the seed errors when they are put back into the corrected English', () => {
    const thai = readStoryText(read('content/articles/putin-visits-china-75-years-ties/th.mdx')).paragraphs;
    const english = readStoryText(read('content/articles/putin-visits-china-75-years-ties/en.mdx')).paragraphs;
    const broken = english.map((paragraph) => paragraph.replace('$227.8 billion in 2023', '$2278 billion in 2026').replace('February 2022', 'July 1962'));
    expect(summarize(checkParagraphs(thai, broken))).toEqual([
      'month: July → February',
      'year: 1962 → 2022',
      'money: $2278 billion → 227.8 billion',
      'year: 2026 → 2023',
    ]);
  });
});

describe('numbers and Thai magnitude words', () => {
  it('multiplies magnitude words in sequence and reads Thai digits', () => {
    expect(check('การค้าแตะ ๒.๒๗๘ แสนล้านดอลลาร์', 'trade reached $227.8 billion')).toEqual([]);
    expect(check('1.6 ล้านล้านหยวน', '1.6 trillion yuan')).toEqual([]);
    expect(check('งบ 2.5 หมื่นล้านบาท และ 3 พันล้านบาท', 'a budget of 25 billion baht and THB 3bn')).toEqual([]);
    expect(check('ลงทุน 3 ล้านดอลลาร์', 'an investment of $3m')).toEqual([]);
  });

  it('flags a misplaced decimal point or magnitude, with the Thai figure as expected', () => {
    expect(check('การค้าแตะ ๒.๒๗๘ แสนล้านดอลลาร์', 'trade reached $2,278 billion')).toEqual(['money: $2,278 billion → 227.8 billion']);
    expect(check('1.6 ล้านล้านหยวน', '1.6 billion yuan')).toEqual(['money: 1.6 billion yuan → 1,600 billion']);
    expect(check('ประชากร 5 หมื่นคน', 'a population of 5,000')).toEqual(['number: 5,000 → 50,000']);
  });

  it('reads thousands separators and decimals on both sides', () => {
    expect(check('มูลค่า 1,234.5 ล้านบาท', 'worth 1,234.5 million baht, or 1.2345 billion baht')).toEqual([]);
    expect(check('มูลค่า 1,234.5 ล้านบาท', 'worth 12,345 million baht')).toEqual(['money: 12,345 million baht → 1,234.5 million']);
  });

  it('accepts rounding within the last digit the English wrote, and hedged figures within 2%', () => {
    expect(check('มูลค่า 227,845 ล้านดอลลาร์', 'worth $227.8 billion')).toEqual([]);
    expect(check('คิดเป็นประมาณ 2.196 แสนล้านดอลลาร์', 'about $220 billion')).toEqual([]);
    expect(check('2.196 แสนล้านดอลลาร์', '$225 billion')).toEqual(['money: $225 billion → 219.6 billion']);
    expect(check('2.196 แสนล้านดอลลาร์', 'about $230 billion')).toEqual(['money: $230 billion → 219.6 billion']);
  });

  it('understands small numbers English spells out, and ordinals', () => {
    expect(check('เยือน 2 วัน เป็นสมัยที่ 5 ในโอกาสครบ 75 ปี', 'a two-day visit, his fifth term, the 75th anniversary')).toEqual([]);
    expect(check('เยือน 2 วัน เป็นสมัยที่ 5', 'a three-day visit in his sixth term')).toEqual(['number: three → 2', 'number: sixth → 5']);
    expect(check('พื้นที่ 1 ล้านตารางเมตร', 'one million square metres')).toEqual([]);
    expect(check('พื้นที่ 1 ล้านตารางเมตร', 'one billion square metres')).toEqual(['number: one billion → 0.001 billion']);
  });

  it('treats phone numbers and codes as exact strings', () => {
    expect(check('โทร. 02-123-4567', 'call 02-123-4567')).toEqual([]);
    expect(check('โทร. 02-123-4567', 'call 02-123-4568')).toEqual(['number: 02-123-4568 → 02-123-4567']);
  });

  it('does not flag figures that belong to names or law numbers', () => {
    expect(check('พระราชบัญญัติ (ฉบับที่ 24) พ.ศ. 2567 เรื่อง COVID-19 และฝุ่น PM2.5', 'the Act (No. 24) B.E. 2567 on COVID-19 and PM 2.5 dust')).toEqual([]);
  });
});

describe('percentages', () => {
  it('matches ร้อยละ and % with "%", "per cent" and "percent", also spelled out', () => {
    expect(check('เศรษฐกิจขยายตัวร้อยละ 5', 'the economy grew 5%')).toEqual([]);
    expect(check('เศรษฐกิจขยายตัว 5%', 'the economy grew 5 per cent')).toEqual([]);
    expect(check('เศรษฐกิจขยายตัวร้อยละ 5', 'the economy grew five percent')).toEqual([]);
    expect(check('ดอกเบี้ยร้อยละ 5-6', 'interest of 5-6 per cent')).toEqual([]);
  });

  it('flags a changed percentage and a percentage the Thai gives as a count', () => {
    expect(check('เศรษฐกิจขยายตัวร้อยละ 5', 'the economy grew 6%')).toEqual(['percent: 6% → 5%']);
    expect(check('มีผู้เข้าร่วม 5 คน', '5% took part')).toEqual(['percent: 5% → 5']);
  });
});

describe('money and currencies', () => {
  it('knows the currencies by Thai word, English word, code and sign', () => {
    expect(check('100 ล้านบาท', '100 million baht, THB 100 million, ฿100 million')).toEqual([]);
    expect(check('5 ล้านดอลลาร์สหรัฐ', 'USD 5 million, US$5 million, 5 million US dollars')).toEqual([]);
    expect(
      check('20 ล้านล้านรูเบิล 3 ล้านยูโร 4 ล้านเยน 1.6 ล้านล้านหยวน', '20 trillion roubles (20 trillion rubles), €3 million, 4 million yen, 1.6 trillion yuan'),
    ).toEqual([]);
  });

  it('flags an amount in the wrong currency', () => {
    expect(check('100 ล้านบาท', '$100 million')).toEqual(['money: $100 million → 100 million baht']);
    expect(checkRendering('100 ล้านบาท', '$100 million')[0]!.message).toBe(
      'The English says "$100 million" (US dollars), but the Thai "100 ล้านบาท" counts baht.',
    );
  });

  it('lets the translator add a conversion into a currency the Thai never uses', () => {
    expect(check('100 ล้านบาท', '100 million baht (about US$3 million)')).toEqual([]);
  });
});

describe('years: Buddhist and Common Era', () => {
  it('converts พ.ศ. and bare Thai years of 2400 and more; keeps ค.ศ. and Thai-written C.E. years', () => {
    expect(check('ในปี พ.ศ. 2567', 'in 2024')).toEqual([]);
    expect(check('ในปี 2566', 'in 2023')).toEqual([]);
    expect(check('ภายในปี ค.ศ. 2030', 'by 2030')).toEqual([]);
    expect(check('เมื่อปี 2021', 'in 2021')).toEqual([]);
  });

  it('accepts Buddhist-era years that the English marks "B.E.", and flags the Thai digits left bare: English years are Gregorian', () => {
    expect(check('พ.ศ. 2567 มีผล 22 มกราคม 2568', 'B.E. 2567, in effect on January 22, 2025')).toEqual([]);
    expect(check('พ.ศ. 2567 มีผล 22 มกราคม 2568', 'the 2567 B.E. act, in effect on January 22, 2025')).toEqual([]);
    expect(check('มีผล 22 มกราคม 2568', 'in effect on January 22, 2568')).toEqual(['year: 2568 → 2025']);
    expect(check('ในปี พ.ศ. 2568', 'in 2568')).toEqual(['year: 2568 → 2025']);
  });

  it('reads two-digit Thai years after a month or "ปี"', () => {
    expect(check('ครม. วันที่ 20 มิ.ย. 66 ตามมติ ก.พ. 65 และงบปี 63', 'the cabinet on June 20, 2023, a February 2022 resolution and the 2020 budget')).toEqual([]);
  });

  it('flags a wrong year with the Thai year converted, in the era the English used', () => {
    expect(check('ในปี 2566', 'in 2026')).toEqual(['year: 2026 → 2023']);
    expect(check('ในปี 2566', 'in 2024')).toEqual(['year: 2024 → 2023']);
    expect(check('ในปี 2566', 'in 1480')).toEqual(['year: 1480 → 2023']);
    expect(check('พ.ศ. 2567', 'B.E. 2568')).toEqual(['year: 2568 → 2567']);
  });

  it('flags a year the Thai does not have at all', () => {
    expect(checkRendering('ประชุมเมื่อวานนี้', 'the meeting held yesterday, in 2019')[0]).toMatchObject({ kind: 'year', thai: null, expected: '(not in the Thai)' });
  });
});

describe('months and dates', () => {
  it('reads full Thai month names, abbreviations and glued forms', () => {
    expect(check('เมื่อเดือนก.พ.2565', 'in February 2022')).toEqual([]);
    expect(check('ตั้งแต่ มี.ค. ถึง ธันวาคม', 'from March to December')).toEqual([]);
    expect(check('(16 พ.ค.)', '(16 May)')).toEqual([]);
    expect(check('( 15 พ.ค.)', '(May 15)')).toEqual([]);
    expect(check('ระหว่างวันที่ 6-7 พฤศจิกายน 2567', 'during November 6-7, 2024')).toEqual([]);
    expect(check('25/10/2567', 'October 25, 2024')).toEqual([]);
  });

  it('flags a wrong month and a wrong day', () => {
    expect(check('เมื่อเดือนก.พ.2565', 'in July 2022')).toEqual(['month: July → February']);
    expect(check('(16 พ.ค.)', '(17 May)')).toEqual(['date: 17 May → 16 May']);
    expect(check('(16 พ.ค.)', '(16 June)')).toEqual(['date: 16 June → 16 May']);
  });

  it('does not take "may" the verb for a month', () => {
    expect(check('ประชาชนอาจได้รับผลกระทบ', 'People may be affected. May we ask?')).toEqual([]);
  });
});

describe('clock times', () => {
  it('matches น. times with 24-hour, a.m./p.m. and "hrs" forms', () => {
    expect(check('เวลา 10.30 น.', 'at 10:30')).toEqual([]);
    expect(check('เวลา 10.30 น.', 'at 10.30 a.m.')).toEqual([]);
    expect(check('เวลา 10.30 น.', 'at 1030hrs')).toEqual([]);
    expect(check('เวลา 15.00 น.', 'at 3 p.m.')).toEqual([]);
    expect(check('เวลา 13.30 - 14.00 น.', 'from 13.30 to 14.00 hrs')).toEqual([]);
  });

  it('flags a wrong time', () => {
    expect(check('เวลา 10.30 น.', 'at 1100hrs')).toEqual(['time: 1100hrs → 10:30']);
    expect(check('เวลา 15.00 น.', 'at 5 p.m.')).toEqual(['time: 5 p.m. → 15:00']);
  });
});

describe('Latin names and acronyms in the Thai', () => {
  it('flags a name the English leaves out, pointing at the Thai name', () => {
    const findings = checkRendering('ตามรายงานของสำนักข่าว TASS ที่อ้างอิง Rosatom', 'according to the news agency');
    expect(summarize(findings)).toEqual(['name: TASS → TASS', 'name: Rosatom → Rosatom']);
    expect(findings[0]!.english).toEqual({ text: 'according to the news agency', start: 0, end: 28 });
  });

  it('accepts names in another case or run together, acronyms spelled out, and names the English moved to another paragraph', () => {
    expect(check('ปัญญาประดิษฐ์ (AI) และ COVID-19', 'artificial intelligence (AI) and Covid-19')).toEqual([]);
    expect(check('ไปโรดโชว์ (Road Show)', 'a roadshow')).toEqual([]);
    expect(check('สำนักงานคณะกรรมการส่งเสริมการลงทุน (BOI)', "Thailand's Board of Investment")).toEqual([]);
    expect(check('ย่อหน้าแรก\nตามรายงานของ TASS', 'TASS reported\nthe second paragraph')).toEqual([]);
  });

  it('never asks the Thai for English words: English has far more Latin words', () => {
    expect(check('ปูตินเยือนจีน', 'Putin visited Beijing for talks with Xi Jinping')).toEqual([]);
  });

  it('does not ask for web addresses or hashtags', () => {
    expect(check('ดูที่ www.thaigov.go.th #ไทยคู่ฟ้า', 'see the website')).toEqual([]);
  });
});

describe('paragraph pairing', () => {
  const thai = ['หัวข้อข่าว', 'ปี 2566 การค้า 1.11 แสนล้านดอลลาร์', 'เวลา 10.30 น. วันที่ 16 พ.ค.'];

  it('compares paragraph i with paragraph i when the counts match', () => {
    // 2023 is in the Thai, but not in the paragraph this English paragraph renders.
    expect(summarize(checkParagraphs(thai, ['Headline', 'trade of $111 billion', 'at 10:30 on 16 May, in 2023']))).toEqual(['year: 2023 → (not in the Thai)']);
  });

  it('compares against the whole Thai story when the English leaves paragraphs out: omissions are fine', () => {
    const findings = checkRendering(thai.join('\n'), 'At 10:30 on 16 May: trade was $111 billion in 2023.');
    expect(findings).toEqual([]);
    const wrong = checkRendering(thai.join('\n'), 'At 10:30 on 16 May: trade was $112 billion in 2023.');
    expect(summarize(wrong)).toEqual(['money: $112 billion → 111 billion']);
    expect(wrong[0]!.paragraph).toBeNull();
  });

  it('reads blank lines and single newlines alike as paragraph breaks', () => {
    expect(checkRendering('ก\n\nปี 2566', 'A\nin 2024')[0]).toMatchObject({ kind: 'year', paragraph: 1, english: { text: '2024', start: 5, end: 9 } });
  });

  it('gives offsets within each paragraph from checkParagraphs, with the Thai paragraph index', () => {
    const [finding] = checkParagraphs(['ก', 'ในปี 2566'], ['A', 'in 2026']);
    expect(finding).toMatchObject({ paragraph: 1, thaiParagraph: 1, english: { text: '2026', start: 3, end: 7 }, thai: { text: '2566', start: 5, end: 9 } });
  });
});

describe('plain text input', () => {
  it('strips a thaigov corpus header and trailer, keeping the title as paragraph 0', () => {
    const item = [
      'รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-หัวข้อข่าว',
      '',
      '',
      'วันพฤหัสบดีที่ 26 กันยายน 2567',
      '26/09/2567',
      'พิมพ์',
      'หัวข้อข่าว',
      'หัวข้อข่าว',
      'ย่อหน้าแรก',
      'ย่อหน้าที่สอง',
      '-----',
      'สำนักโฆษก',
      '',
      'ที่มา : https://www.thaigov.go.th/news/contents/details/1',
    ].join('\n');
    const paragraphs = plainTextParagraphs(item);
    expect(paragraphs.map((paragraph) => paragraph.text)).toEqual(['หัวข้อข่าว', 'ย่อหน้าแรก', 'ย่อหน้าที่สอง']);
    for (const paragraph of paragraphs) expect(item.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
  });
});

describe('MDX stories', () => {
  it('takes the frontmatter title as paragraph 0 and tells a rendering by its translation block', () => {
    const story = readStoryText(
      ['---', 'title: "A \\"quoted\\" title"', 'translation:', '  machine: true', '---', '', 'First', 'line.', '', 'Second.', ''].join('\n'),
    );
    expect(story).toMatchObject({ paragraphs: ['A "quoted" title', 'First line.', 'Second.'], isRendering: true });
    expect(readStoryText('---\ntitle: Plain\n---\n\nBody').isRendering).toBe(false);
  });

  it('numbers the blocks as the page does, list items one by one, with the line to edit', () => {
    const story = readStoryText(
      [
        '---',
        'summary: Dek',
        'title: >-',
        '  Folded',
        '  title',
        '---',
        '',
        'Lead with 5 figures.',
        '',
        '- first item',
        '- second item',
        '',
        '## A heading',
        '',
      ].join('\n'),
    );
    expect(story.located).toEqual([
      { id: null, text: 'Folded title', line: 3 },
      { id: 'b-1', text: 'Lead with 5 figures.', line: 8 },
      { id: 'b-2', text: 'first item', line: 10 },
      { id: 'b-3', text: 'second item', line: 11 },
      { id: 'b-4', text: 'A heading', line: 13 },
    ]);
  });
});

describe('the figure model: units, lists, number words and the role of a year', () => {
  it('keeps the magnitude with a currency, also when the code is glued to the amount', () => {
    expect(check('มูลค่า 4,120.5 ล้านดอลลาร์', 'worth USD4,120.5')).toEqual(['money: USD4,120.5 → 4.1205 billion']);
    expect(check('มูลค่า 4,120.5 ล้านดอลลาร์', 'worth USD4,120.5 million')).toEqual([]);
    expect(check('งบ 2.5 ล้านล้านบาท และ 1 ล้านล้านบาท', 'budgets of 2.5 trillion baht and one trillion baht')).toEqual([]);
    expect(check('วงเงินสูงสุด 200 ลบ.', 'a credit line of up to 200 million baht')).toEqual([]);
    expect(check('วงเงินสูงสุด 200 ลบ.', 'a credit line of up to 200 baht')).toEqual(['money: 200 baht → 200 million']);
  });

  it('compares what is counted: rai are not tonnes, shops are not baht, a rank is not a count', () => {
    expect(check('พื้นที่ 500 ไร่', 'an area of 500 rai')).toEqual([]);
    expect(check('พื้นที่ 500 ไร่', 'an area of 500 tonnes')).toEqual(['number: 500 → 500']);
    expect(check('แอปฯ ถุงเงิน 2 ล้านร้านค้า', 'a loan of THB 2 million')).toEqual(['money: THB 2 million → 2 million']);
    expect(check('ไทยอยู่ในอันดับที่ 3', 'over 3 Muslim tourists')).toEqual(['number: 3 → 3']);
    expect(check('มูลค่าการค้าที่30,000 ล้านดอลลาร์สหรัฐฯ', 'a trade target of 30 billion US dollars')).toEqual([]);
  });

  it('gives every number of a list the word it shares', () => {
    expect(check('ขยายตัวร้อยละ 12.4 9.81 และ 6.10 ตามลำดับ', 'grew 12.4%, 9.81% and 6.10% respectively')).toEqual([]);
    expect(check('ขยายตัวร้อยละ 12.4 9.81 และ 6.10 ตามลำดับ', 'grew 12.4%, 9.18% and 6.10% respectively')).toEqual(['percent: 9.18% → 9.81%']);
    expect(check('วงเงิน 5, 10 และ 20 ล้านบาท', 'loans of 5, 10 and 20 million baht')).toEqual([]);
    expect(check('วงเงิน 5, 10 และ 20 ล้านบาท', 'loans of 5, 10 and 20 baht')).toEqual([
      'money: 5 → 5 million',
      'money: 10 → 10 million',
      'money: 20 baht → 20 million',
    ]);
  });

  it('reads number words as figures, and Thai ones only as whole words', () => {
    expect(check('ประชุมครั้งที่สาม มีผู้เข้าร่วมสามคน', 'the third meeting, attended by three people')).toEqual([]);
    expect(check('มีผู้เข้าร่วมสามคน', 'attended by twelve people')).toEqual(['number: twelve → 3']);
    // สาม inside สามารถ (can) is no three.
    expect(check('ทั้งสองฝ่ายสามารถตกลงกันได้', 'the two sides could agree on three points')).toEqual(['number: three → 2']);
  });

  it('accepts hedged figures at the precision of their significant digits, not by a percentage', () => {
    expect(check('ประมาณ 196 คน', 'about 200 people')).toEqual([]);
    expect(check('มากกว่า 10.5 ล้านบัญชี', 'more than 10.3 million accounts')).toEqual(['number: 10.3 million → 10.5 million']);
  });

  it('checks a year against the year the Thai gives for the same amount', () => {
    const thai = 'การส่งออกของไทยไปกัมพูชาในปี 2566 มีมูลค่า 6.4 พันล้านดอลลาร์สหรัฐ ตัวเลข GDP ปี 2565 เติบโตกว่า 5%';
    expect(check(thai, 'In 2023, Thai exports to Cambodia amounted to 6.4 billion US dollars. GDP grew over 5% in 2022.')).toEqual([]);
    expect(check(thai, 'In 2022, Thai exports to Cambodia amounted to 6.4 billion US dollars. GDP grew over 5% in 2022.')).toEqual(['year: 2022 → 2023']);
  });
});

describe('stories whose paragraphs do not line up', () => {
  it('looks for a small count near the Thai paragraphs that back the rest of its paragraph, not anywhere in the story', () => {
    const thai = ['ธนาคารมี 40 สาขาทั่วประเทศ', 'ย่อหน้าอื่น', 'ย่อหน้าอื่นอีก', 'แอปฯ มีผู้ใช้ 18 ล้านราย และ 2 ล้านราย'];
    const english = ['Other news.', 'The apps serve 18 million, 40 and 2 million users.'];
    expect(summarize(checkParagraphs(thai, english))).toEqual(['number: 40 → 18 million']);
    expect(summarize(checkParagraphs(thai, ['Other news.', 'The apps serve 18 million and 2 million users.']))).toEqual([]);
  });

  it('tells a rank from a count: "the sixth largest" is not backed by หกสถาบัน', () => {
    expect(check('ใหญ่เป็นอันดับ 5 และเป็นหนึ่งในหกสถาบันการเงิน', 'the sixth largest and one of six banks')).toEqual(['number: sixth → 5']);
    expect(check('ใหญ่เป็นอันดับ 5 และเป็นหนึ่งในหกสถาบันการเงิน', 'the fifth largest and one of six banks')).toEqual([]);
    expect(check('ประการที่สาม', 'Third,')).toEqual([]);
    // A numbered division is the nth too: the Third Army Area, not three of something; พื้นที่ (area) is no ที่.
    expect(check('กองทัพภาคที่ 3 พื้นที่ภาคเหนือ', 'Third Army Area (northern region)')).toEqual([]);
    expect(check('ในพื้นที่ 3 จังหวัด', 'in the third province')).toEqual(['number: third → 3']);
    // A list item's number is its place in the list: "3) สนับสนุน…" backs no count of 3.
    expect(check('มาตรการ 3) สนับสนุนเทคโนโลยี', 'over 3 Muslim tourists')).toEqual(['number: 3 → 3']);
    expect(check('มาตรการ 3) สนับสนุนเทคโนโลยี', '3) Supporting technology')).toEqual([]);
  });
});
