import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentDir } from '../../src/lib/rendering-check/content.ts';
import { renderReport, reportStories } from '../../src/lib/rendering-check/report.ts';

const contentDir = mkdtempSync(join(tmpdir(), 'rendering-report-'));
function story(folder: string, thai: string, english: string): void {
  mkdirSync(join(contentDir, folder), { recursive: true });
  writeFileSync(join(contentDir, folder, 'th.mdx'), `---\ntitle: ข่าว\n---\n\n${thai}\n`);
  writeFileSync(join(contentDir, folder, 'en.mdx'), `---\ntitle: News\ntranslation:\n  machine: true\n---\n\n${english}\n`);
}
story('one-error', 'ย่อหน้าแรก\n\nการค้าแตะ 1.11 แสนล้านดอลลาร์ในปี 2562', 'First paragraph.\n\nTrade "R&D" reached $111 billion in 2020.');
story('two-errors', '- งบ 5 ล้านบาท\n- ปี 2566', '- A budget of 5 baht\n- in 2566');
story('clean', 'ปี 2566', 'In 2023');
afterAll(() => rmSync(contentDir, { recursive: true, force: true }));

describe("the editor's report", () => {
  it('lists the stories with findings worst first, each finding with its block, line and links', async () => {
    const stories = reportStories(await checkContentDir(contentDir), { site: 'https://news.example/' });
    expect(stories.map((s) => [s.slug, s.findings.length])).toEqual([['two-errors', 2], ['one-error', 1]]);
    const [budget, year] = stories[0]!.findings;
    expect(budget).toMatchObject({ place: 'b-1 (en.mdx line 7)', edit: 'two-errors/en.mdx:7', sideBySide: 'https://news.example/th/articles/two-errors/side-by-side/#b-1' });
    expect(year).toMatchObject({ place: 'b-2 (en.mdx line 8)', expected: '2023', fix: 'write 2023 (or "B.E. 2566")' });
    expect(stories[1]!.findings[0]).toMatchObject({ place: 'b-2 (en.mdx line 9)', thaiText: 'การค้าแตะ 1.11 แสนล้านดอลลาร์ในปี 2562' });
  });

  it('renders one page: both paragraphs with their figures marked, the questioned one flagged, text escaped', async () => {
    const checked = await checkContentDir(contentDir);
    const html = renderReport(reportStories(checked, { site: 'http://localhost:4321' }), checked.length, { site: 'http://localhost:4321', articlesDir: contentDir, generated: '2025-01-01T00:00:00Z' });
    expect(html).toContain('3 findings in 2 of 3 translated stories, worst first.');
    expect(html).toContain('<mark class="flag">2020</mark>');
    expect(html).toContain('<mark class="flag">2562</mark>');
    expect(html).toContain('<mark>$111 billion</mark>');
    expect(html).toContain('Trade &quot;R&amp;D&quot; reached');
    expect(html).toContain('href="http://localhost:4321/th/articles/one-error/side-by-side/#b-2"');
    expect(html).toContain('Edit one-error/en.mdx:9');
    expect(html).not.toContain('<script');
  });
});
