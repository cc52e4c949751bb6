import { LANGUAGE_CHOICE_KEY, otherVersionOf, readerLanguage } from '../lib/not-found.ts';

/**
 * On a not-found page: put the reader's language first, and when the missing URL is a story that
 * exists in the other language only, say so with a link. Without JavaScript the page shows both
 * languages as they are, with search and the front page.
 */
function storedChoice(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_CHOICE_KEY);
  } catch {
    return null; // storage can be blocked
  }
}

const root = document.querySelector<HTMLElement>('[data-not-found]');
if (root) {
  const lang = readerLanguage(location.pathname, storedChoice(), navigator.languages);
  const own = root.querySelector<HTMLElement>(`[data-not-found-lang="${lang}"]`);
  if (own && own !== root.firstElementChild) root.prepend(own);

  const other = otherVersionOf(location.pathname);
  if (other) {
    // A HEAD request asks the host itself whether that page exists: no list of stories to ship.
    const response = await fetch(other.path, { method: 'HEAD' }).catch(() => null);
    if (response?.ok) {
      for (const note of root.querySelectorAll<HTMLElement>(`[data-story-in="${other.lang}"]`)) {
        note.querySelector('a')?.setAttribute('href', other.path);
        note.hidden = false;
      }
    }
  }
}
