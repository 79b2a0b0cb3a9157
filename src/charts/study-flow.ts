import type { Model } from '../data/model.ts';
import { provenance } from '../data/paper.ts';
import { defineChart, type ChartRoom, type ChartTable } from './lib/contract.ts';
import { integer, percent } from './lib/format.ts';
import { fromPaper } from './lib/sources.ts';
import { approximateWidth, capitalize, wrap } from '../lib/text.ts';
import { svgElement } from './lib/svg.ts';
import { TEXT } from './lib/palette.ts';
import { SURFACES } from './lib/chart-colors.ts';
import { CHART_FONT, drawnLarger, widthIn } from './lib/size.ts';

/** One stage of the study's pipeline, from the sample to the statistics. */
export interface FlowStep {
  title: string;
  detail: string;
  /** Where the figures in this step come from. */
  source: string;
}

export interface StudyFlowData {
  steps: FlowStep[];
  categoryCount: number;
  /** The paper rows the steps quote, for the source line and caveats. */
  rows: Model['paper']['scope'];
}

const SCOPE_KEYS = ['conversations_sampled', 'subjective_conversations', 'subjective_share', 'subjectivity_accuracy', 'features_extracted', 'extraction_accuracy', 'significance_threshold'];

function selectStudyFlow(model: Model): StudyFlowData {
  const fig = model.scope;
  const sampled = fig('conversations_sampled');
  const subjective = fig('subjective_conversations');
  const [values, level1, level2, categories] = model.taxonomy.levelCounts;
  const steps: FlowStep[] = [
    { title: `${integer(sampled.value)} conversations`, detail: 'Claude.ai Free and Pro, one week of February 2025', source: capitalize(provenance(sampled)) },
    {
      title: `${integer(subjective.value)} subjective (${percent(fig('subjective_share').value, 0)})`,
      detail: `Kept where answers involve judgement; classifier ${fig('subjectivity_accuracy').value}% accurate`,
      source: `${capitalize(provenance(subjective))}; accuracy ${provenance(fig('subjectivity_accuracy'))}`,
    },
    {
      title: `${fig('features_extracted').value} features per conversation`,
      detail: 'AI values · human values · response type · task',
      source: `${capitalize(provenance(fig('features_extracted')))}; values ${fig('extraction_accuracy').value}% accurate`,
    },
    { title: `${integer(values)} values → ${level1} → ${level2} → ${categories}`, detail: 'Similar values clustered into a four-level taxonomy', source: 'Counted from the dataset' },
    {
      title: 'Chi-square tests',
      detail: `Adjusted residuals; significant above ${model.threshold.toFixed(2)} (Bonferroni)`,
      source: `Threshold derived from the ${integer(values)} values; ${provenance(fig('significance_threshold'))}`,
    },
  ];
  return { steps, categoryCount: categories, rows: SCOPE_KEYS.map(fig) };
}

/** Space between boxes and inside them: a page's, and a room's tighter one (a handout or slide has no room to spare). */
const SPACING = { page: { gap: 30, pad: 12 }, room: { gap: 18, pad: 8 } };
type Spacing = (typeof SPACING)['page'];
const TITLE = 16;
const LINE = 18;

/** A step's lines: its title, then its detail and its source, each wrapped to the box's width. */
function stepLines(step: FlowStep, width: number, withSource: boolean, { pad }: Spacing) {
  const room = width - 8 - 2 * pad;
  const fits = (bold: boolean) => (line: string) => approximateWidth(line, CHART_FONT) * (bold ? 1.1 : 1) <= room;
  return {
    title: wrap(step.title, (line) => approximateWidth(line, TITLE) * 1.1 <= room),
    detail: wrap(step.detail, fits(false)),
    source: withSource ? wrap(step.source, fits(false)) : [],
  };
}

/** The pipeline as a vertical flow of boxes joined by arrows (drawn by hand: Plot has no flow mark). */
function flowBoxes(steps: FlowStep[], width: number, withSource: boolean, spacing: Spacing) {
  const boxes = steps.map((step) => {
    const lines = stepLines(step, width, withSource, spacing);
    return { lines, height: spacing.pad + lines.title.length * 20 + (lines.detail.length + lines.source.length) * LINE + spacing.pad };
  });
  return { boxes, height: boxes.reduce((sum, b) => sum + b.height, 0) + (steps.length - 1) * spacing.gap + 8 };
}

function renderStudyFlow({ steps }: StudyFlowData, _options: unknown, document: Document, room?: ChartRoom): SVGSVGElement {
  const width = widthIn(room);
  // Where the whole flow is too tall for its room, its steps' sources give way (the table has them).
  const spacing = room ? SPACING.room : SPACING.page;
  const { pad, gap } = spacing;
  const whole = flowBoxes(steps, width, true, spacing);
  const { boxes, height } = room && whole.height > room.height ? flowBoxes(steps, width, false, spacing) : whole;
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => svgElement(document, name, attrs, text);
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width: width, height, class: 'flow', 'font-family': 'system-ui, sans-serif', 'font-size': CHART_FONT, 'aria-hidden': 'true' }) as SVGSVGElement;
  const defs = el('defs', {});
  const marker = el('marker', { id: 'flow-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
  marker.append(el('path', { d: 'M0,0L10,5L0,10Z', fill: 'currentColor' }));
  defs.append(marker);
  svg.append(defs);
  let y = 4;
  boxes.forEach(({ lines, height: boxHeight }, i) => {
    const g = el('g', { transform: `translate(4,${y})`, 'data-row': i });
    g.append(el('rect', { width: width - 8, height: boxHeight, rx: 6, fill: i === steps.length - 1 ? SURFACES.tint.light : 'none', stroke: 'currentColor', 'stroke-width': 1.25 }));
    let baseline = pad + 14;
    for (const line of lines.title) {
      g.append(el('text', { x: pad, y: baseline, 'font-size': TITLE, 'font-weight': 'bold', fill: 'currentColor' }, line));
      baseline += 20;
    }
    for (const line of lines.detail) {
      g.append(el('text', { x: pad, y: baseline, fill: TEXT.muted.light }, line));
      baseline += LINE;
    }
    for (const line of lines.source) {
      g.append(el('text', { x: pad, y: baseline, fill: TEXT.muted.light }, line));
      baseline += LINE;
    }
    svg.append(g);
    if (i < steps.length - 1) {
      svg.append(el('line', { x1: width / 2, x2: width / 2, y1: y + boxHeight + 2, y2: y + boxHeight + gap - 3, stroke: 'currentColor', 'stroke-width': 1.5, 'marker-end': 'url(#flow-arrow)' }));
    }
    y += boxHeight + gap;
  });
  return drawnLarger(svg);
}

function studyFlowTable({ steps }: StudyFlowData): ChartTable {
  return {
    columns: [
      { key: 'step', label: 'Step', format: 'integer' },
      { key: 'title', label: 'Stage' },
      { key: 'detail', label: 'Detail' },
      { key: 'source', label: 'Source' },
    ],
    rows: steps.map((s, i) => ({ step: i + 1, ...s })),
  };
}

function studyFlowSummary({ steps }: StudyFlowData): string {
  return `Flow diagram of the study in ${steps.length} steps: ${steps.map((s) => `${s.title} (${s.detail})`).join('; then ')}.`;
}

export default defineChart<StudyFlowData>({
  id: 'study-flow',
  title: 'How the study worked',
  embedHeight: { narrow: 1131, wide: 1097 },
  measure:
    'Counts at each step: conversations sampled, the subjective ones analysed, and the values and clusters found in them.',
  teaching: {
    shows: 'The pipeline from a week of real conversations to a taxonomy of values and the statistics run on it.',
    question: 'At which step could a mistake change the results most, and how did the researchers check it?',
  },
  select: selectStudyFlow,
  render: renderStudyFlow,
  summary: studyFlowSummary,
  table: studyFlowTable,
  navigation: { label: 'title', value: 'detail' },
  takeaway: (d) =>
    `Fewer than half of the sampled conversations were subjective enough to analyse; from those, a model extracted the values that became a ${d.categoryCount}-category taxonomy.`,
  provenance: (d) => fromPaper(d.rows, (r) => r.label, { dataset: 'the taxonomy counts and the threshold are' }),
});
