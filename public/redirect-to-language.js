// Runs in <head> of "/" before anything paints: pick the reader's language and go there at once.
(function () {
  var chosen = null;
  try {
    chosen = localStorage.getItem('preferred-language');
  } catch {
    /* storage can be blocked; fall back to the browser's languages */
  }
  if (chosen !== 'th' && chosen !== 'en') {
    chosen = 'th';
    var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (var i = 0; i < prefs.length; i++) {
      var tag = String(prefs[i]).toLowerCase();
      if (tag.indexOf('th') === 0) break;
      if (tag.indexOf('en') === 0) {
        chosen = 'en';
        break;
      }
    }
  }
  document.documentElement.className += ' redirecting';
  location.replace('/' + chosen + '/' + location.search + location.hash);
})();
