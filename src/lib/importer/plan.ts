import type { Lang } from '../i18n/languages.ts';
import type { SectionId } from '../sections.ts';
import type { ArticleFrontmatter } from './article-file.ts';
import type { ParsedStory, ParsedVersion } from './parse.ts';
import { textHasPart } from '../search/query.ts';
import { normalizeForSearch } from '../search/text.ts';
import { shortHash, slugFromTitle } from './slug.ts';

/** What the importer knows of a story already in the content folder. */
export interface ExistingStory {
  slug: string;
  /** Folder relative to the articles folder, e.g. "2025/putin-visits-china". */
  folder: string;
  identities: string[];
  files: Partial<Record<Lang, { frontmatter: Record<string, unknown>; text: string }>>;
}

/**
 * The key under which a story is recognised when it is imported again: its source URL when it has
 * one (press releases often share a title), else its original title.
 */
export function storyIdentities(story: { sourceUrl?: string | undefined; originalTitle: string }): string[] {
  if (story.sourceUrl) return [`url:${story.sourceUrl}`];
  return [`title:${story.originalTitle.replace(/\s+/g, ' ').trim()}`];
}

const THAIGOV_ID = /thaigov\.go\.th\/news\/contents\/details\/(\d+)/;

/** A new story's slug: English words of its title, else the thaigov item number, else a fingerprint. */
export function proposeSlug(story: ParsedStory): string {
  const english = story.versions.find((v) => v.lang === 'en');
  const fromTitle = english ? slugFromTitle(english.title) : null;
  if (fromTitle) return fromTitle;
  const thaigovId = story.sourceUrl ? THAIGOV_ID.exec(story.sourceUrl)?.[1] : undefined;
  if (thaigovId) return `thaigov-${thaigovId}`;
  return `story-${shortHash(story.versions[0]!.title)}`;
}

/** The dek of a new story: its first paragraph, cut at a space near 280 characters. */
export function defaultSummary(paragraphs: readonly string[]): string {
  const first = paragraphs[0] ?? '';
  if (first.length <= 300) return first;
  const cut = first.lastIndexOf(' ', 280);
  return `${first.slice(0, cut > 120 ? cut : 280).trim()}…`;
}

/** A topic of the topics file, as the importer tags with it. */
export interface TaggingTopic {
  th: string;
  en: string;
  aliases: string[];
}

/**
 * The topics a new story is about, as tags in one language: those whose name (or an alias) appears in
 * its title or its first paragraph. Thai has no spaces between words, so a name is looked for as it
 * is written; the topics file should hold names that do not occur inside other words.
 */
export function tagsFromTopics(version: Pick<ParsedVersion, 'title' | 'paragraphs'>, topics: readonly TaggingTopic[], lang: Lang): string[] {
  const text = `${version.title}\n${version.paragraphs[0] ?? ''}`.normalize('NFC').toLowerCase();
  const found = (name: string) => {
    const needle = name.normalize('NFC').toLowerCase();
    // Latin names must stand as words ("US" is not in "must"); Thai names where search finds them, on
    // character-cluster boundaries (ลาว is not in ศาลาว่าการ).
    return /[a-z]/.test(needle)
      ? new RegExp(`(^|[^a-z])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z])`).test(text)
      : textHasPart(text, { kind: 'thai', text: normalizeForSearch(needle) });
  };
  return topics.filter((t) => [t.th, t.en, ...t.aliases].some(found)).map((t) => t[lang]);
}

export interface ImportOptions {
  section: (layout: ParsedStory['layout']) => SectionId;
  /** Credit for stories whose text names no office or agency. */
  byline: Record<Lang, string>;
  /** How a rendering found in the same file is labelled. */
  translation: { translator: string; machine: boolean; reviewed: boolean };
  /** How a rendering given in a file of its own (--pair) is labelled: the issuer's own translation. */
  pairedTranslation?: { translator: string; machine: boolean; reviewed: boolean };
  /** Topics to tag new stories with (the topics file); none when absent. */
  topics?: readonly TaggingTopic[];
}

/** Fields an editor may have set; an import never overwrites them once the story exists. */
const EDITORIAL_FIELDS = ['summary', 'published', 'updated', 'section', 'tags', 'source', 'byline', 'translation'] as const;

function frontmatterFor(
  story: ParsedStory,
  version: ParsedVersion,
  isOriginal: boolean,
  options: ImportOptions,
  existing: Record<string, unknown> | undefined,
): ArticleFrontmatter {
  const imported: ArticleFrontmatter = { title: version.title, summary: defaultSummary(version.paragraphs) };
  if (isOriginal) {
    if (story.published) imported.published = story.published;
    imported.section = options.section(story.layout);
    if (story.layout === 'thaigov') imported.source = story.office ?? (version.lang === 'th' ? 'ทำเนียบรัฐบาล' : 'Royal Thai Government');
    else imported.byline = options.byline[version.lang];
    if (story.sourceUrl) imported.sourceUrl = story.sourceUrl;
  } else {
    imported.translation = { ...(story.pairedRendering && options.pairedTranslation ? options.pairedTranslation : options.translation) };
  }
  // Tagged by what the original is about, in this version's language.
  const tags = tagsFromTopics(story.versions[0]!, options.topics ?? [], version.lang);
  if (tags.length > 0) imported.tags = tags;
  if (version.image) imported.image = { ...version.image };
  if (version.related.length > 0) imported.related = version.related.map((r) => ({ ...r }));
  if (!existing) return imported;

  const merged: ArticleFrontmatter = { ...imported };
  const target = merged as unknown as Record<string, unknown>;
  for (const field of EDITORIAL_FIELDS) {
    if (existing[field] !== undefined) target[field] = existing[field];
    else if (field !== 'summary' && !(field in imported)) delete target[field];
  }
  // A photo the editor attached keeps its file and alt text; the import brings the caption.
  const oldImage = existing['image'] as ArticleFrontmatter['image'] | undefined;
  if (oldImage && merged.image) merged.image = { ...oldImage, caption: merged.image.caption, credit: merged.image.credit };
  else if (oldImage) merged.image = oldImage;
  if (!merged.related && Array.isArray(existing['related'])) merged.related = existing['related'] as NonNullable<ArticleFrontmatter['related']>;
  if (!merged.sourceUrl && typeof existing['sourceUrl'] === 'string') merged.sourceUrl = existing['sourceUrl'];
  return merged;
}

export interface PlannedFile {
  lang: Lang;
  frontmatter: ArticleFrontmatter;
  paragraphs: string[];
  /** Why the file is left as it is, when it is. */
  keep?: string;
}

/** The files a parsed story becomes, merged with what the content folder already holds. */
export function planStoryFiles(story: ParsedStory, existing: ExistingStory | undefined, options: ImportOptions): PlannedFile[] {
  // An existing story keeps its original language, even if the file now leads with the rendering.
  const originalLang = existing ? (originalLangOf(existing) ?? story.versions[0]!.lang) : story.versions[0]!.lang;
  return story.versions.map((version) => {
    const isOriginal = version.lang === originalLang;
    const old = existing?.files[version.lang]?.frontmatter;
    const translation = old?.['translation'] as { reviewed?: unknown } | undefined;
    const planned: PlannedFile = {
      lang: version.lang,
      frontmatter: frontmatterFor(story, version, isOriginal, options, old),
      paragraphs: version.paragraphs,
    };
    // An editor-reviewed rendering is the newsroom's text: a raw (machine) rendering never replaces it.
    if (!isOriginal && translation?.reviewed === true) planned.keep = 'editor-reviewed rendering kept';
    return planned;
  });
}

function originalLangOf(existing: ExistingStory): Lang | null {
  for (const [lang, file] of Object.entries(existing.files) as [Lang, { frontmatter: Record<string, unknown> }][]) {
    if (file.frontmatter['translation'] === undefined) return lang;
  }
  return null;
}
