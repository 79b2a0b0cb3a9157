/* An embed's ?theme=light|dark; anything else follows the system. */
(function () {
  var t = new URLSearchParams(location.search).get('theme');
  if (t == 'light' || t == 'dark') document.documentElement.setAttribute('data-theme', t);
})();
