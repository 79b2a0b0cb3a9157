/* Values in the Wild: an embed's ?theme=light or dark; anything else follows the system (src/styles/site.css). */
(function () {
  var theme = new URLSearchParams(location.search).get('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
})();
