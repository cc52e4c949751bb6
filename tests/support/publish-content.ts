/**
 * A small site for the incremental publishing tests: 12 stories over five months of two years, in three sections,
 * sharing topics (so they relate and list together), every third one with an English rendering,
 * and a topics file that names one topic in both languages.
 */
export interface StorySpec {
  slug: string;
  /** ISO date (Bangkok) of publication. */
  date: string;
  section: string;
  title: string;
  body: string;
  tags: string[];
  /** The English rendering's title, if the story has one. */
  en?: { title: string; body: string };
}

export function publishStories(): StorySpec[] {
  const sections = ['politics', 'economy', 'world'];
  return Array.from({ length: 12 }, (_, i) => {
    const n = i + 1;
    // November 2024 to March 2025: two years, so two search bundles.
    const [year, month] = (
      [
        [2024, 11],
        [2024, 12],
        [2025, 1],
        [2025, 2],
        [2025, 3],
      ] as const
    )[i % 5]!;
    return {
      slug: `story-${String(n).padStart(2, '0')}`,
      date: `${year}-${String(month).padStart(2, '0')}-${String(2 + n).padStart(2, '0')}T09:00:00+07:00`,
      section: sections[i % 3]!,
      title: `ข่าวที่ ${n} รัฐบาลประชุมเรื่องการท่องเที่ยว`,
      body: `รัฐบาลประชุมเรื่องการท่องเที่ยวและเศรษฐกิจ ครั้งที่ ${n}\n\nนายกรัฐมนตรีกล่าวว่าการท่องเที่ยวจะฟื้นตัว`,
      tags: n % 2 === 0 ? ['การเมือง', 'ท่องเที่ยว'] : ['การเมือง'],
      ...(n % 3 === 0
        ? {
            en: {
              title: `Story ${n}: cabinet meets on tourism`,
              body: `The cabinet met on tourism and the economy, meeting ${n}.\n\nThe prime minister said tourism would recover.`,
            },
          }
        : {}),
    };
  });
}

/** The story files of some stories, with the topics file beside the articles folder. */
export function publishFiles(stories: readonly StorySpec[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const s of stories) {
    files[`${s.slug}/th.mdx`] =
      `---\ntitle: ${s.title}\nsummary: สรุป ${s.title}\npublished: ${s.date}\nsection: ${s.section}\ntags: [${s.tags.join(', ')}]\nbyline: โต๊ะข่าว\n---\n\n${s.body}\n`;
    if (s.en) {
      files[`${s.slug}/en.mdx`] =
        `---\ntitle: "${s.en.title}"\nsummary: "Summary of ${s.en.title}"\npublished: ${s.date}\ntags: [Politics]\ntranslation:\n  translator: Foreign news desk\n  machine: false\n  reviewed: true\n---\n\n${s.en.body}\n`;
    }
  }
  return files;
}
