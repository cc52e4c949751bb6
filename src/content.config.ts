import { defineCollection } from 'astro:content';
import { articleLoader } from './loaders/articles.ts';
import { listFileLoader } from './loaders/list-file.ts';
import { topicsFileProblems } from './lib/topics.ts';
import { articleSchema } from './schemas/article.ts';
import { DESK_EXAMPLE, deskSchema, TOPIC_EXAMPLE, topicSchema } from './schemas/lists.ts';

/**
 * The collections: stories (src/loaders/articles.ts reads and checks every file under the articles
 * folder) and the small lists the newsroom keeps beside them. The schemas live in src/schemas/.
 */
export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: articleSchema }),
  topics: defineCollection({ loader: listFileLoader('topics.yaml', topicSchema, TOPIC_EXAMPLE, (t) => t.id, topicsFileProblems), schema: topicSchema }),
  desks: defineCollection({ loader: listFileLoader('desks.yaml', deskSchema, DESK_EXAMPLE, (d) => d.en), schema: deskSchema }),
};
