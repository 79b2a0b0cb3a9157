import * as Plot from '@observablehq/plot';
import { integer, percent, percentAdaptive, percentFigure } from './lib/format.ts';
import { approximateWidth, capitalize, plural } from '../lib/text.ts';
import { TEXT } from './lib/palette.ts';
import { MARKS } from './lib/chart-colors.ts';
import { plotSvg } from './lib/plot-svg.ts';
import { CHART_FONT, widthIn } from './lib/size.ts';
import { tagRows } from './lib/svg.ts';
import type { Model } from '../data/model.ts';
import { defineChart, type ChartRoom, type ChartTable } from './lib/contract.ts';
import { fromPaper } from './lib/sources.ts';

export interface RareValue {
  value: string;
  pctConvos: number;
  rank: number;
  /** % of all values that are rarer still (the model's percentile, unrounded: rounded once, where it is shown). */
  rarerThan: number;
  /** Whether the model counts it rare: in the long tail, below the cutoff the long-tail chart shades. */
  inLongTail: boolean;
  href: string;
}

export interface RareValuesData {
  /** % of conversations for every value (drawn as a histogram on a log scale). */
  all: number[];
  rare: RareValue[];
  /** Values the paper names that this dataset lacks (only ever true of test fixtures). */
  missing: string[];
  paper: Model['paper']['rareValues'];
  /** Subjective conversations studied, to turn a percentage into a count of conversations. */
  conversations: number;
  /** Whether the paper's "most around 0.01%" holds for them, and that figure as printed. */
  mostAroundTypical: boolean;
  typical: string;
  /** The long tail's cutoff, % of conversations: the site's one definition of a rare value. */
  longTailCutoff: number;
}

function selectRareValues(model: Model): RareValuesData {
  const { values, missing, mostAroundTypical } = model.jailbreakValues;
  return {
    all: model.taxonomy.values.map((v) => v.pctConvos),
    rare: values.map((v) => ({ value: v.name, pctConvos: v.pctConvos, rank: v.rank, rarerThan: v.commonerThan, inLongTail: model.inLongTail(v), href: v.href })),
    missing,
    paper: model.paper.rareValues,
    conversations: model.scope('subjective_conversations').value,
    mostAroundTypical,
    typical: model.scope('rare_value_typical').printed.value,
    longTailCutoff: model.longTail.cutoff,
  };
}

const MARGIN_LEFT = 52;
const MARGIN_RIGHT = 14;
const DOMAIN = [-3.2, 1.5];

/**
 * Each marked value's label above the plot, one under another so close neighbours do not overlap: on one line beside
 * its rule, rightwards if it fits there, else leftwards; if neither, the name and the figure on two lines.
 */
function rareLabels(rare: RareValue[], chartWidth: number) {
  const xOf = (pct: number) => MARGIN_LEFT + ((Math.log10(pct) - DOMAIN[0]!) / (DOMAIN[1]! - DOMAIN[0]!)) * (chartWidth - MARGIN_LEFT - MARGIN_RIGHT);
  // A tenth wider than the estimate, for fonts wider than the one it assumes.
  const width = (text: string) => approximateWidth(text, CHART_FONT) * 1.1;
  let top = 0;
  return rare.map((d) => {
    const x = xOf(d.pctConvos);
    const whole = `${d.value} ${percentAdaptive(d.pctConvos)}`;
    const right = (text: string) => x + 3 + width(text) <= chartWidth;
    const left = (text: string) => x - 3 - width(text) >= 0;
    const lines = right(whole) || left(whole) ? [whole] : [d.value, percentAdaptive(d.pctConvos)];
    const anchor = lines.every(right) ? ('start' as const) : ('end' as const);
    const label = { d, text: lines.join('\n'), anchor, top };
    top += lines.length * LABEL_LINE;
    return label;
  });
}

const LABEL_LINE = 18;

function renderRareValues(data: RareValuesData, _options: unknown, document: Document, room?: ChartRoom): SVGSVGElement {
  const log = data.all.map((p) => ({ log: Math.log10(p) }));
  const width = widthIn(room);
  const labels = rareLabels(data.rare, width);
  const labelsHeight = labels.reduce((sum, l) => sum + l.text.split('\n').length * LABEL_LINE, 0);
  // In a room of its own the histogram gives up height before the labels do (down to 200 units).
  const plotHeight = room ? Math.max(200, Math.min(300, room.height - labelsHeight)) : 300;
  const svg = plotSvg(
    {
      width,
      height: plotHeight + labelsHeight,
      marginLeft: MARGIN_LEFT,
      marginRight: MARGIN_RIGHT,
      marginTop: 24 + labelsHeight,
      marginBottom: 40,
      x: { label: '% of conversations (log) →', labelAnchor: 'right', domain: DOMAIN, tickFormat: (d: number) => `${+(10 ** d).toPrecision(1)}`, ticks: 4 },
      y: { label: '↑ Number of values', grid: true },
      marks: [
        Plot.rectY(log, { ...Plot.binX({ y: 'count' }, { x: 'log', thresholds: 36 }), fill: MARKS.grey3.light, insetLeft: 0.5, insetRight: 0.5 }),
        Plot.ruleX(data.rare, { x: (d) => Math.log10(d.pctConvos), stroke: MARKS.vermilion.light, strokeWidth: 2 }),
        ...labels.map((l) =>
          Plot.text([l], {
            x: Math.log10(l.d.pctConvos),
            frameAnchor: 'top',
            dy: l.top - labelsHeight - 6,
            lineAnchor: 'top',
            lineHeight: LABEL_LINE / CHART_FONT,
            text: 'text',
            textAnchor: l.anchor,
            dx: l.anchor === 'start' ? 3 : -3,
            fill: TEXT.alert.light,
          }),
        ),
        Plot.ruleY([0]),
      ],
    },
    document,
  );
  // The first rules drawn are the marked values' (the baseline rule comes last).
  tagRows(svg, 'g[aria-label="rule"] line', (_, n) => (n < data.rare.length ? n : undefined));
  return svg;
}

function rareValuesTable(data: RareValuesData): ChartTable {
  return {
    columns: [
      { key: 'value', label: 'Value', linkKey: 'href' },
      { key: 'pctConvos', label: '% of conversations', format: 'percent' },
      { key: 'rank', label: 'Rank among all values', format: 'integer' },
      { key: 'rarerThan', label: '% of values rarer still', format: 'percent' },
    ],
    rows: data.rare.map(({ inLongTail: _, ...r }) => ({ ...r, rarerThan: Number(percentFigure(r.rarerThan)) })),
  };
}

function rareValuesSummary(data: RareValuesData): string {
  return `Histogram of how often each of the ${data.all.length.toLocaleString('en-US')} values appears, on a log scale, with the ${plural(data.rare.length, 'value')} the paper traced, most likely, to jailbreak attempts marked: ${data.rare
    .map((r) => `${r.value} ${percentAdaptive(r.pctConvos)} (rank ${r.rank}; ${percent(r.rarerThan)} of values are rarer)`)
    .join(', ')}.`;
}

/** Few conversations, yet not rare among values (the long tail's sense of rare): both said, from the data. */
function rareValuesTakeaway(d: RareValuesData): string {
  if (!d.rare.length) return 'None of the values the paper traced to jailbreak attempts is in this dataset.';
  const max = Math.max(...d.rare.map((r) => r.pctConvos));
  const commoner = d.rare.map((r) => r.rarerThan);
  const range = (xs: number[]) => {
    const [low, high] = [percentFigure(Math.min(...xs)), percentFigure(Math.max(...xs))];
    return low === high ? `${high}%` : `${low}–${high}%`;
  };
  const tail = d.rare.every((r) => !r.inLongTail) ? `, and none is in the long tail (under ${d.longTailCutoff}%)` : '';
  return `${capitalize(d.rare.map((r) => r.value).join(', '))}: each in at most ${percentAdaptive(max)} of conversations (about ${integer(Math.round((max / 100) * d.conversations))} of ${integer(d.conversations)}), yet commoner than ${range(commoner)} of all values${tail}${d.mostAroundTypical ? '' : `; the paper’s “most around ${d.typical}%” does not fit these three`}. Jailbreak attempts are the paper’s most likely explanation.`;
}

export default defineChart<RareValuesData>({
  id: 'rare-values',
  title: 'Early-warning values among all values',
  embedHeight: { narrow: 913, wide: 744 },
  measure:
    'How many values sit at each % of conversations (log scale); marked are the values the study traced, most likely, to jailbreak attempts.',
  teaching: {
    shows: 'Where the three values that the study traced, most likely, to jailbreak attempts sit among all values: in few conversations, yet commoner than most values, so not rare in the sense of the long tail.',
    question: 'A value in 0.1% of conversations is still hundreds of the conversations studied here, and many more across all of Claude’s use. How would you use such a signal without flagging innocent users?',
  },
  select: selectRareValues,
  render: renderRareValues,
  summary: rareValuesSummary,
  table: rareValuesTable,
  takeaway: rareValuesTakeaway,
  provenance: (d) =>
    fromPaper(d.paper, (r) => r.value, {
      dataset: 'the frequencies and ranks are',
      notes: d.missing.length ? [`Not in this dataset, so not drawn: ${d.missing.join(', ')}.`] : [],
    }),
});
