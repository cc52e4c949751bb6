import type { Lang } from './i18n/languages.ts';

/**
 * "Report an error" links, built at build time so that they work without JavaScript and need no
 * server: a mailto: address with the subject and body filled in, or a URL template of the newsroom's
 * own form whose {url}, {story}, {lang}, {block} and {text} are filled in (percent-encoded).
 */

/** Who receives reports when the site names nobody: the corrections mailbox at the site's own domain. */
export function defaultReportAddress(site: URL): string {
  return `mailto:corrections@${site.hostname}`;
}

const PLACEHOLDERS = ['url', 'story', 'lang', 'block', 'text'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

/** A problem with the configured address, as a sentence, or null when it can be used. */
export function reportAddressProblem(address: string): string | null {
  if (/^mailto:[^@\s?]+@[^@\s?]+$/.test(address)) return null;
  if (/^https?:\/\//.test(address)) {
    if (!/\{(url|story)\}/.test(address)) return `the form address "${address}" names no story: put {url} or {story} where the story's address or slug goes`;
    const unknown = [...address.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
    if (unknown.length > 0) return `the form address "${address}" has {${unknown.join('}, {')}}: use only ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
    return null;
  }
  return `"${address}" is neither a mailto: address (mailto:corrections@example.org) nor an http(s) form address with {url}`;
}

/** What a report is about: the story, and for a paragraph, its id and text. */
export interface ReportTarget {
  /** The story's page, absolute. */
  url: string;
  slug: string;
  lang: string;
  title: string;
  block?: { id: string; text: string };
}

/** The story a page's report links name, in the page's language. */
export type StoryToReport = Omit<ReportTarget, 'block' | 'lang'> & { lang: Lang };

/** Words of the e-mail, in the page's language. */
export interface ReportWording {
  subject: (title: string, block: string | null) => string;
  story: string;
  language: string;
  paragraph: string;
  whatIsWrong: string;
}

/** How much of a paragraph a report quotes: enough to find it, short enough for every mail program. */
export const QUOTE_CHARS = 160;

export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_CHARS) return flat;
  const cut = flat.lastIndexOf(' ', QUOTE_CHARS);
  return `${flat.slice(0, cut > QUOTE_CHARS / 2 ? cut : QUOTE_CHARS)}…`;
}

export function reportHref(address: string, target: ReportTarget, wording: ReportWording): string {
  const link = target.block ? `${target.url}#${target.block.id}` : target.url;
  const quoted = target.block ? quote(target.block.text) : '';
  if (address.startsWith('mailto:')) {
    const body = [
      `${wording.story}: ${link}`,
      `${wording.language}: ${target.lang}`,
      ...(target.block ? [`${wording.paragraph}: ${target.block.id}`, '', `> ${quoted}`] : []),
      '',
      `${wording.whatIsWrong}:`,
      '',
    ].join('\n');
    const subject = wording.subject(target.title, target.block?.id ?? null);
    // encodeURIComponent, not URLSearchParams: mail programs read %20, not +, as a space.
    return `${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  }
  const values: Record<Placeholder, string> = { url: link, story: target.slug, lang: target.lang, block: target.block?.id ?? '', text: quoted };
  return address.replace(/\{(url|story|lang|block|text)\}/g, (_, name: Placeholder) => encodeURIComponent(values[name]));
}
