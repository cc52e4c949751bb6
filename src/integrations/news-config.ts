import type { AstroIntegration } from 'astro';
import type { NewsConfig } from '../config.ts';

const MODULE_ID = 'virtual:news/config';
const RESOLVED_ID = `\0${MODULE_ID}`;

/**
 * Makes the parsed settings importable as `virtual:news/config` by pages, components and the content
 * loader, as Starlight does with its user config: they are read once, in astro.config.mjs.
 */
export function newsConfig(config: NewsConfig): AstroIntegration {
  return {
    name: 'news-config',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'news-config',
                resolveId: (id: string) => (id === MODULE_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? `export default ${JSON.stringify(config)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
