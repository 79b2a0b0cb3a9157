/**
 * On an embed page inside an iframe: tell the host page how tall the content is, whenever that changes, so the
 * host's embed.js can size the iframe. The message carries only a type and a height.
 */
export const HEIGHT_MESSAGE = 'vitw-embed:height';

if (window.parent !== window) {
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  new ResizeObserver(post).observe(document.documentElement);
  addEventListener('load', post);
}
