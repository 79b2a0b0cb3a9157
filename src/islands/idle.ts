/** Runs `then` in an idle moment (or soon, where a browser has none), telling it how many ms that moment has left. */
export function idle(then: (remaining: () => number) => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback((deadline) => then(() => deadline.timeRemaining()), { timeout: 1000 });
  else
    setTimeout(() => {
      const start = performance.now();
      then(() => 8 - (performance.now() - start));
    }, 50);
}
