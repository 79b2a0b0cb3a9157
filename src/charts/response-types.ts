import * as Plot from '@observablehq/plot';
import { percent } from './lib/format.ts';
import { onMark, type SchemeColor } from './lib/palette.ts';
import { MARKS } from './lib/chart-colors.ts';
import { plotSvg } from './lib/plot-svg.ts';
import { CHART_FONT, widthIn } from './lib/size.ts';
import { approximateWidth } from '../lib/text.ts';
import { tagRows } from './lib/svg.ts';
import type { Model } from '../data/model.ts';
import { provenance } from '../data/paper.ts';
import { defineChart, type ChartRoom, type ChartTable } from './lib/contract.ts';
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
const SHORT: Record<string, string> = {
  'strong support': 'strong',
  'mild support': 'mild',
  'mild resistance': 'mild',
  'strong resistance': 'strong',
  reframing: 'reframing',
  'neutral acknowledgment': 'neutral',
  'no values': 'no values',
};
/** The rows below the diverging bar: neither support nor resistance, each centred on zero; "no values" set apart. */
const APART: Record<string, string> = {
  reframing: 'Reframes',
  'neutral acknowledgment': 'Acknowledges neutrally',
  'no values': 'No user values to respond to',
};

/**
 * Support and resistance on one diverging bar (support to the left of zero, resistance to the right); below it, on
 * the same axis, reframing and neutral acknowledgment, centred on zero since they lean neither way; and below a rule,
 * the "no values" share. All as % of all conversations. y is in pixels (an identity scale): `top` of each row.
 */
export function responseSegments(rows: ResponseType[]) {
  const pct = (type: string) => rows.find((r) => r.type === type)?.pct ?? 0;
  const strongS = pct('strong support');
  const mildS = pct('mild support');
  const mildR = pct('mild resistance');
  const strongR = pct('strong resistance');
  const centred = (type: string, top: number) => ({ type, top, height: BAR, x1: -pct(type) / 2, x2: pct(type) / 2, pct: pct(type) });
  return [
    { type: 'strong support', top: DIVERGING_TOP, height: DIVERGING, x1: -(strongS + mildS), x2: -mildS, pct: strongS },
    { type: 'mild support', top: DIVERGING_TOP, height: DIVERGING, x1: -mildS, x2: 0, pct: mildS },
    { type: 'mild resistance', top: DIVERGING_TOP, height: DIVERGING, x1: 0, x2: mildR, pct: mildR },
    { type: 'strong resistance', top: DIVERGING_TOP, height: DIVERGING, x1: mildR, x2: mildR + strongR, pct: strongR },
    centred('reframing', APART_TOP),
    centred('neutral acknowledgment', APART_TOP + APART_ROW),
    centred('no values', APART_TOP + 2 * APART_ROW + RULE_GAP),
  ];
}

type Segment = ReturnType<typeof responseSegments>[number];

const DIVERGING_TOP = 30;
const DIVERGING = 34;
const APART_TOP = DIVERGING_TOP + DIVERGING + 44;
/** A row set apart: its name on a line above its bar. */
const APART_ROW = 54;
const BAR = 22;
/** The space around the rule that sets "no values" apart. */
const RULE_GAP = 22;
const HEIGHT = APART_TOP + 3 * APART_ROW + RULE_GAP + 34;
/** Wide enough for the whole support side, and on the right for the resistance labels and the centred bars. */
const DOMAIN: [number, number] = [-44, 30];

function renderResponseTypes({ rows }: ResponseTypesData, _options: unknown, document: Document, room?: ChartRoom): SVGSVGElement {
  const width = widthIn(room);
  const segments = responseSegments(rows);
  const diverging = segments.slice(0, 4);
  const apart = segments.slice(4);
  // A segment wide enough for its percentage shows it inside, its name underneath; thinner ones are named one under
  // another just past the end of the bar.
  const pxPerPct = (width - 16) / (DOMAIN[1] - DOMAIN[0]);
  const fits = (s: Segment) => approximateWidth(percent(s.pct), CHART_FONT) + 8 <= s.pct * pxPerPct;
  const labelled = diverging.filter(fits);
  const thin = diverging.filter((s) => !fits(s));
  const end = Math.max(...diverging.map((s) => s.x2));
  const ruleY = APART_TOP + 2 * APART_ROW + RULE_GAP / 2 - 8;
  const svg = plotSvg(
    {
      width,
      height: HEIGHT,
      marginLeft: 8,
      marginRight: 8,
      marginTop: 0,
      marginBottom: 34,
      x: { domain: DOMAIN, label: '% of all conversations', labelAnchor: 'center', labelOffset: 32, tickFormat: (d: number) => `${Math.abs(d)}`, ticks: 5 },
      y: { type: 'identity', axis: null },
      marks: [
        Plot.text(['← Supports'], { x: 0, y: DIVERGING_TOP - 12, text: (d) => d, dx: -6, textAnchor: 'end', fontWeight: 'bold', fill: 'currentColor' }),
        Plot.text(['Resists →'], { x: 0, y: DIVERGING_TOP - 12, text: (d) => d, dx: 6, textAnchor: 'start', fontWeight: 'bold', fill: 'currentColor' }),
        Plot.text(apart, { x: 0, y: (d) => d.top + 8, text: (d) => APART[d.type], textAnchor: 'middle', fill: 'currentColor' }),
        Plot.rect(segments, {
          x1: 'x1',
          x2: 'x2',
          y1: (d: Segment) => (d.height === BAR ? d.top + 20 : d.top),
          y2: (d: Segment) => (d.height === BAR ? d.top + 20 + BAR : d.top + DIVERGING),
          fill: (d) => COLORS[d.type]!.light,
          title: (d) => `${d.type}: ${percent(d.pct)} of conversations`,
        }),
        // Percentages on their segments, in ink or paper; those whose dark-mode segment needs the other carry its class.
        ...[undefined, 't-ip', 't-pi'].map((className) =>
          Plot.text(
            labelled.filter((s) => onMark(COLORS[s.type]!).class === className),
            {
              x: (d) => (d.x1 + d.x2) / 2,
              y: DIVERGING_TOP + DIVERGING / 2,
              text: (d) => percent(d.pct),
              fill: (d) => onMark(COLORS[d.type]!).fill,
              ...(className ? { className } : {}),
            },
          ),
        ),
        Plot.text(labelled, { x: (d) => (d.x1 + d.x2) / 2, y: DIVERGING_TOP + DIVERGING + 12, text: (d) => SHORT[d.type], fill: 'currentColor' }),
        Plot.text(thin, {
          x: end,
          y: (_, i) => DIVERGING_TOP + DIVERGING / 2 + (i - (thin.length - 1) / 2) * 16,
          dx: 4,
          textAnchor: 'start',
          text: (d) => `${SHORT[d.type]} ${percent(d.pct)}`,
          fill: 'currentColor',
        }),
        Plot.text(apart, { x: 'x2', y: (d) => d.top + 20 + BAR / 2, dx: 4, textAnchor: 'start', text: (d) => percent(d.pct), fill: 'currentColor' }),
        Plot.ruleY([ruleY], { x1: DOMAIN[0], x2: DOMAIN[1], stroke: MARKS.fallback.light }),
        Plot.ruleX([0], { y1: DIVERGING_TOP - 4, y2: DIVERGING_TOP + DIVERGING + 4, stroke: 'currentColor' }),
      ],
    },
    document,
  );
  tagRows(svg, 'g[aria-label="rect"] rect', (bar) => rows.findIndex((r) => bar.querySelector('title')?.textContent?.startsWith(`${r.type}:`)));
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
  embedHeight: { narrow: 983, wide: 796 },
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
      `Shares of all ${d.conversations.toLocaleString('en-US')} conversations; each conversation has one response type, so they are also shares of Claude’s responses. The six response types together make up ${percent(100 - d.groups.none)}, the conversations in which Claude had user values to respond to; “no values” is the rest. That is more than the ${d.explicitHumanShare}% of conversations with explicitly stated user values, and the reports we have do not explain the difference. The mirroring figures are of another kind: shares of the conversations with one response type, not of all conversations.`,
      ],
    }),
});
