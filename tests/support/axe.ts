import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations on a page, one line each ("rule: selectors"). The page's CSP is bypassed only to inject axe. */
export async function axeViolations(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<string[]> {
  const context = await browser.newContext({ colorScheme, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.addScriptTag({ path: axePath });
    return await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (o?: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run();
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  } finally {
    await context.close();
  }
}
