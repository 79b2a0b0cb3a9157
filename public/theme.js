/* An embed's head script, run before the first paint.
   Its ?theme=light|dark; anything else follows the system. */
(function () {
  var root = document.documentElement;
  var t = new URLSearchParams(location.search).get('theme');
  if (t == 'light' || t == 'dark') root.setAttribute('data-theme', t);
  /* In a frame, the page fits the frame (src/styles/embed.css). Opened on its own (a link followed on a phone), it is a
     page like any other: fitted to the window's height, its chart would shrink to a sliver of unreadable text. */
  if (window.parent !== window) root.classList.add('embed-fit');
})();
