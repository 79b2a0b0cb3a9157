import { embedHeightOf, type AnyChart, type OptionsInput } from '../charts/lib/contract.ts';
import { titlesToTips } from '../charts/lib/svg.ts';
import { fetchJson, figureParts, once } from './figure-parts.ts';
import { setView, viewFromUrl } from './view-state.ts';

/**
 * Every chart module, loaded (with Plot) only when a reader first changes a control. A chart is found by its id:
 * src/charts/<id>.ts, whose default export implements the chart contract.
 */
const CHART_MODULES = import.meta.glob<{ default: AnyChart }>('../charts/*.ts');

/**
 * A chart with controls: changing one redraws the chart, its summary and its table through the chart's contract, and
 * records the options in the figure's view (view-state.ts: the page's URL and data-query) and the frame heights they
 * need as data-embed-height (for the embed code). A view in the URL is drawn on load.
 */
export function initControls(figure: HTMLElement): void {
  const form = figure.querySelector<HTMLFormElement>('form[data-controls]');
  const load = CHART_MODULES[`../charts/${figure.id}.ts`];
  if (!form || !load) return;
  const parts = figureParts(figure);
  const chartModule = once(() => load().then((m) => m.default));
  const data = once(() => fetchJson<unknown>(figure.dataset.src!));
  const fields = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')];
  const names = fields.map((f) => f.name);
  let drawn = 0;

  const showValues = () => {
    for (const field of fields) {
      const output = form.elements.namedItem(`${field.name}Output`);
      if (output instanceof HTMLOutputElement) output.value = field.value;
    }
  };

  async function redraw(input: OptionsInput) {
    const ticket = ++drawn;
    const [chart, rows] = await Promise.all([chartModule(), data()]);
    if (ticket !== drawn || !chart.options) return; // a later change has already been asked for
    const options = chart.options.parse(input, rows) as Record<string, string | number>;
    for (const field of fields) field.value = String(options[field.name] ?? field.value);
    showValues();
    const svg = chart.render(rows, options, document);
    titlesToTips(svg, { rowsInTable: true });
    parts.area.querySelector('svg')?.replaceWith(svg);
    parts.summary.textContent = chart.summary(rows, options);
    parts.replaceTable(chart.table(rows, options));
    for (const [key, value] of Object.entries(options)) figure.dataset[`option${key[0]!.toUpperCase()}${key.slice(1)}`] = String(value);
    figure.dataset.embedHeight = JSON.stringify(embedHeightOf(chart, rows, options));
    setView(figure, names, chart.options.query(options, rows));
  }

  const formInput = () => Object.fromEntries(fields.map((f) => [f.name, f.value]));
  // Changes apply as they are made, so the submit button (for readers without JavaScript) is not needed.
  form.querySelector<HTMLButtonElement>('.apply')!.hidden = true;
  form.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', () => {
    showValues();
    void redraw(formInput());
  });
  const linked = viewFromUrl(figure);
  if (names.some((name) => linked.has(name))) void redraw(Object.fromEntries(names.map((name) => [name, linked.get(name)])));
}
