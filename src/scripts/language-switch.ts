/**
 * Keeps the reader's place when they switch language or open the side-by-side view: the links
 * get the id of the paragraph at the top of the window (both versions number their paragraphs
 * alike), so the other page opens at that paragraph. Without this script the links still lead to
 * the same story, from its top. Also remembers the language chosen, for the address "/".
 */
const SWITCH_LINKS = 'a[data-lang-switch], a[data-side-by-side-link], a[data-version-link]';

/** A block counts as being read when at least this much of it shows below the sticky bar. */
const VISIBLE_PX = 24;

/** The first aligned block showing below the sticky language bar: the one being read. */
function blockAtTop(): Element | null {
  const top = document.querySelector('[data-switch-bar]')?.getBoundingClientRect().bottom ?? 0;
  for (const block of document.querySelectorAll('[data-block]')) {
    if (block.getBoundingClientRect().bottom > top + VISIBLE_PX) return block;
  }
  return null;
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>(SWITCH_LINKS);
  if (!link) return;
  const lang = link.hreflang;
  if (lang === 'th' || lang === 'en') {
    try {
      localStorage.setItem('preferred-language', lang);
    } catch {
      // Storage may be blocked; the choice is then simply not remembered.
    }
  }
  const block = window.scrollY > 0 ? blockAtTop() : null;
  const id = block?.getAttribute('data-block');
  if (id) link.hash = `b-${id}`;
});
