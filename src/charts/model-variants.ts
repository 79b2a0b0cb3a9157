import { integer, percent } from './lib/format.ts';
import { renderLabelledBars } from './lib/labelled-bars.ts';
import { MARKS } from './lib/chart-colors.ts';
import type { Model } from '../data/model.ts';
import { PAPER_TABLES, provenance } from '../data/paper.ts';
import { defineChart, type ChartRoom, type ChartTable } from './lib/contract.ts';
import { fromPaper } from './lib/sources.ts';

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

const METRICS = PAPER_TABLES.modelVariants.columns.metric;
const MODEL_COLORS = [MARKS.blue.light, MARKS.paleBlue.light, MARKS.pink.light];

interface ModelVariantsData {
  rows: ModelMetric[];
  samples: ModelSample[];
  paper: (Model['paper']['modelVariants'][number] | Model['paper']['modelSamples'][number])[];
  variantNotes: string[];
  /** % of the main sample answered by Claude 3.5 Sonnet. */
  mainSampleShare: number;
}

function selectModelVariants({ paper, scope }: Model): ModelVariantsData {
  return {
    mainSampleShare: scope('share_claude_35_sonnet').value,
    // Grouped by response as drawn (the table, the bars and the keyboard walk share this order).
    rows: [...paper.modelVariants]
      .sort((a, b) => METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric))
      .map((r) => ({ model: r.model, metric: r.metric, pct: r.pct, source: provenance(r) })),
    samples: paper.modelSamples.map((r) => ({ model: r.model, subjective: r.subjective })),
    paper: [...paper.modelVariants, ...paper.modelSamples],
    variantNotes: paper.modelVariants.filter((r) => r.caveat && r.confidence !== 'C').map((r) => `${r.model}, ${r.metric}: ${r.caveat}`),
  };
}

/** "Claude 3 Opus" → "3 Opus (n = 9,218)": short enough for the bar labels on a phone. */
function label(model: string, samples: ModelSample[]): string {
  const n = samples.find((s) => s.model === model)?.subjective;
  // The 3.5 Sonnet figures are the whole representative sample (most of it answered by that model), not a sample of its own.
  const short = model.replace(/^Claude /, '');
  const main = model === 'Claude 3.5 Sonnet' ? 'main, ' : '';
  return n ? `${short} (${main}n = ${integer(n)})` : short;
}

function renderModelVariants({ rows, samples }: ModelVariantsData, _options: unknown, document: Document, room?: ChartRoom): SVGSVGElement {
  const models = [...new Set(rows.map((r) => r.model))];
  return renderLabelledBars(
    rows.map((r) => ({ label: label(r.model, samples), group: r.metric, pct: r.pct, color: MODEL_COLORS[models.indexOf(r.model)] })),
    document,
    '% of conversations →',
    { labelsAbove: true, max: 50, room },
  );
}

function modelVariantsTable({ rows, samples }: ModelVariantsData): ChartTable {
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

function modelVariantsSummary({ rows }: ModelVariantsData): string {
  const metrics = [...new Set(rows.map((r) => r.metric))];
  return `Grouped bar chart comparing three Claude models: ${metrics
    .map((m) => `${m}: ${rows.filter((r) => r.metric === m).map((r) => `${r.model} ${percent(r.pct)}`).join(', ')}`)
    .join('; ')}.`;
}

export default defineChart<ModelVariantsData>({
  id: 'model-variants',
  title: 'Different models, different values',
  embedHeight: { narrow: 1147, wide: 974 },
  measure:
    '% of conversations in each model’s own sample in which it strongly supported or resisted the user’s values, or the user expressed none; samples differ in size and dates.',
  teaching: {
    shows: 'Three Claude models compared on how often they strongly supported or strongly resisted users’ values, and how often users expressed none.',
    question: 'Claude 3 Opus both supports and resists more in its sample. The data cannot tell why: what besides the model differs between the samples, and could it explain the gap?',
  },
  select: selectModelVariants,
  render: renderModelVariants,
  summary: modelVariantsSummary,
  table: modelVariantsTable,
  navigation: { label: 'model', value: 'pct', group: 'metric' },
  takeaway: ({ rows }) => {
    const pct = (model: string, metric: string) => rows.find((r) => r.model === model && r.metric === metric)?.pct ?? 0;
    const [opus, sonnet] = ['Claude 3 Opus', 'Claude 3.5 Sonnet'];
    return `Claude 3 Opus strongly supported users’ values in ${percent(pct(opus, 'strong support'))} of conversations and strongly resisted in ${percent(pct(opus, 'strong resistance'))}, against ${percent(pct(sonnet, 'strong support'))} and ${percent(pct(sonnet, 'strong resistance'))} for Claude 3.5 Sonnet.`;
  },
  provenance: (d) =>
    fromPaper(d.paper, (r) => `${r.model} ${'metric' in r ? r.metric : ''}`, {
      notes: [
      `n = subjective conversations analysed for each model; the Claude 3.5 Sonnet figures come from the main sample, ${percent(d.mainSampleShare, 0)} of which that model answered. The samples were drawn separately and differ in size and tasks, so the data cannot tell how much of a gap comes from the model.`,
      ...d.variantNotes,
      ],
    }),
});
