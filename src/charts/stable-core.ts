import { renderLabelledBars } from './lib/labelled-bars.ts';
import { MARKS } from './lib/chart-colors.ts';
import type { Model } from '../data/model.ts';
import { provenance } from '../data/paper.ts';
import { defineChart, type ChartRoom, type ChartTable } from './lib/contract.ts';
import { fromPaper } from './lib/sources.ts';

/** Coefficient of variation of a value's frequency across contexts (lower = steadier), as the paper reports it. */
export interface Variation {
  set: string;
  value: string;
  cv: number;
  source: string;
}

function renderStableCore({ rows }: StableCoreData, _options: unknown, document: Document, room?: ChartRoom): SVGSVGElement {
  return renderLabelledBars(
    rows.map((r) => ({ label: r.value, group: r.set, pct: r.cv, color: r.set.startsWith('human') ? MARKS.grey.light : MARKS.blue.light })),
    document,
    'Coefficient of variation (lower = steadier) →',
    { marginLeft: 130, max: 6, format: (v) => v.toFixed(2), room },
  );
}

function stableCoreTable({ rows }: StableCoreData): ChartTable {
  return {
    columns: [
      { key: 'set', label: 'Values and contexts' },
      { key: 'value', label: 'Value' },
      { key: 'cv', label: 'Coefficient of variation' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}

function stableCoreSummary({ rows }: StableCoreData): string {
  const sets = [...new Set(rows.map((r) => r.set))];
  return `Dot chart of the coefficient of variation of the steadiest values in ${sets.length} settings: ${sets
    .map((s) => `${s}: ${rows.filter((r) => r.set === s).map((r) => `${r.value} ${r.cv}`).join(', ')}`)
    .join('; ')}.`;
}

interface StableCoreData {
  rows: Variation[];
  paper: Model['paper']['variation'];
}

const ACROSS_TASKS = 'AI values, across tasks';

export default defineChart<StableCoreData>({
  id: 'stable-core',
  title: 'A stable core',
  embedHeight: { narrow: 773, wide: 697 },
  measure:
    'Coefficient of variation: how much a value’s frequency changes across contexts (standard deviation ÷ mean); 0 would mean no change.',
  teaching: {
    shows: 'How much the most common values vary in frequency from one context to another (the coefficient of variation: lower is steadier).',
    question: 'Why would helpfulness vary less across tasks than across the values users bring? What would a high number mean?',
  },
  select: ({ paper }) => ({ rows: paper.variation.map((r) => ({ set: r.set, value: r.value, cv: r.cv, source: provenance(r) })), paper: paper.variation }),
  render: renderStableCore,
  summary: stableCoreSummary,
  table: stableCoreTable,
  navigation: { label: 'value', value: 'cv', group: 'set' },
  takeaway: ({ rows }) => {
    const acrossTasks = rows.filter((r) => r.set === ACROSS_TASKS);
    return `Across tasks, ${acrossTasks.map((r) => r.value).join(', ')} vary least (coefficients ${acrossTasks.map((r) => r.cv).join(', ')}): they show up whatever the conversation is about.`;
  },
  provenance: ({ paper }) => fromPaper(paper, (r) => `${r.value} (${r.set})`),
});
