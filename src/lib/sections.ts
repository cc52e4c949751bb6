/** Sections a story can be filed under. Their names in each language live in the UI dictionaries. */
export const sectionIds = ['world', 'politics', 'economy', 'government', 'society', 'environment', 'technology', 'health', 'education', 'sports'] as const;

export type SectionId = (typeof sectionIds)[number];
