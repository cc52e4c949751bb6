import { en } from './en.ts';
import type { Lang } from './languages.ts';
import { th } from './th.ts';
import type { UiStrings } from './ui-types.ts';

export * from './languages.ts';
export type { UiStrings } from './ui-types.ts';

const dictionaries: Record<Lang, UiStrings> = { th, en };

/** The interface strings of one language. */
export function ui(lang: Lang): UiStrings {
  return dictionaries[lang];
}
