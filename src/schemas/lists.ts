import { z } from 'astro/zod';
import { nonEmpty, text } from './fields.ts';

/** A desk, agency or office in both languages (content/desks.yaml). */
export const deskSchema = z.strictObject({
  th: text('the name in Thai, e.g. "โต๊ะข่าวต่างประเทศ"'),
  en: text('the name in English as it reads in a sentence, e.g. "the foreign news desk"'),
});
export const DESK_EXAMPLE = '- th: โต๊ะข่าวต่างประเทศ\n  en: the foreign news desk';

/** A topic: a Thai tag and its English counterpart (content/topics.yaml). */
export const topicSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be lowercase Latin letters, digits and single hyphens (it becomes the URL), e.g. "russia"' }),
  th: text('the tag in Thai, e.g. "รัสเซีย"'),
  en: text('the tag in English, e.g. "Russia"'),
  aliases: z.array(nonEmpty, { error: 'must be a list of other spellings, e.g. [สหรัฐ, USA]' }).default([]),
});
export const TOPIC_EXAMPLE = '- id: russia\n  th: รัสเซีย\n  en: Russia\n  aliases: [สหพันธรัฐรัสเซีย]   # optional';
