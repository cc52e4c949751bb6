// Runs in <head> before the page paints, so a chosen theme never flashes the other one first.
// Without a choice (or without this script) the page follows the system through CSS alone.
(function () {
  try {
    var theme = localStorage.getItem('theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
  } catch {
    /* storage blocked: follow the system */
  }
})();
