import { initSunburst } from './sunburst-island.ts';
import { initControls } from './controls-island.ts';
import { initToolbar } from './toolbar.ts';
import { initTips } from './tips-island.ts';

/** Adds interaction to the server-rendered figures on the page. Heavy code and data load on first interaction. */
const islands: Record<string, (figure: HTMLElement) => void> = {
  sunburst: initSunburst,
  controls: initControls,
  tips: initTips,
};

for (const figure of document.querySelectorAll<HTMLElement>('figure.chart-figure')) {
  islands[figure.dataset.island ?? '']?.(figure);
  initToolbar(figure);
}
performance.mark('interactive-ready');
