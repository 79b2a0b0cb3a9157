import { enterCompactLayout, postToWordPress, routeLinksThroughWordPress, wordpressSecret } from './embed-wordpress.ts';

/**
 * On an embed page inside an iframe: tell the host page how tall the content is at its natural size, whenever that
 * changes, so a host script can size the frame to it. Two hosts are answered:
 * - our embed.js: {type: 'vitw-embed:height', height};
 * - WordPress's wp-embed.js, when the frame's URL carries `#?secret=…` (src/islands/embed-wordpress.ts):
 *   {message: 'height', value, secret}, again whenever it says {message: 'ready', secret}.
 */
export const HEIGHT_MESSAGE = 'vitw-embed:height';
/** The class that makes the page fit its frame (src/styles/site.css), taken off for a moment to measure. */
const FIT = 'embed-fit';

if (window.parent !== window && document.body.hasAttribute('data-embed')) {
  const root = document.documentElement;
  const measure = () => {
    pending = false;
    if (wordpressSecret()) enterCompactLayout();
    root.classList.remove(FIT);
    // Measured at the frame's whole width: a scrollbar, shown while the frame is shorter than its page, would narrow it.
    const overflow = root.style.overflow;
    root.style.overflow = 'hidden';
    const height = Math.ceil(root.getBoundingClientRect().height);
    root.style.overflow = overflow;
    root.classList.add(FIT);
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
    postToWordPress('height', height);
  };
  let pending = false;
  // Posts are coalesced to one per task. Not per animation frame: Chromium runs none in a hidden frame, and WordPress
  // hides its frame until the frame first speaks; nor, throttled, in a cross-origin frame off the screen, as a
  // WordPress post's frames below the fold are (they are never lazy-loaded).
  const post = () => {
    if (!pending) setTimeout(measure);
    pending = true;
  };
  // The observer reports at once, then whenever the frame's size changes or a panel opens or closes (the page leaves its
  // fitted layout); a chart redrawn or a control shown (its `hidden` dropped by a script) while the frame keeps its size
  // changes only the page's content.
  new ResizeObserver(post).observe(root);
  new MutationObserver(post).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['hidden', 'class', 'open', 'style'],
  });
  addEventListener('load', post);
  addEventListener('hashchange', post);
  // Answered at once, wherever the frame is: wp-embed.js asks each frame when its own page has loaded.
  addEventListener('message', (event) => event.data?.message === 'ready' && event.data.secret === wordpressSecret() && measure());
  routeLinksThroughWordPress();
}
