import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; playwright's own browser download does not work on these machines. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** Dismisses every dialog the page opens (alert, confirm…) and returns the list of their messages: hostile-input tests expect it empty. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return dialogs;
}

type Settled = { __pageSettled?: boolean };
const watchedContexts = new WeakSet<BrowserContext>();

/**
 * Runs `action` (a click or key press that follows a link) and waits until the new page is at
 * `url` and its cross-fade has finished. During a view transition the reader sees a picture of
 * the page, and clicks land on the picture: a test that clicks right after the "load" event would
 * click nothing. The new page's `pagereveal` event says whether a transition runs and when it ends.
 */
export async function navigate(page: Page, url: string | RegExp, action: () => Promise<void>): Promise<void> {
  const context = page.context();
  if (!watchedContexts.has(context)) {
    watchedContexts.add(context);
    await context.addInitScript(() => {
      const state = globalThis as Settled;
      state.__pageSettled = false;
      addEventListener('pagereveal', (event) => {
        const transition = (event as Event & { viewTransition?: { finished: Promise<void> } | null }).viewTransition;
        if (!transition) state.__pageSettled = true;
        else void transition.finished.finally(() => (state.__pageSettled = true));
      });
    });
  }
  await action();
  await page.waitForURL(url);
  await page.waitForFunction(() => (globalThis as Settled).__pageSettled === true);
}
