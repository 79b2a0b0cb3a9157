let liveRegion: HTMLElement | undefined;

/**
 * The page's one polite live region, for what the figures' tools say to screen readers (a copy done, a sound
 * playing). Made when the first figure starts, so it is in the page before anything is said through it.
 */
export function ensureLiveRegion(): HTMLElement {
  if (!liveRegion) {
    liveRegion = document.createElement('p');
    liveRegion.className = 'visually-hidden';
    liveRegion.setAttribute('aria-live', 'polite');
    liveRegion.dataset.announce = '';
    // Inside the main landmark, like everything else the page says.
    (document.querySelector('main') ?? document.body).append(liveRegion);
  }
  return liveRegion;
}

export function announce(text: string): void {
  ensureLiveRegion().textContent = text;
}
