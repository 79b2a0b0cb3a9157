import { percent } from './lib/format.ts';
import { SHAPE_GLYPHS, categoryColor, categoryShape } from './lib/palette.ts';
import { MARKS } from './lib/chart-colors.ts';
import { renderLabelledBars } from './lib/labelled-bars.ts';
import type { Model } from '../data/model.ts';
import { provenance } from '../data/paper.ts';
import { defineChart, type ChartRoom, type ChartTable } from './lib/contract.ts';
import { fromPaper } from './lib/sources.ts';

export interface TopValueOf {
  who: 'Users (human values)' | 'Claude (AI values)';
  value: string;
  pct: number;
  category: string;
  source: string;
}

const HUMAN_GREY = MARKS.grey.light;

interface HumanVsAiData {
  rows: TopValueOf[];
  categories: string[];
  paper: Model['paper']['humanValues'];
}

function selectHumanVsAi({ paper, taxonomy }: Model): HumanVsAiData {
  const human = paper.humanValues.map((r): TopValueOf => ({ who: 'Users (human values)', value: r.value, pct: r.pct_convos, category: '', source: provenance(r) }));
  const ai = taxonomy.values
    .slice(0, human.length)
    .map((v): TopValueOf => ({ who: 'Claude (AI values)', value: v.name, pct: v.pctConvos, category: v.category, source: 'Open dataset' }));
  return { rows: [...human, ...ai], categories: taxonomy.categories.map((c) => c.name), paper: paper.humanValues };
}

function renderHumanVsAi({ rows }: HumanVsAiData, _options: unknown, document: Document, room?: ChartRoom): SVGSVGElement {
  return renderLabelledBars(
    // Each of Claude's bars shows its category's shape after its value (the key shows it too): colour is not alone.
    rows.map((r) => ({ label: r.value, group: r.who, pct: r.pct, color: r.category ? categoryColor(r.category) : HUMAN_GREY, note: r.category ? SHAPE_GLYPHS[categoryShape(r.category)] : undefined })),
    document,
    '% of conversations →',
    { marginLeft: 150, marginRight: 72, max: 25, room },
  );
}

function humanVsAiTable({ rows }: HumanVsAiData): ChartTable {
  return {
    columns: [
      { key: 'who', label: 'Whose values' },
      { key: 'value', label: 'Value' },
      { key: 'pct', label: '% of conversations', format: 'percent' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map(({ who, value, pct, source }) => ({ who, value, pct, source })),
  };
}

/** How much more concentrated Claude's top value is than the users' (ratio of the two leaders). */
function leaderRatio(rows: TopValueOf[]): number {
  const lead = (who: TopValueOf['who']) => Math.max(...rows.filter((r) => r.who === who).map((r) => r.pct));
  return lead('Claude (AI values)') / lead('Users (human values)');
}

function humanVsAiSummary({ rows }: HumanVsAiData): string {
  const list = (who: TopValueOf['who']) => rows.filter((r) => r.who === who).map((r) => `${r.value} ${percent(r.pct)}`).join(', ');
  return `Two bar charts on one scale. Users’ top values: ${list('Users (human values)')}. Claude’s top values: ${list('Claude (AI values)')}. Claude’s leading value is ${leaderRatio(rows).toFixed(1)} times as frequent as the users’ (users’ values counted only when explicit, Claude’s also when implicit).`;
}

export default defineChart<HumanVsAiData>({
  id: 'human-vs-ai',
  title: 'What users bring, beside what Claude brings',
  embedHeight: { narrow: 1198, wide: 1085 },
  measure:
    '% of conversations in which the user or Claude expressed the value. Users’ values count only when stated outright; Claude’s also when implicit.',
  teaching: {
    shows: 'The ten values users expressed most often next to Claude’s ten, on the same scale.',
    question: 'Users’ values were counted only when they said them outright; Claude’s also when they were implicit. How would that change the bars, and what comparison would be fair?',
  },
  select: selectHumanVsAi,
  render: renderHumanVsAi,
  summary: humanVsAiSummary,
  table: humanVsAiTable,
  navigation: { label: 'value', value: 'pct', group: 'who' },
  takeaway: (d) => {
    const human = d.rows.find((r) => r.who === 'Users (human values)');
    return `Users’ most common value, ${human?.value}, appears in ${percent(human?.pct ?? 0)} of conversations, Claude’s leading value in ${leaderRatio(d.rows).toFixed(0)} times as many. The bars are not like for like: users’ values were counted only when stated outright, Claude’s also when implicit.`;
  },
  provenance: (d) => fromPaper(d.paper, (r) => r.value, { dataset: 'Claude’s values are' }),
  legend: (d) => d.categories,
  legendShapes: true,
});
