import { integer, percent } from './format.ts';
import { renderLabelledBars } from './simple-bars.ts';
import type { ChartTable } from './types.ts';

export interface ModelMetric {
  model: string;
  metric: string;
  pct: number;
  source: string;
}

export interface ModelSample {
  model: string;
  subjective: number;
}

const MODEL_COLORS = ['#0072B2', '#56B4E9', '#CC79A7'];

/** "Claude 3 Opus" → "3 Opus (n = 9,218)": short enough for the bar labels on a phone. */
function label(model: string, samples: ModelSample[]): string {
  const n = samples.find((s) => s.model === model)?.subjective;
  const short = model.replace(/^Claude /, '');
  return n ? `${short} (n = ${integer(n)})` : short;
}

export function renderModelVariants(rows: ModelMetric[], samples: ModelSample[], document: Document): SVGSVGElement {
  const models = [...new Set(rows.map((r) => r.model))];
  return renderLabelledBars(
    rows.map((r) => ({ label: label(r.model, samples), group: r.metric, pct: r.pct, color: MODEL_COLORS[models.indexOf(r.model)] })),
    document,
    '% of conversations →',
    { marginLeft: 178, max: 50 },
  );
}

export function modelVariantsTable(rows: ModelMetric[], samples: ModelSample[]): ChartTable {
  return {
    columns: [
      { key: 'metric', label: 'Response' },
      { key: 'model', label: 'Model' },
      { key: 'pct', label: '% of conversations', format: 'percent' },
      { key: 'subjective', label: 'Subjective conversations analysed', format: 'integer' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map((r) => ({ ...r, subjective: samples.find((s) => s.model === r.model)?.subjective ?? '' })),
  };
}

export function modelVariantsSummary(rows: ModelMetric[]): string {
  const metrics = [...new Set(rows.map((r) => r.metric))];
  return `Grouped bar chart comparing three Claude models: ${metrics
    .map((m) => `${m}: ${rows.filter((r) => r.metric === m).map((r) => `${r.model} ${percent(r.pct)}`).join(', ')}`)
    .join('; ')}.`;
}
