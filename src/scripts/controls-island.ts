import type { ControlledChart } from '../charts/types.ts';
import { fetchJson, figureParts, once } from './figure-parts.ts';

/** Chart modules that redraw in the browser, loaded (with Plot) only when a reader first changes a control. */
const MODULES: Record<string, () => Promise<ControlledChart<unknown, unknown>>> = {
  'top-values': () => import('../charts/top-values.ts').then((m) => m.topValuesChart as ControlledChart<unknown, unknown>),
  'value-family': () => import('../charts/value-family.ts').then((m) => m.valueFamilyChart as ControlledChart<unknown, unknown>),
};

/**
 * A chart with controls: changing one redraws the chart, its summary and its table, and records the options as
 * data-query (for the embed code). On an embed page the options come from the query string.
 */
export function initControls(figure: HTMLElement): void {
  const form = figure.querySelector<HTMLFormElement>('form[data-controls]');
  const load = MODULES[figure.id];
  if (!form || !load) return;
  const parts = figureParts(figure);
  const chartModule = once(load);
  const data = once(() => fetchJson<unknown>(figure.dataset.src!));
  const fields = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')];
  const choices = Object.fromEntries(
    fields.filter((f): f is HTMLSelectElement => f instanceof HTMLSelectElement).map((s) => [s.name, [...s.options].map((o) => o.value).filter(Boolean)]),
  );
  let drawn = 0;

  const showValues = () => {
    for (const field of fields) {
      const output = form.elements.namedItem(`${field.name}Output`);
      if (output instanceof HTMLOutputElement) output.value = field.value;
    }
  };

  async function redraw(input: Record<string, string | null>) {
    const ticket = ++drawn;
    const [chart, rows] = await Promise.all([chartModule(), data()]);
    if (ticket !== drawn) return; // a later change has already been asked for
    const options = chart.parse(input, choices) as Record<string, string | number>;
    for (const field of fields) field.value = String(options[field.name] ?? field.value);
    showValues();
    parts.area.querySelector('svg')?.replaceWith(chart.render(rows, options, document));
    parts.summary.textContent = chart.summary(rows, options);
    parts.replaceTable(chart.table(rows, options));
    for (const [key, value] of Object.entries(options)) figure.dataset[`option${key[0]!.toUpperCase()}${key.slice(1)}`] = String(value);
    figure.dataset.query = chart.query(options);
  }

  const formInput = () => Object.fromEntries(fields.map((f) => [f.name, f.value]));
  form.hidden = false;
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', () => {
    showValues();
    void redraw(formInput());
  });
  if (figure.closest('[data-embed]')) {
    const query = new URLSearchParams(location.search);
    if (fields.some((f) => query.has(f.name))) void redraw(Object.fromEntries(fields.map((f) => [f.name, query.get(f.name)])));
  }
}
