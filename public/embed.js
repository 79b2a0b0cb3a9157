/*
 * Values in the Wild — auto-height for embedded charts. Include once on a page that embeds charts:
 *   <script src="https://<this site>/embed.js" async></script>
 * Each embed page posts {type: "vitw-embed:height", height} to its parent; this script checks that the message comes
 * from this site's origin and from one of the page's iframes, and has that shape, then sets that iframe's height.
 * Anything else is ignored.
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'vitw-embed:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 40 || height > 20000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + 'px';
    }
  });
})();
