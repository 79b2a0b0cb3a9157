import * as Plot from '@observablehq/plot';
import { percent } from './lib/format.ts';
import { onMark, type SchemeColor } from './lib/palette.ts';
import { MARKS } from './lib/chart-colors.ts';
import { plotSvg } from './lib/plot-svg.ts';
import { tagRows } from './lib/svg.ts';
import type { Model } from '../data/model.ts';
import { provenance } from '../data/paper.ts';
import { defineChart, type ChartTable } from './lib/contract.ts';
import { fromPaper } from './lib/sources.ts';

export interface ResponseType {
  type: string;
  group: 'support' | 'neutral' | 'reframing' | 'resistance' | 'none';
  pct: number;
  source: string;
}

const COLORS: Record<string, SchemeColor> = {
  'strong support': MARKS.blue,
  'mild support': MARKS.mildBlue,
  'mild resistance': MARKS.mildVermilion,
  'strong resistance': MARKS.vermilion,
  reframing: MARKS.reframing,
  'neutral acknowledgment': MARKS.neutral,
  'no values': MARKS.noValues,
};
const ROWS = ['Supports ←  → Resists', 'Reframes', 'Acknowledges neutrally', 'No user values to respond to'];
const SHORT: Record<string, string> = {
  'strong support': 'strong',
  'mild support': 'mild',
  'mild resistance': 'mild',
  'strong resistance': 'strong',
  reframing: 'reframing',
  'neutral acknowledgment': 'neutral',
  'no values': 'no values',
};

/**
 * Support and resistance on one diverging bar (support to the left of zero, resistance to the right), with
 * reframing, neutral acknowledgment and "no values" set apart below, all as % of all conversations.
 */
export function responseSegments(rows: ResponseType[]) {
  const pct = (type: string) => rows.find((r) => r.type === type)?.pct ?? 0;
  const strongS = pct('strong support');
  const mildS = pct('mild support');
  const mildR = pct('mild resistance');
  const strongR = pct('strong resistance');
  return [
    { type: 'strong support', row: ROWS[0]!, x1: -(strongS + mildS), x2: -mildS, pct: strongS },
    { type: 'mild support', row: ROWS[0]!, x1: -mildS, x2: 0, pct: mildS },
    { type: 'mild resistance', row: ROWS[0]!, x1: 0, x2: mildR, pct: mildR },
    { type: 'strong resistance', row: ROWS[0]!, x1: mildR, x2: mildR + strongR, pct: strongR },
    { type: 'reframing', row: ROWS[1]!, x1: 0, x2: pct('reframing'), pct: pct('reframing') },
    { type: 'neutral acknowledgment', row: ROWS[2]!, x1: 0, x2: pct('neutral acknowledgment'), pct: pct('neutral acknowledgment') },
    { type: 'no values', row: ROWS[3]!, x1: 0, x2: pct('no values'), pct: pct('no values') },
  ];
}

type Segment = ReturnType<typeof responseSegments>[number];

function renderResponseTypes({ rows }: ResponseTypesData, _options: unknown, document: Document): SVGSVGElement {
  const segments = responseSegments(rows);
  const svg = plotSvg(
    {
      width: 420,
      height: 260,
      marginLeft: 10,
      marginRight: 10,
      marginTop: 10,
      marginBottom: 34,
      x: { domain: [-45, 40], label: '% of all conversations', labelAnchor: 'center', tickFormat: (d: number) => `${Math.abs(d)}`, ticks: 8 },
      y: { domain: ROWS, axis: null, padding: 0.1 },
      marks: [
        Plot.text(ROWS, { x: 0, y: (d) => d, text: (d) => d, dy: -22, textAnchor: 'middle', fill: 'currentColor', fontWeight: 'bold' }),
        Plot.barX(segments, { x1: 'x1', x2: 'x2', y: 'row', fill: (d) => COLORS[d.type]!.light, insetTop: 14, insetBottom: 4, title: (d) => `${d.type}: ${percent(d.pct)} of conversations` }),
        // Labels on their segments, in ink or paper; those whose dark-mode segment needs the other carry its class.
        ...[undefined, 't-ip', 't-pi'].map((className) =>
          Plot.text(
            segments.filter((s) => s.pct >= 4 && onMark(COLORS[s.type]!).class === className),
            {
              x: (d) => (d.x1 + d.x2) / 2,
              y: 'row',
              dy: 5,
              text: (d) => `${SHORT[d.type]} ${percent(d.pct)}`,
              fill: (d) => onMark(COLORS[d.type]!).fill,
              fontSize: 10,
              ...(className ? { className } : {}),
            },
          ),
        ),
        // Segments too thin to hold a label are named together just past the end of their bar.
        Plot.text([segments.filter((s) => s.pct < 4)], {
          x: (d: Segment[]) => Math.max(...d.map((s) => s.x2)),
          y: (d: Segment[]) => d[0]?.row ?? ROWS[0],
          dy: 5,
          dx: 4,
          textAnchor: 'start',
          text: (d: Segment[]) => d.map((s) => `${SHORT[s.type]} ${percent(s.pct)}`).join(', '),
          fill: 'currentColor',
          fontSize: 10,
        }),
        Plot.ruleX([0], { stroke: 'currentColor' }),
      ],
    },
    document,
  );
  tagRows(svg, 'g[aria-label="bar"] rect', (bar) => rows.findIndex((r) => bar.querySelector('title')?.textContent?.startsWith(`${r.type}:`)));
  return svg;
}

function responseTypesTable({ rows }: ResponseTypesData): ChartTable {
  return {
    columns: [
      { key: 'type', label: 'How Claude responded' },
      { key: 'group', label: 'Group' },
      { key: 'pct', label: '% of all conversations', format: 'percent' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}

function responseTypesSummary({ groups }: ResponseTypesData): string {
  const sum = (group: keyof ResponseTypesData['groups']) => groups[group];
  return `Diverging bar of how Claude responded to the values users expressed, as % of all conversations: support ${percent(sum('support'))} (strong and mild), resistance ${percent(sum('resistance'))}, reframing ${percent(sum('reframing'))}, neutral acknowledgment ${percent(sum('neutral'))}; in ${percent(sum('none'))} the user expressed no values to respond to.`;
}

interface ResponseTypesData {
  rows: ResponseType[];
  groups: Model['responseGroups'];
  conversations: number;
  explicitHumanShare: number;
  paper: Model['paper']['responseTypes'];
}

export default defineChart<ResponseTypesData>({
  id: 'response-types',
  title: 'Support, reframing, resistance',
  embedHeight: { narrow: 866, wide: 630 },
  measure:
    '% of all subjective conversations in which Claude responded to the user’s values in each way, from strong support to strong resistance.',
  teaching: {
    shows: 'How Claude responded to the values users expressed, as shares of all conversations: support on the left, resistance on the right, the rest set apart.',
    question: 'Resistance is rare. Is that reassuring or worrying? What would you want to know about the conversations where Claude resisted?',
  },
  select: (model) => ({
    rows: model.paper.responseTypes.map((r) => ({ type: r.response_type, group: r.group, pct: r.pct_of_conversations, source: provenance(r) })),
    groups: model.responseGroups,
    conversations: model.scope('subjective_conversations').value,
    explicitHumanShare: model.scope('convos_with_human_value').value,
    paper: model.paper.responseTypes,
  }),
  render: renderResponseTypes,
  summary: responseTypesSummary,
  table: responseTypesTable,
  predict: ({ groups }) => ({
    question: 'When users expressed their values, how often do you think Claude pushed back (resisted them, mildly or strongly)? Give a share of all conversations.',
    answer: groups.resistance,
    answerText: `${percent(groups.resistance)} of conversations`,
  }),
  navigation: { label: 'type', value: 'pct', group: 'group' },
  takeaway: ({ groups }) =>
    `Claude supported the user’s values in ${percent(groups.support)} of conversations and resisted them in ${percent(groups.resistance)}; reframing (${percent(groups.reframing)}) sits in between.`,
  provenance: (d) =>
    fromPaper(d.paper, (r) => r.response_type, {
      notes: [
      `Shares of all ${d.conversations.toLocaleString('en-US')} conversations. The six response types together make up ${percent(100 - d.groups.none)}, the conversations in which Claude had user values to respond to; “no values” is the rest. That is more than the ${d.explicitHumanShare}% of conversations with explicitly stated user values: the paper leaves the difference open (user values implied rather than stated would account for it).`,
      ],
    }),
});
