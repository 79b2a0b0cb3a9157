import * as Plot from '@observablehq/plot';
import { PAPER, TEXT } from './lib/palette.ts';
import { MARKS, SURFACES } from './lib/chart-colors.ts';
import { plotSvg } from './lib/plot-svg.ts';
import { tagRows } from './lib/svg.ts';
import type { Model } from '../data/model.ts';
import { provenance } from '../data/paper.ts';
import { approximateWidth, wrap } from '../lib/text.ts';
import { integer } from './lib/format.ts';
import { CHART_FONT, MORE_LINE, moreText, widthIn } from './lib/size.ts';
import { defineChart, type ChartRoom, type ChartTable } from './lib/contract.ts';
import { fromPaper } from './lib/sources.ts';

/** A task → AI value pair the paper reports: a residual, or only that the value tops the task (residual null). */
export interface TaskResidual {
  task: string;
  value: string;
  residual: number | null;
  confidence: string;
  source: string;
  /** The value's rank among all values by % of conversations (null if the dataset lacks it). */
  rank: number | null;
}

export interface HeatmapData {
  cells: TaskResidual[];
  /** Significance threshold for the residuals, derived from the number of values (Bonferroni). */
  threshold: number;
  /** The paper's own printed threshold. */
  /** The paper's threshold as printed, with where it comes from. */
  paperThreshold: string;
  paper: Model['paper']['taskResiduals'];
  valueCount: number;
}

function selectHeatmap(model: Model): HeatmapData {
  const rows = model.paper.taskResiduals;
  return {
    threshold: model.threshold,
    paperThreshold: `${model.scope('significance_threshold').printed.value}, ${provenance(model.scope('significance_threshold'))}`,
    cells: rows.map((r) => ({ task: r.task, value: r.ai_value, residual: r.residual, confidence: r.confidence, source: provenance(r), rank: model.value(r.ai_value)?.rank ?? null })),
    valueCount: model.taxonomy.values.length,
    paper: rows,
  };
}

/** The pairs as drawn and tabled: those with a residual, largest first, then those reported only as a top value. */
export function orderedPairs(data: HeatmapData): TaskResidual[] {
  const withResidual = data.cells.filter((c) => c.residual !== null).sort((a, b) => b.residual! - a.residual!);
  return [...withResidual, ...data.cells.filter((c) => c.residual === null)];
}

/** What a pair's mark says on hover and focus: its task, value, residual (or that none was given), rank and source. */
function pairLabel(c: TaskResidual, data: HeatmapData): string {
  const what = c.residual === null ? 'reported as a top value, no residual given' : `adjusted Pearson residual ${c.residual}${c.confidence === 'C' ? ' (uncertain)' : ''}`;
  const rank = c.rank === null ? '' : `; rank ${integer(c.rank)} of ${integer(data.valueCount)} values overall`;
  return `${c.task} → ${c.value}: ${what}${rank} (${c.source})`;
}

const LINE = 17;
const LEFT = 8;
/** Room on the right of the residual scale for each value's rank. */
const RANK_COLUMN = 84;
const AXIS = 60;

/** From this width (a printed page, a slide), a pair's name sits left of its dot rather than above it, in this share of it. */
const BESIDE_FROM = 560;
const NAME_SHARE = 0.5;

/** Where each pair's name and dot sit for a chart this wide, and the chart's height. */
function pairRows(data: HeatmapData, pairs: TaskResidual[], width: number) {
  const nameColumn = width >= BESIDE_FROM ? Math.round(width * NAME_SHARE) : 0;
  // A name has the whole width above its dot (or, beside it, its column); a pair listed without a residual has its
  // rank on its first line.
  const nameLines = (c: TaskResidual) => {
    const room = c.residual !== null && nameColumn ? nameColumn - LEFT : width - 2 * LEFT - (c.residual === null ? RANK_COLUMN : 0);
    return wrap(`${c.task} → ${c.value}`, (line) => approximateWidth(line, CHART_FONT) <= room);
  };
  let y = AXIS;
  let scoredBottom = AXIS;
  const rows = pairs.map((c, row) => {
    const lines = nameLines(c);
    const top = y;
    const dotY = nameColumn ? top + (lines.length * LINE) / 2 : top + lines.length * LINE + 9;
    y = c.residual === null ? top + lines.length * LINE + 8 : nameColumn ? top + lines.length * LINE + 8 : dotY + 18;
    if (c.residual !== null) scoredBottom = y - 6;
    return { ...c, row, lines, top, dotY, label: pairLabel(c, data) };
  });
  const scored = rows.filter((r) => r.residual !== null);
  const listed = rows.filter((r) => r.residual === null);
  // The listed pairs start below a heading of their own.
  const heading = wrap('Reported as top value, no residual', (line) => approximateWidth(line, CHART_FONT) * 1.1 <= width - 2 * LEFT);
  const headingTop = scoredBottom + 14;
  const shift = headingTop + heading.length * LINE + 6 - (listed[0]?.top ?? 0);
  for (const r of listed) r.top += shift;
  const height = listed.length ? listed.at(-1)!.top + listed.at(-1)!.lines.length * LINE + 8 : scoredBottom + 8;
  return { rows, scored, listed, heading, headingTop, height, nameColumn };
}

/**
 * Each reported task → value pair as a dot on one residual scale, largest first, so the eye compares them: its name
 * (wrapped, never cut) on a line above with the value's rank among all values beside it, and a dashed rule at the
 * significance threshold. Pairs the paper names only as a task's top value, without a residual, are listed apart
 * below. y is in pixels (an identity scale), since names wrap to one line or more.
 */
function renderContextHeatmap(data: HeatmapData, _options: unknown, document: Document, room?: ChartRoom): SVGSVGElement {
  const width = widthIn(room);
  const all = orderedPairs(data);
  // In a room of its own, the pairs that fit, largest first, and a line for the rest (the table has them all).
  let shown = all.length;
  while (room && shown > 3 && pairRows(data, all.slice(0, shown), width).height + (shown < all.length ? MORE_LINE : 0) > room.height) shown--;
  const { rows, scored, listed, heading, headingTop, height: pairsHeight, nameColumn } = pairRows(data, all.slice(0, shown), width);
  const more = all.length - shown;
  const height = pairsHeight + (more ? MORE_LINE : 0);
  const max = Math.max(data.threshold, ...scored.map((r) => r.residual!));
  // Beside the names the scale is short: it reaches far enough that the largest dot's figure ends before the ranks.
  const scalePx = width - 2 * LEFT - nameColumn - RANK_COLUMN;
  const figurePx = approximateWidth(String(max), CHART_FONT) + 12;
  const xMax = Math.ceil((nameColumn ? max / (1 - figurePx / scalePx) : max) / 50) * 50 + 20;
  // Text set from the chart's left edge: x = 0 is the scale's start, past the names' column when there is one.
  const fromEdge = nameColumn ? -nameColumn : 0;
  const svg = plotSvg(
    {
      width,
      height,
      marginLeft: LEFT + nameColumn,
      // The rank column sits right of the scale, so a dot's figure never runs into it.
      marginRight: 8 + RANK_COLUMN,
      marginTop: AXIS - 22,
      marginBottom: 0,
      x: { domain: [0, xMax], axis: 'top', label: 'Adjusted residual →', labelAnchor: 'left', labelOffset: 30, ticks: 3, tickSize: 4 },
      y: { type: 'identity', axis: null },
      marks: [
        // The threshold: named under the axis, then marked across each pair's line.
        Plot.ruleX([data.threshold], { y1: AXIS - 20, y2: AXIS - 4, stroke: MARKS.fallback.light, strokeDasharray: '3,2' }),
        Plot.text([`threshold ${data.threshold.toFixed(2)}`], { x: data.threshold, y: AXIS - 12, dx: 5, text: (d) => d, textAnchor: 'start', fill: TEXT.muted.light }),
        Plot.text(rows, { x: 0, dx: fromEdge, y: 'top', text: (r) => r.lines.join('\n'), textAnchor: 'start', lineAnchor: 'top', lineHeight: LINE / CHART_FONT, fill: 'currentColor', className: NAMES }),
        Plot.text(rows, { x: xMax, y: (r) => (r.residual === null ? r.top + LINE / 2 : r.dotY), dx: RANK_COLUMN, text: (r) => (r.rank === null ? '' : `rank ${integer(r.rank)}`), textAnchor: 'end', fill: TEXT.muted.light }),
        Plot.ruleX(scored, { x: data.threshold, y1: (r) => r.dotY - 9, y2: (r) => r.dotY + 9, stroke: MARKS.fallback.light, strokeDasharray: '3,2' }),
        Plot.ruleY(scored, { x1: 0, x2: 'residual', y: 'dotY', stroke: SURFACES.stem.light }),
        Plot.dot(scored, {
          x: 'residual',
          y: 'dotY',
          r: 5,
          fill: MARKS.blue.light,
          stroke: PAPER,
          ariaLabel: 'label',
          className: REPORTED,
        }),
        // Grade-C figures get a dashed vermilion ring (and an asterisk), matching the caveat under the chart.
        Plot.dot(scored.filter((r) => r.confidence === 'C'), { x: 'residual', y: 'dotY', r: 8, stroke: MARKS.vermilion.light, strokeWidth: 2, strokeDasharray: '3,2' }),
        Plot.text(scored, {
          x: 'residual',
          y: 'dotY',
          text: (r) => `${r.confidence === 'C' ? ' ' : ''}${r.residual}${r.confidence === 'C' ? '*' : ''}`,
          dx: 9,
          textAnchor: 'start',
          fill: 'currentColor',
        }),
        Plot.text(more ? [moreText(more)] : [], { x: 0, dx: fromEdge, y: pairsHeight + MORE_LINE / 2, text: (d) => d, textAnchor: 'start', fill: 'currentColor' }),
        Plot.text(listed.length ? [heading.join('\n')] : [], { x: 0, dx: fromEdge, y: headingTop, text: (d) => d, textAnchor: 'start', lineAnchor: 'top', lineHeight: LINE / CHART_FONT, fontWeight: 'bold', fill: 'currentColor' }),
      ],
    },
    document,
  );
  return markReported(svg, rows);
}

const REPORTED = 'reported-pairs';
const NAMES = 'pair-names';

/**
 * Each pair's mark (the dot, or the name of a pair listed without a residual) shows its label as a tooltip on hover
 * and is tied to its table row for the keyboard walk.
 */
function markReported(svg: SVGSVGElement, rows: { row: number; label: string; residual: number | null }[]): SVGSVGElement {
  // The marks' own labels name the pairs; the groups' ("dot", "text") would only be confused with them.
  for (const g of Array.from(svg.querySelectorAll('g[aria-label]'))) g.removeAttribute('aria-label');
  tagRows(svg, `g.${REPORTED} circle[aria-label]`, (dot) => rows.find((r) => r.label === dot.getAttribute('aria-label'))?.row);
  for (const dot of Array.from(svg.querySelectorAll(`g.${REPORTED} circle[aria-label]`))) dot.setAttribute('data-tip', '');
  // The names: one text per row, in order.
  Array.from(svg.querySelectorAll(`g.${NAMES} > text`)).forEach((text, n) => {
    const row = rows[n];
    if (row?.residual !== null) return;
    text.setAttribute('data-row', String(row.row));
    text.setAttribute('aria-label', row.label);
    text.setAttribute('data-tip', '');
  });
  return svg;
}

function contextHeatmapTable(data: HeatmapData): ChartTable {
  return {
    columns: [
      { key: 'task', label: 'Task' },
      { key: 'value', label: 'AI value' },
      { key: 'residual', label: 'Adjusted Pearson residual' },
      { key: 'rank', label: `Value’s rank among all ${data.valueCount.toLocaleString('en-US')}`, format: 'integer' },
      { key: 'source', label: 'Source' },
    ],
    rows: orderedPairs(data).map((c) => ({ task: c.task, value: c.value, residual: c.residual ?? 'top value, no residual given', rank: c.rank ?? '', source: c.source })),
  };
}

function contextHeatmapSummary(data: HeatmapData): string {
  const withResidual = orderedPairs(data).filter((c) => c.residual !== null);
  const [first, second] = withResidual;
  const above = withResidual.filter((c) => c.residual! > data.threshold).length;
  const exceed = above === withResidual.length ? `All ${withResidual.length} exceed` : `${above} of ${withResidual.length} exceed`;
  const listed = data.cells.filter((c) => c.residual === null);
  const apart = listed.length ? ` Listed apart, ${listed.length} more pairs the paper names as a task’s top value without a residual: ${listed.map((c) => `${c.value} in ${c.task}`).join(', ')}.` : '';
  return `Dot chart of the ${withResidual.length} task–value pairs the paper reports with an adjusted Pearson residual, largest first, each with the value’s rank among all ${integer(data.valueCount)} values. The strongest: ${first?.value} in ${first?.task} (${first?.residual}), then ${second?.value} in ${second?.task} (${second?.residual}). ${exceed} the significance threshold of ${data.threshold.toFixed(2)}.${apart}`;
}

export default defineChart<HeatmapData>({
  id: 'context-heatmap',
  title: 'Values that come with the task',
  embedHeight: { narrow: 1830, wide: 1537 },
  measure:
    'Adjusted Pearson residual: how far above chance a value appears in one kind of task, in standard deviations. It measures over-representation, not frequency.',
  teaching: {
    shows: 'Which values the paper found most over-represented in particular tasks, as adjusted Pearson residuals on one scale against the significance threshold, with each value’s rank among all values; pairs the paper does not report are not drawn, which does not make them zero.',
    question: '“Healthy boundaries” is far above chance in relationship advice. Is that Claude’s value or the topic’s? How could you tell the difference?',
  },
  select: selectHeatmap,
  render: renderContextHeatmap,
  summary: contextHeatmapSummary,
  table: contextHeatmapTable,
  navigation: { label: 'value', value: 'residual', group: 'task' },
  takeaway: (d) => {
    const top = [...d.cells].filter((c) => c.residual !== null).sort((a, b) => b.residual! - a.residual!)[0]!;
    const ranks = d.cells.map((c) => c.rank).filter((r) => r !== null);
    return `Specific values concentrate in specific tasks: ${top.value} is over-represented in ${top.task} with an adjusted residual of ${top.residual}, ${top.residual! > 2 * d.threshold ? 'far ' : ''}above the significance threshold of ${d.threshold.toFixed(2)}. Residuals grow with the number of conversations, so a large one says the pairing is not chance, not how many times stronger it is; and it measures over-representation, not frequency: these values rank between ${Math.min(...ranks)} and ${Math.max(...ranks)} of ${d.valueCount.toLocaleString('en-US')} overall.`;
  },
  provenance: (d) =>
    fromPaper(d.paper, (r) => `${r.ai_value} in ${r.task} (${r.residual}, marked *)`, {
      dataset: 'the threshold and each value’s rank are',
      notes: [
      `Significance threshold ${d.threshold.toFixed(2)} (the dashed line): the two-sided Bonferroni critical value at α = 0.05 over all values in the dataset (the paper’s: ${d.paperThreshold}). Values the paper names as a task’s most characteristic without giving a residual are listed below the dots. A task and value not shown is a combination the paper does not report, which is not the same as zero.`,
      ],
    }),
  interaction: { island: 'tips', hint: 'Hover over a dot for its details, or reach the chart with Tab and move through the pairs with the arrow keys. Click a pair, or press Enter on it, to select it; a copied link keeps the selection.' },
});
