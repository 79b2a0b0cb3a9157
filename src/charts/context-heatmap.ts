import * as Plot from '@observablehq/plot';
import { plotSvg } from './lib/plot-svg.ts';
import { tagRows } from './lib/svg.ts';
import type { Model } from '../data/model.ts';
import { provenance } from '../data/paper.ts';
import { truncate } from '../lib/text.ts';
import { defineChart, type ChartTable } from './lib/contract.ts';
import { fromPaper } from './lib/sources.ts';

/** A task → AI value cell the paper reports: a residual, or only that the value tops the task (residual null). */
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

type Cell = { task: string; value: string; state: 'residual' | 'top value' | 'not reported'; residual: number | null; label: string; source: string; confidence: string };

export function heatmapCells(data: HeatmapData): Cell[] {
  const tasks = [...new Set(data.cells.map((c) => c.task))];
  const values = [...new Set(data.cells.map((c) => c.value))];
  return tasks.flatMap((task) =>
    values.map((value): Cell => {
      const reported = data.cells.find((c) => c.task === task && c.value === value);
      if (!reported) return { task, value, state: 'not reported', residual: null, label: `${task} × ${value}: not reported`, source: '', confidence: '' };
      const state = reported.residual === null ? 'top value' : 'residual';
      const what = reported.residual === null ? 'reported as a top value, no residual given' : `adjusted Pearson residual ${reported.residual}`;
      return { task, value, state, residual: reported.residual, label: `${task} × ${value}: ${what} (${reported.source})`, source: reported.source, confidence: reported.confidence };
    }),
  );
}

const CELL = 30;

function renderContextHeatmap(data: HeatmapData, _options: unknown, document: Document): SVGSVGElement {
  const cells = heatmapCells(data);
  const tasks = [...new Set(cells.map((c) => c.task))];
  const values = [...new Set(cells.map((c) => c.value))];
  const marginLeft = 215;
  const marginTop = 130;
  const svg = plotSvg(
    {
      width: marginLeft + values.length * CELL + 70,
      height: marginTop + tasks.length * CELL + 10,
      marginLeft,
      marginTop,
      marginRight: 70,
      marginBottom: 10,
      padding: 0.06,
      x: { domain: values, axis: 'top', tickRotate: -50, label: null, tickSize: 0 },
      y: { domain: tasks, label: null, tickSize: 0, tickFormat: (t: string) => truncate(t, 28) },
      color: { type: 'log', scheme: 'blues', domain: [data.threshold, 150] },
      marks: [
        Plot.cell(cells.filter((c) => c.state === 'not reported'), { x: 'value', y: 'task', fill: '#f4f4f4' }),
        Plot.cell(cells.filter((c) => c.state === 'top value'), { x: 'value', y: 'task', fill: '#fff', stroke: '#0072B2', strokeDasharray: '2,2', ariaLabel: 'label', className: REPORTED }),
        Plot.cell(cells.filter((c) => c.state === 'residual'), { x: 'value', y: 'task', fill: 'residual', ariaLabel: 'label', className: REPORTED }),
        // Grade-C figures get a dashed vermilion outline (and an asterisk), matching the caveat under the chart.
        Plot.cell(cells.filter((c) => c.confidence === 'C'), { x: 'value', y: 'task', fill: 'none', stroke: '#D55E00', strokeWidth: 2, strokeDasharray: '3,2' }),
        Plot.text(cells, {
          x: 'value',
          y: 'task',
          text: (d) => (d.state === 'residual' ? `${Math.round(d.residual!)}${d.confidence === 'C' ? '*' : ''}` : d.state === 'top value' ? 'top' : '·'),
          fill: (d) => (d.state === 'residual' && d.residual! > 40 ? 'white' : d.state === 'not reported' ? '#9a9a9a' : '#1a1a1a'),
          fontSize: 10,
        }),
        Plot.text([`Every reported residual exceeds the threshold of ${data.threshold.toFixed(2)}`], {
          frameAnchor: 'top-left',
          dx: -marginLeft,
          dy: -marginTop + 2,
          text: (d) => d,
          fontSize: 11,
          fill: 'currentColor',
        }),
      ],
    },
    document,
  );
  // Its continuous blues cannot be swapped colour by colour for dark mode, so it keeps a light card of its own there
  // (see palette.ts).
  svg.setAttribute('class', `${svg.getAttribute('class')} light-card`);
  return markReportedCells(svg, data);
}

const REPORTED = 'reported-cells';

/** Reported cells show their label as a tooltip on hover and are tied to their table row for the keyboard walk. */
function markReportedCells(svg: SVGSVGElement, data: HeatmapData): SVGSVGElement {
  for (const g of Array.from(svg.querySelectorAll('g[aria-label]'))) {
    g.setAttribute('data-mark', g.getAttribute('aria-label')!);
    g.removeAttribute('aria-label');
  }
  tagRows(svg, `g.${REPORTED} rect[aria-label]`, (rect) => {
    const label = rect.getAttribute('aria-label')!;
    return data.cells.findIndex((c) => label.startsWith(`${c.task} × ${c.value}:`));
  });
  for (const rect of Array.from(svg.querySelectorAll(`g.${REPORTED} rect[aria-label]`))) rect.setAttribute('data-tip', '');
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
    rows: data.cells.map((c) => ({ task: c.task, value: c.value, residual: c.residual ?? 'top value, no residual given', rank: c.rank ?? '', source: c.source })),
  };
}

function contextHeatmapSummary(data: HeatmapData): string {
  const withResidual = data.cells.filter((c) => c.residual !== null).sort((a, b) => b.residual! - a.residual!);
  const [first, second] = withResidual;
  return `Heatmap of tasks against the AI values the paper reports as over-represented in them, coloured by adjusted Pearson residual; cells the paper does not report are marked as not reported. The strongest: ${first?.value} in ${first?.task} (${first?.residual}), then ${second?.value} in ${second?.task} (${second?.residual}). All ${withResidual.length} reported residuals exceed the significance threshold of ${data.threshold.toFixed(2)}.`;
}

export default defineChart<HeatmapData>({
  id: 'context-heatmap',
  title: 'Values that come with the task',
  embedHeight: { narrow: 1146, wide: 930 },
  measure:
    'Adjusted Pearson residual: how far above chance a value appears in one kind of task, in standard deviations. It measures over-representation, not frequency.',
  teaching: {
    shows: 'Which values the paper found most over-represented in particular tasks, measured by adjusted Pearson residuals; blank cells are not reported, not zero.',
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
    return `Specific values concentrate in specific tasks: ${top.value} is over-represented in ${top.task} with a residual of ${top.residual}, about ${Math.round(top.residual! / d.threshold)} times the significance threshold of ${d.threshold.toFixed(2)}. A residual measures over-representation, not frequency; these values rank between ${Math.min(...ranks)} and ${Math.max(...ranks)} of ${d.valueCount.toLocaleString('en-US')} overall.`;
  },
  provenance: (d) =>
    fromPaper(d.paper, (r) => `${r.ai_value} in ${r.task} (${r.residual}, marked *)`, {
      dataset: 'the threshold and each value’s rank are',
      notes: [
      `Significance threshold ${d.threshold.toFixed(2)}: the two-sided Bonferroni critical value at α = 0.05 over all values in the dataset (the paper’s: ${d.paperThreshold}). “top” marks a value the paper names as a task’s most characteristic without giving its residual; “·” marks a combination the paper does not report, which is not the same as zero.`,
      ],
    }),
  interaction: { island: 'tips', hint: 'Hover over a cell for its details, or reach the chart with Tab and move through the cells with the arrow keys.' },
  wide: true,
});
