import * as Plot from '@observablehq/plot';
import { percentAdaptive } from './format.ts';
import { categoryColor, shortCategory } from './palette.ts';
import { plotSvg } from './plot-svg.ts';
import type { ChartTable, Control, ControlledChart } from './types.ts';

export interface FamilyMember {
  value: string;
  pctConvos: number;
  category: string;
  rank: number;
  href: string;
}

/** Value families: the values whose name contains a word, e.g. "autonomy" → user autonomy, patient autonomy, … */
export type ValueFamilyData = { word: string; members: FamilyMember[] }[];
export interface ValueFamilyOptions {
  family: string;
}

export const DEFAULT_FAMILY = 'autonomy';
const CANDIDATE_WORDS = ['autonomy', 'respect', 'wellbeing', 'integrity', 'safety', 'honesty', 'privacy', 'creativity', 'accuracy', 'fairness', 'dignity', 'growth'];
const MIN_MEMBERS = 8;

/** Families for the candidate words that have enough members to be worth a chart; autonomy first. */
export function valueFamilies(values: FamilyMember[]): ValueFamilyData {
  return CANDIDATE_WORDS.map((word) => ({
    word,
    members: values.filter((v) => new RegExp(`\\b${word}\\b`, 'i').test(v.value)).sort((a, b) => b.pctConvos - a.pctConvos || a.value.localeCompare(b.value)),
  })).filter((f) => f.word === DEFAULT_FAMILY || f.members.length >= MIN_MEMBERS);
}

function family(data: ValueFamilyData, options: ValueFamilyOptions) {
  return data.find((f) => f.word === options.family) ?? data[0]!;
}

export function renderValueFamily(data: ValueFamilyData, options: ValueFamilyOptions, document: Document): SVGSVGElement {
  const { members } = family(data, options);
  const min = Math.min(...members.map((m) => m.pctConvos));
  return plotSvg(
    {
      width: 420,
      height: members.length * 16 + 50,
      marginLeft: 170,
      marginRight: 50,
      marginTop: 32,
      x: { type: 'log', axis: 'top', label: '% of conversations (log scale) →', labelAnchor: 'left', grid: true, domain: [Math.min(0.001, min), 30], ticks: [0.001, 0.01, 0.1, 1, 10], tickFormat: (d: number) => `${d}` },
      y: { domain: members.map((m) => m.value), label: null, tickSize: 0, tickFormat: (v: string) => (v.length > 26 ? `${v.slice(0, 25)}…` : v) },
      marks: [
        Plot.ruleY(members, { y: 'value', x1: Math.min(0.001, min), x2: 'pctConvos', stroke: '#c8c8c8' }),
        Plot.dot(members, {
          x: 'pctConvos',
          y: 'value',
          r: 4.5,
          fill: (d) => categoryColor(d.category),
          title: (d) => `${d.value}: ${percentAdaptive(d.pctConvos)} of conversations, #${d.rank} of all values (${shortCategory(d.category)})`,
        }),
        Plot.text(members, { x: 'pctConvos', y: 'value', text: (d) => percentAdaptive(d.pctConvos), dx: 8, textAnchor: 'start', fill: 'currentColor' }),
      ],
    },
    document,
  );
}

export function valueFamilyTable(data: ValueFamilyData, options: ValueFamilyOptions): ChartTable {
  return {
    columns: [
      { key: 'value', label: 'Value', linkKey: 'href' },
      { key: 'pctConvos', label: '% of conversations', format: 'percent' },
      { key: 'rank', label: 'Rank among all values', format: 'integer' },
      { key: 'category', label: 'Top category' },
    ],
    rows: family(data, options).members.map((m) => ({ ...m })),
  };
}

export function valueFamilySummary(data: ValueFamilyData, options: ValueFamilyOptions): string {
  const { word, members } = family(data, options);
  const categories = new Set(members.map((m) => shortCategory(m.category)));
  const [first, second] = members;
  return `Dot chart of the ${members.length} values whose name contains “${word}”, by % of conversations on a log scale. They fall in ${categories.size} categories (${[...categories].join(', ')}). The most frequent are ${first?.value} (${percentAdaptive(first?.pctConvos ?? 0)})${second ? ` and ${second.value} (${percentAdaptive(second.pctConvos)})` : ''}; the rarest, ${members.at(-1)?.value}, appears in ${percentAdaptive(members.at(-1)?.pctConvos ?? 0)}.`;
}

export function valueFamilyControls(data: ValueFamilyData): Control[] {
  return [
    {
      kind: 'select',
      name: 'family',
      label: 'Values containing',
      value: DEFAULT_FAMILY,
      options: data.map((f) => ({ value: f.word, label: `“${f.word}” (${f.members.length})` })),
    },
  ];
}

export const valueFamilyChart: ControlledChart<ValueFamilyData, ValueFamilyOptions> = {
  parse: (input, choices) => ({ family: input.family && (choices.family ?? []).includes(input.family) ? input.family : DEFAULT_FAMILY }),
  query: (options) => (options.family === DEFAULT_FAMILY ? '' : new URLSearchParams({ family: options.family }).toString()),
  render: renderValueFamily,
  table: valueFamilyTable,
  summary: valueFamilySummary,
};
