import type { AstroIntegration } from 'astro';
import { defaultReportAddress, reportAddressProblem } from '../lib/report.ts';

/** The newsroom's settings, given in astro.config.mjs; each has its default here. */
export interface NewsroomOptions {
  /**
   * Where readers report errors: "mailto:corrections@example.org", or a form's address with {url},
   * {story}, {lang}, {block} and {text} filled in. Default: mailto:corrections@ the site's own domain.
   */
  reportAddress?: string;
}

export type ResolvedNewsroomOptions = Required<NewsroomOptions>;

const MODULE = 'virtual:newsroom-options';

/** Makes the options readable by pages as `import options from 'virtual:newsroom-options'`, after checking them. */
export function newsroomOptions(options: NewsroomOptions = {}): AstroIntegration {
  return {
    name: 'newsroom-options',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const resolved: ResolvedNewsroomOptions = {
          reportAddress: options.reportAddress ?? defaultReportAddress(new URL(config.site ?? 'http://localhost/')),
        };
        const problem = reportAddressProblem(resolved.reportAddress);
        if (problem) throw new Error(`astro.config.mjs: newsroomOptions({ reportAddress }): ${problem}`);
        updateConfig({
          vite: {
            plugins: [
              {
                name: MODULE,
                resolveId: (id: string) => (id === MODULE ? `\0${MODULE}` : undefined),
                load: (id: string) => (id === `\0${MODULE}` ? `export default ${JSON.stringify(resolved)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
