import type { TopValuesData } from '../charts/top-values.ts';
import { fetchJson, figureParts, once } from './figure-parts.ts';

/** Top values: the N and category controls redraw the chart; Plot and the data load on first use. */
export function initTopValues(figure: HTMLElement): void {
  const form = figure.querySelector<HTMLFormElement>('form[data-controls]');
  if (!form) return;
  const parts = figureParts(figure);
  const limitInput = form.elements.namedItem('limit') as HTMLInputElement;
  const output = form.elements.namedItem('limitOutput') as HTMLOutputElement;
  const categorySelect = form.elements.namedItem('category') as HTMLSelectElement;
  const chartModule = once(() => import('../charts/top-values.ts'));
  const data = once(() => fetchJson<TopValuesData>(figure.dataset.src!));
  const categories = [...categorySelect.options].map((o) => o.value).filter(Boolean);
  let drawn = 0;

  async function redraw() {
    const ticket = ++drawn;
    const [chart, rows] = await Promise.all([chartModule(), data()]);
    if (ticket !== drawn) return; // a later change has already been asked for
    const options = chart.parseTopValuesOptions({ limit: limitInput.value, category: categorySelect.value }, categories);
    parts.area.querySelector('svg')?.replaceWith(chart.renderTopValues(rows, options, document));
    parts.summary.textContent = chart.topValuesSummary(rows, options);
    parts.replaceTable(chart.topValuesTable(rows, options));
    figure.dataset.limit = String(options.limit);
    figure.dataset.category = options.category;
    figure.dataset.query = chart.topValuesQuery(options);
  }

  form.hidden = false;
  // On an embed page, the options come from the query string (?limit=50&category=Social%20values).
  if (figure.closest('[data-embed]')) {
    const query = new URLSearchParams(location.search);
    if (query.has('limit') || query.has('category')) {
      void chartModule().then((chart) => {
        const options = chart.parseTopValuesOptions({ limit: query.get('limit'), category: query.get('category') }, categories);
        limitInput.value = String(options.limit);
        output.value = limitInput.value;
        categorySelect.value = options.category;
        return redraw();
      });
    }
  }
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', () => {
    output.value = limitInput.value;
    void redraw();
  });
}
