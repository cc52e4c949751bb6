/**
 * The theme button cycles system → light → dark and remembers the choice (public/theme.js applies
 * it before paint on the next page). Without JavaScript the button is hidden (CSS, scripting: none)
 * and the page follows the system setting.
 */
type Theme = 'system' | 'light' | 'dark';
const ORDER: Theme[] = ['system', 'light', 'dark'];

function stored(): Theme {
  try {
    const value = localStorage.getItem('theme');
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

function apply(theme: Theme, button: HTMLButtonElement): void {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
  try {
    if (theme === 'system') localStorage.removeItem('theme');
    else localStorage.setItem('theme', theme);
  } catch {
    // Not remembered when storage is blocked; the page still switches.
  }
  button.dataset['theme'] = theme;
  const label = button.querySelector<HTMLElement>('[data-theme-label]');
  if (label) label.textContent = button.dataset[`label${theme[0]!.toUpperCase()}${theme.slice(1)}`] ?? theme;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  apply(stored(), button);
  button.addEventListener('click', () => {
    const current = (button.dataset['theme'] as Theme | undefined) ?? 'system';
    apply(ORDER[(ORDER.indexOf(current) + 1) % ORDER.length]!, button);
  });
}
