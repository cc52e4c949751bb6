import type { Lang } from './i18n/languages.ts';

/**
 * Credits in the reader's language. Bylines, desks and agencies are written once, usually in Thai,
 * in the original; a small desks file (content/desks.yaml) gives the usual ones in both languages.
 * A name the file does not know is shown as written, marked with the language it is written in.
 */

/** One desk, agency or office, as it reads in each language. English names read as in running text ("the foreign news desk"). */
export interface Desk {
  th: string;
  en: string;
}

/** A name to show, with the language it is written in (a Thai name on an English page keeps lang="th"). */
export interface Credit {
  text: string;
  lang: Lang;
}

const THAI_LETTER = /[\u0E00-\u0E7F]/;
const LEADING_ARTICLE = /^the\s+/;

/** How a name is recognised: case, spacing, Unicode form and a leading "the" do not matter. */
function key(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase().replace(LEADING_ARTICLE, '');
}

/** The language a name is written in, judged by its letters. */
export function languageOfName(name: string): Lang {
  return THAI_LETTER.test(name) ? 'th' : 'en';
}

export type DeskDirectory = (name: string, lang: Lang) => Credit;

/** Looks names up in either language and gives them in the one asked for. */
export function deskDirectory(desks: readonly Desk[]): DeskDirectory {
  const byKey = new Map<string, Desk>();
  for (const desk of desks) {
    byKey.set(key(desk.th), desk);
    byKey.set(key(desk.en), desk);
  }
  return (name, lang) => {
    const desk = byKey.get(key(name));
    return desk ? { text: desk[lang], lang } : { text: name.trim(), lang: languageOfName(name) };
  };
}

/** A name standing alone (after "By", in a feed): its first letter capitalised ("the foreign news desk" → "The foreign news desk"). */
export function standalone(credit: Credit): Credit {
  return { ...credit, text: credit.text.charAt(0).toLocaleUpperCase(credit.lang) + credit.text.slice(1) };
}

/** What a story's page credits, in one language. */
export interface StoryCredits {
  byline: Credit | null;
  source: Credit | null;
  /** For a rendering: who made it and who checked it, for the provenance sentence. */
  translation: { machine: boolean; reviewed: boolean; translator: Credit; reviewer: Credit | null } | null;
}

interface CreditedFile {
  byline?: string | undefined;
  source?: string | undefined;
  translation?: { translator: string; machine: boolean; reviewed: boolean; reviewer?: string | undefined } | undefined;
}

/**
 * The credits of one version: a rendering's own byline or source when it sets one, else the
 * original's, looked up in the desks file for this language.
 */
export function storyCredits(original: CreditedFile, version: CreditedFile, lang: Lang, desks: DeskDirectory): StoryCredits {
  const t = version.translation;
  const name = (own: string | undefined, fromOriginal: string | undefined): Credit | null => {
    // A rendering's own credit is already in its language; the original's is looked up.
    if (t && own !== undefined) return { text: own, lang: languageOfName(own) };
    return fromOriginal === undefined ? null : desks(fromOriginal, lang);
  };
  return {
    byline: name(version.byline, original.byline),
    source: name(version.source, original.source),
    translation: t
      ? {
          machine: t.machine,
          reviewed: t.reviewed,
          translator: desks(t.translator, lang),
          reviewer: t.reviewer ? desks(t.reviewer, lang) : null,
        }
      : null,
  };
}
