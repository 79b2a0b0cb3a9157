/**
 * On an embed page inside an iframe: tell the host page how tall the content is at its natural size, whenever that
 * changes, so a host script can size the frame to it. Two hosts are answered:
 * - our embed.js: {type: 'vitw-embed:height', height};
 * - WordPress's wp-embed.js, when the frame's URL carries `#?secret=…` (WordPress adds it to an oEmbed iframe, at
 *   once or later): {message: 'height', value, secret}, again whenever it says {message: 'ready', secret}; and links,
 *   which cannot open a new tab from its sandboxed frame, go to it as {message: 'link', value: href, secret}.
 */
export const HEIGHT_MESSAGE = 'vitw-embed:height';
/** The class that makes the page fit its frame (src/styles/site.css), taken off for a moment to measure. */
const FIT = 'embed-fit';

if (window.parent !== window && document.body.hasAttribute('data-embed')) {
  const root = document.documentElement;
  const secret = () => /secret=(\w+)/.exec(location.hash)?.[1];
  const send = (message: object) => window.parent.postMessage(message, '*');
  const measure = () => {
    pending = false;
    root.classList.remove(FIT);
    const height = Math.ceil(root.getBoundingClientRect().height);
    root.classList.add(FIT);
    send({ type: HEIGHT_MESSAGE, height });
    if (secret()) send({ message: 'height', value: height, secret: secret() });
  };
  let pending = false;
  const post = () => {
    if (!pending) requestAnimationFrame(measure);
    pending = true;
  };
  // The observer reports at once, then whenever the frame's size changes or a panel opens or closes (the page leaves its
  // fitted layout); a chart redrawn or a control shown (its `hidden` dropped by a script) while the frame keeps its size
  // changes only the page's content. Posts are coalesced to one per frame.
  new ResizeObserver(post).observe(root);
  new MutationObserver(post).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['hidden', 'class', 'open', 'style'],
  });
  addEventListener('load', post);
  addEventListener('hashchange', post);
  addEventListener('message', (event) => event.data?.message === 'ready' && event.data.secret === secret() && post());
  addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[href]:not([download])');
    if (link && secret()) {
      event.preventDefault();
      send({ message: 'link', value: link.href, secret: secret() });
    }
  });
}
