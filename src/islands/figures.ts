import { initSunburst } from './sunburst-island.ts';
import { initControls } from './controls-island.ts';
import { initToolbar } from './toolbar.ts';
import { initTips } from './tips-island.ts';
import { initNavigator } from './navigator.ts';
import { initWide } from './wide-figures.ts';
import { viewFromUrl } from './view-state.ts';
// On an embed page (every one holds a figure), tell the host page its height; in this bundle it costs fewer bytes.
import './embed-height.ts';

/** Adds interaction to the server-rendered figures on the page. Heavy code and data load on first interaction. */
const islands: Record<string, (figure: HTMLElement) => void> = {
  sunburst: initSunburst,
  controls: initControls,
  // Only the atlas's pages load its code (and d3-zoom).
  atlas: (figure) => void import('./atlas-island.ts').then((m) => start(figure, 'atlas', m.initAtlas)),
};
/** Islands whose marks are keyboard stops of their own, with their own tooltips: the sunburst's arcs, the atlas's circles. */
const OWN_STOPS = ['sunburst', 'atlas'];

/** Each figure's interaction starts on its own: one that fails leaves the others (and its own toolbar) working. */
function start(figure: HTMLElement, part: string, init: ((figure: HTMLElement) => void) | undefined) {
  try {
    init?.(figure);
  } catch (error) {
    console.error(`Figure ${figure.id || '(no id)'}: its ${part} could not start; the chart and its table still work.`, error);
  }
}

for (const figure of document.querySelectorAll<HTMLElement>('figure.chart-figure')) {
  start(figure, figure.dataset.island ?? 'island', islands[figure.dataset.island ?? '']);
  start(figure, 'toolbar', initToolbar);
  const ownStops = OWN_STOPS.includes(figure.dataset.island ?? '');
  // A wide figure's drawing for a wide screen (the sunburst, which redraws itself, shows it through its island).
  if (figure.dataset.island !== 'sunburst') start(figure, 'wide drawing', initWide);
  // The sunburst and the atlas show their own, richer tooltips; every other chart shows its marks' tips.
  if (!ownStops) start(figure, 'tooltips', initTips);
  // Only three charts offer a guess first; the rest never load its code.
  if (figure.dataset.predictQuestion) void import('./predict.ts').then((m) => start(figure, 'guessing game', m.initPredict));
  // The sunburst's arcs and the atlas's circles are keyboard stops of their own; every other chart is walked through its table.
  if (!ownStops) start(figure, 'keyboard walk', initNavigator);
  // A chart whose marks are its own stops (the heatmap's pairs) lets the reader select one.
  if (figure.dataset.island === 'tips') void import('./mark-select.ts').then((m) => start(figure, 'selection', m.initMarkSelect));
  // Sorting a table loads when the table is first shown, or at once for a sorted view in the URL.
  const sortable = () => void import('./table-sort.ts').then((m) => start(figure, 'table sort', m.initTableSort));
  if (viewFromUrl(figure).has('sort')) sortable();
  else figure.querySelector('details.chart-table')?.addEventListener('toggle', sortable, { once: true });
}
performance.mark('interactive-ready');
