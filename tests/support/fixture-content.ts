import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from './build-site.ts';
import { seedSlugs } from './content-files.ts';

/**
 * A content folder that exercises what the two seeds cannot: a Thai story with no English,
 * an English original with and without a Thai rendering, sections that exist in one language
 * only, and enough stories for several archive pages (more in Thai than in English).
 */
export const fixture = {
  thaiOnly: 'thai-only-story',
  englishOriginal: 'english-original-story',
  englishOnly: 'english-only-story',
  /** Former slugs (renamed stories): the Thai-only story's, and the translated English original's. */
  formerSlugs: { thaiOnly: 'jasmine-rice-prices', englishOriginal: 'bangkok-ev-bus-hub' },
  hostile: 'hostile-story',
  /** Text that means something in HTML, MDX, URLs or Unicode; every field must show it as text. */
  hostileTitle: '<script>alert("title")</script> ข่าว <img src=x onerror=alert(1)> {1+1} &amp; \u202Eevil\u202C',
  generatedCount: 44,
  /**
   * Generated story 43 (published 16 February 2024, among the feed's 50 newest): its Thai original was
   * corrected twice, after its English rendering was made.
   */
  corrected: 'generated-story-43',
  correctionText: 'ฉบับก่อนหน้าระบุวันประชุมผิด ที่ถูกต้องคือวันที่ 4 มกราคม',
  /** Every generated story is tagged การเมือง, which the fixture's topics file maps to "Politics"… */
  mappedTopic: { id: 'politics', th: 'การเมือง', en: 'Politics' },
  /** …and ทดสอบคี่ (odd numbers) or ทดสอบคู่ (even), which it does not map. */
  unmappedTag: (n: number) => (n % 2 === 1 ? 'ทดสอบคี่' : 'ทดสอบคู่'),
  /**
   * One story per kind of query the search must get exactly right (each body also holds the marker
   * word, so that the sort and year tests can list them all), and a decoy that holds the same letters
   * where they are not the query (ลาว inside ศาลาว่าการ, คลาวด์, เวลาวัน).
   */
  searchMarker: 'ฟิกซ์เจอร์ค้นหา',
  searchCases: [
    {
      slug: 'search-compound-tail',
      date: '2023-03-01',
      body: 'กระทรวงส่งเสริมการท่องเที่ยวและกีฬา และรองนายกรัฐมนตรีด้านการเกษตร',
      queries: ['ท่องเที่ยว', 'รัฐมนตรี', 'เกษตร'],
    },
    { slug: 'search-name-after-title', date: '2023-06-01', body: 'นายแพทย์ชลน่าน ศรีแก้ว พบกับนายแอนโทนี บลิงเคน', queries: ['ชลน่าน', 'แอนโทนี'] },
    {
      slug: 'search-abbreviation-dash',
      date: '2025-03-01',
      body: 'สำนักงาน ก.ล.ต.แจ้งความร่วมมือไทย – ลาว',
      queries: ['ก.ล.ต.', 'ไทย-ลาว', 'ไทย–ลาว', 'ไทย - ลาว', 'ลาว'],
    },
    { slug: 'search-acronym-in-thai', date: '2025-04-01', body: 'ประชาคมอาเซียน(ASEAN) เตรียมการประชุมCOP29ที่บากู', queries: ['ASEAN', 'COP29', 'cop'] },
    { slug: 'search-spelling-variant', date: '2025-05-01', body: 'ความร่วมมือกับเมียนมาร์ด้านฝุ่นPM2.5 และSoftpower', queries: ['เมียนมา', 'PM 2.5', 'Soft Power'] },
  ],
  searchDecoy: { slug: 'search-short-decoy', date: '2023-09-01', body: 'ศาลาว่าการจังหวัดใช้ระบบคลาวด์ในเวลาวันทำการ', queries: ['ลาว', 'ข้าว'] },
  /** Generated stories with an odd number also have an English rendering. */
  generatedSlug: (n: number) => `generated-story-${String(n).padStart(2, '0')}`,
} as const;

function mdx(frontmatter: string, body: string): string {
  return `---\n${frontmatter.trim()}\n---\n\n${body.trim()}\n`;
}

export async function writeFixtureContent(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  // The topics file lives beside the articles folder, as content/topics.yaml does beside content/articles.
  const { id, th, en } = fixture.mappedTopic;
  await writeFile(join(dir, '../topics.yaml'), `- id: ${id}\n  th: ${th}\n  en: ${en}\n`);
  // The two seed stories, not the shipped sample (content/articles/sample), whose size may change.
  for (const slug of seedSlugs) await cp(join(projectRoot, 'content/articles', slug), join(dir, slug), { recursive: true });

  const write = async (slug: string, lang: string, text: string) => {
    await mkdir(join(dir, slug), { recursive: true });
    await writeFile(join(dir, slug, `${lang}.mdx`), text);
  };

  await write(
    fixture.thaiOnly,
    'th',
    mdx(
      `
title: ราคาข้าวหอมมะลิปรับตัวสูงขึ้นในรอบสามเดือน
summary: ราคาข้าวหอมมะลิในตลาดกลางปรับตัวสูงขึ้นร้อยละ 5 ในรอบสามเดือน
published: 2025-01-10T09:30:00+07:00
section: economy
byline: โต๊ะข่าวเศรษฐกิจ
formerSlugs: [${fixture.formerSlugs.thaiOnly}]
`,
      `ราคาข้าวหอมมะลิในตลาดกลางปรับตัวสูงขึ้นร้อยละ 5 ในรอบสามเดือน\n\nผู้ส่งออกคาดว่าราคาจะทรงตัวจนถึงสิ้นปี`,
    ),
  );

  await write(
    fixture.englishOriginal,
    'en',
    mdx(
      `
title: Bangkok opens its first public charging hub for electric buses
summary: The city's first shared charging hub for electric buses opened on Monday.
published: 2025-02-03T11:00:00+07:00
section: technology
source: Reuters
formerSlugs: [${fixture.formerSlugs.englishOriginal}]
corrections:
  - date: 2025-02-04T09:00:00+07:00
    text: An earlier version said the hub charges 30 buses at once; it charges 40.
`,
      `The city's first shared charging hub for electric buses opened on Monday.\n\nIt can charge 40 buses at once.`,
    ),
  );
  await write(
    fixture.englishOriginal,
    'th',
    mdx(
      `
title: กรุงเทพฯ เปิดศูนย์ชาร์จรถโดยสารไฟฟ้าสาธารณะแห่งแรก
summary: ศูนย์ชาร์จรถโดยสารไฟฟ้าแบบใช้ร่วมกันแห่งแรกของเมืองเปิดให้บริการเมื่อวันจันทร์
translation:
  translator: โต๊ะข่าวต่างประเทศ
  machine: false
  reviewed: true
corrections:
  - date: 2025-02-04T10:00:00+07:00
    text: ฉบับก่อนหน้าระบุว่าชาร์จได้พร้อมกัน 30 คัน ที่ถูกต้องคือ 40 คัน
`,
      `ศูนย์ชาร์จรถโดยสารไฟฟ้าแบบใช้ร่วมกันแห่งแรกของเมืองเปิดให้บริการเมื่อวันจันทร์\n\nสามารถชาร์จรถโดยสารได้พร้อมกัน 40 คัน`,
    ),
  );

  await write(
    fixture.englishOnly,
    'en',
    mdx(
      `
title: Regional chip makers report record exports
summary: Chip exports from the region reached a record in the last quarter.
published: 2025-02-01T08:00:00+07:00
section: technology
byline: Business desk
`,
      `Chip exports from the region reached a record in the last quarter.`,
    ),
  );

  const longThaiWord = 'ก'.repeat(500);
  await write(
    fixture.hostile,
    'th',
    mdx(
      `
title: ${JSON.stringify(fixture.hostileTitle)}
summary: ${JSON.stringify('สรุป <img src=x onerror=alert(2)> javascript:alert(3) 👍🏽 e\u0301 ก\u0E48\u0E39')}
published: 2025-01-05T09:30:00+07:00
section: society
tags: [${JSON.stringify('<b>tag</b>')}]
byline: ${JSON.stringify('<svg onload=alert(4)>')}
image:
  caption: ${JSON.stringify('ภาพ <iframe src=javascript:alert(5)></iframe>')}
  credit: ${JSON.stringify('"><script>alert(6)</script>')}
related:
  - title: ${JSON.stringify('<a href=javascript:alert(7)>x</a>')}
    url: https://example.com/related
`,
      [
        'ย่อหน้า \\<script\\>alert(8)\\</script\\> ข้อความ',
        '[ลิงก์อันตราย](javascript:alert(9)) และ [ข้อมูล](data:text/html,hi) และ [AFP](https://www.afp.com/th) และ [อีเมล](mailto:news@example.com) และ [ภายใน](/th/archive/)',
        `คำยาว ${longThaiWord} จบ`,
        'ศูนย์\u200Bกว้าง \u202Eย้อน\u202C ไทย 🇹🇭',
      ].join('\n\n'),
    ),
  );

  for (const story of [...fixture.searchCases, fixture.searchDecoy]) {
    await write(
      story.slug,
      'th',
      mdx(
        `
title: เรื่องทดสอบการค้นหา ${story.slug}
summary: ${fixture.searchMarker} ${story.slug}
published: ${story.date}T08:00:00+07:00
section: politics
byline: โต๊ะข่าวการเมือง
`,
        story.body,
      ),
    );
  }

  for (let n = 1; n <= fixture.generatedCount; n++) {
    const slug = fixture.generatedSlug(n);
    const day = String(1 + (n % 28)).padStart(2, '0');
    const month = String(1 + Math.floor(n / 28)).padStart(2, '0');
    await write(
      slug,
      'th',
      mdx(
        `
title: ข่าวการเมืองทดสอบลำดับที่ ${n}
summary: สรุปข่าวการเมืองลำดับที่ ${n}
published: 2024-${month}-${day}T10:${String(n).padStart(2, '0')}:00+07:00
section: politics
tags: [${fixture.mappedTopic.th}, ${fixture.unmappedTag(n)}]
byline: โต๊ะข่าวการเมือง
${
  slug === fixture.corrected
    ? `corrections:
  - date: 2024-02-17T08:00:00+07:00
    text: แก้คำสะกดชื่อผู้ให้สัมภาษณ์
  - date: 2024-02-19T16:30:00+07:00
    text: ${fixture.correctionText}`
    : ''
}
`,
        `เนื้อหาข่าวการเมืองลำดับที่ ${n}`,
      ),
    );
    if (n % 2 === 1) {
      await write(
        slug,
        'en',
        mdx(
          `
title: Politics test story number ${n}
summary: Summary of politics story number ${n}
translation:
  translator: Politics desk
  machine: false
  reviewed: true
`,
          `Body of politics story number ${n}.`,
        ),
      );
    }
  }
}
