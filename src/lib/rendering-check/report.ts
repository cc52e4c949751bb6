import { escapeHtml } from '../html.ts';
import { sideBySidePath } from '../urls.ts';
import { findingPlace, type StoryFindings, type StoryParagraph } from './content.ts';
import { extractEnglishFigures } from './extract-english.ts';
import { extractThaiFigures } from './extract-thai.ts';
import type { Finding, Span } from './types.ts';

/**
 * The editor's report: one HTML page, outside the public site, listing every translated story with findings,
 * worst first. Each finding shows the two paragraphs side by side with every figure marked and the
 * questioned ones stronger, the message and the fix, and links to the story's side-by-side page at that
 * paragraph and to the file and line to edit.
 */

export interface ReportOptions {
  /** Where the site is served, for the side-by-side links, e.g. "http://localhost:4321". */
  site: string;
  /** The stories folder as a path, for the file links. */
  articlesDir: string;
  /** When the report was made (ISO), shown at the top. */
  generated: string;
}

export interface ReportFinding extends Finding {
  /** "b-5 (en.mdx line 12)" */
  place: string;
  sideBySide: string;
  /** The file and line to edit, e.g. "world/trade-story/en.mdx:12". */
  edit: string;
  /** The two paragraphs, in full. */
  englishText: string;
  thaiText: string | null;
}

export interface ReportStory {
  slug: string;
  directory: string;
  findings: ReportFinding[];
}

/** Stories with findings, worst first (most findings, then by slug), each finding with its links. */
export function reportStories(stories: readonly StoryFindings[], options: Pick<ReportOptions, 'site'>): ReportStory[] {
  return stories
    .filter((story) => story.findings.length > 0)
    .map((story) => ({
      slug: story.slug,
      directory: story.directory,
      findings: story.findings.map((finding) => reportFinding(story, finding, options.site)),
    }))
    .sort((a, b) => b.findings.length - a.findings.length || a.slug.localeCompare(b.slug));
}

function reportFinding(story: StoryFindings, finding: Finding, site: string): ReportFinding {
  const english: StoryParagraph | undefined = finding.paragraph === null ? undefined : story.english[finding.paragraph];
  const thai: StoryParagraph | undefined = finding.thaiParagraph === undefined ? undefined : story.thai[finding.thaiParagraph];
  const anchor = english?.id ? `#${english.id}` : '';
  const folder = story.directory === '.' ? '' : `${story.directory}/`;
  return {
    ...finding,
    place: findingPlace(finding, story.english),
    sideBySide: `${site.replace(/\/$/, '')}${sideBySidePath('th', story.slug)}${anchor}`,
    edit: `${folder}en.mdx:${english?.line ?? 1}`,
    englishText: english?.text ?? '',
    thaiText: thai ? thai.text : null,
  };
}

/** A paragraph with every figure marked, the questioned one as <mark class="flag">. */
function marked(text: string, figures: readonly Span[], flagged: Span | null): string {
  const spans = [...figures]
    .filter((span) => span.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((span, index, all) => index === 0 || span.start >= all[index - 1]!.end);
  let html = '';
  let at = 0;
  for (const span of spans) {
    const isFlag = flagged !== null && span.start < flagged.end && flagged.start < span.end;
    html += escapeHtml(text.slice(at, span.start));
    html += `<mark${isFlag ? ' class="flag"' : ''}>${escapeHtml(text.slice(span.start, span.end))}</mark>`;
    at = span.end;
  }
  return html + escapeHtml(text.slice(at));
}

function findingHtml(finding: ReportFinding, articlesDir: string): string {
  const englishFigures = extractEnglishFigures(finding.englishText).map((figure) => figure.span);
  const flaggedEnglish = finding.kind === 'name' ? null : finding.english;
  const thaiText = finding.thaiText;
  const thaiHtml =
    thaiText === null
      ? '<p class="none">The Thai has no figure that this one could render.</p>'
      : `<p lang="th">${marked(thaiText, [...extractThaiFigures(thaiText).map((figure) => figure.span), ...(finding.thai ? [finding.thai] : [])], finding.thai)}</p>`;
  const [file, line] = finding.edit.split(':');
  const fileUrl = `vscode://file/${encodeURI(`${articlesDir.replace(/\/$/, '')}/${file}`)}:${line}`;
  return `<li class="finding">
  <p class="what"><span class="kind">${escapeHtml(finding.kind)}</span> ${escapeHtml(finding.place)} — ${escapeHtml(finding.message)}</p>
  <p class="fix">Likely fix: ${escapeHtml(finding.fix)}</p>
  <div class="pair">
    <div><h4>Thai</h4>${thaiHtml}</div>
    <div><h4>English</h4><p lang="en">${marked(finding.englishText, englishFigures, flaggedEnglish)}</p></div>
  </div>
  <p class="links"><a href="${escapeHtml(finding.sideBySide)}">Side by side at this paragraph</a> · <a href="${escapeHtml(fileUrl)}">Edit ${escapeHtml(finding.edit)}</a></p>
</li>`;
}

const STYLE = `body{font:16px/1.6 "Noto Sans Thai",system-ui,sans-serif;max-width:75rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.5rem;border-top:1px solid #ccc;padding-top:1rem}h4{margin:0 0 .25rem;font-size:.85rem;color:#555}
ol{padding-left:1.25rem}.finding{margin:1.25rem 0}.what{font-weight:600;margin:0}.fix{margin:.25rem 0}.kind{background:#eee;border-radius:.25rem;padding:0 .4rem;font-size:.85rem}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}.pair p{margin:0}[lang=th]{line-height:1.9}
mark{background:#e8f0fe;color:inherit}mark.flag{background:#ffd54f;outline:2px solid #c77700}.none{color:#555;font-style:italic}.links{font-size:.9rem}
@media (max-width:50rem){.pair{grid-template-columns:1fr}}`;

/** The whole report page. */
export function renderReport(stories: readonly ReportStory[], checked: number, options: ReportOptions): string {
  const total = stories.reduce((sum, story) => sum + story.findings.length, 0);
  const summary =
    total === 0
      ? `No findings in ${checked} translated ${checked === 1 ? 'story' : 'stories'}.`
      : `${total} ${total === 1 ? 'finding' : 'findings'} in ${stories.length} of ${checked} translated ${checked === 1 ? 'story' : 'stories'}, worst first.`;
  const body = stories
    .map(
      (story) => `<section>
<h2 id="${escapeHtml(story.slug)}">${escapeHtml(story.slug)} <small>(${story.findings.length})</small></h2>
<ol>
${story.findings.map((finding) => findingHtml(finding, options.articlesDir)).join('\n')}
</ol>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Rendering check: ${total} ${total === 1 ? 'finding' : 'findings'}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Rendering check</h1>
<p>${escapeHtml(summary)} Figures are marked in both languages; the questioned one is outlined. Generated ${escapeHtml(options.generated)}.</p>
${body}
</body>
</html>
`;
}
