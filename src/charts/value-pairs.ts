import * as Plot from '@observablehq/plot';
import { TEXT } from './lib/palette.ts';
import { MARKS } from './lib/chart-colors.ts';
import { plotSvg } from './lib/plot-svg.ts';
import { CHART_FONT, sideBySide, widthIn } from './lib/size.ts';
import { approximateWidth } from '../lib/text.ts';
import { tagRows } from './lib/svg.ts';
import type { Model } from '../data/model.ts';
import { provenance } from '../data/paper.ts';
import { defineChart, type ChartRoom, type ChartTable } from './lib/contract.ts';
import { fromPaper } from './lib/sources.ts';

export interface ValuePair {
  pattern: 'mirroring' | 'complementing' | 'opposing';
  human: string;
  ai: string;
  figure: string;
  confidence: string;
  source: string;
}

const PATTERN_TITLES: Record<ValuePair['pattern'], string> = {
  mirroring: 'Mirroring: holds the same value',
  complementing: 'Complementing: adds a supporting value',
  opposing: 'Opposing: counters the value',
};

const ROW = 21;
const INDENT = 34;

type Line =
  | { kind: 'head'; pattern: ValuePair['pattern']; key: string }
  | { kind: 'human'; human: string; key: string }
  | { kind: 'pair'; pair: ValuePair; index: number; key: string; text: string }
  | { kind: 'figure'; text: string; key: string };

/**
 * One line per line of text, narrow enough for a phone: under each pattern's heading, the user's value, then Claude's
 * values in reply, each after an arrow, with the paper's figure beside it (or on the line below when it would not fit).
 */
function valuePairLines(pairs: ValuePair[], width: number): Line[][] {
  const patterns = [...new Set(pairs.map((p) => p.pattern))];
  const room = width - 8 - (INDENT + 6);
  const key: Line = { kind: 'human', human: 'The user’s value, then → Claude’s in reply', key: 'key' };
  const [first, ...rest] = patterns.map((pattern) => {
    const lines: Line[] = [{ kind: 'head', pattern, key: `head ${pattern}` }];
    let human = '';
    pairs.forEach((pair, index) => {
      if (pair.pattern !== pattern) return;
      if (pair.human !== human) lines.push({ kind: 'human', human: (human = pair.human), key: `human ${index}` });
      const figure = pair.figure ? ` (${pair.figure}${pair.confidence === 'C' ? '*' : ''})` : '';
      const whole = `${pair.ai}${figure}`;
      if (!figure || approximateWidth(whole, CHART_FONT) <= room) lines.push({ kind: 'pair', pair, index, key: `pair ${index}`, text: whole });
      else {
        lines.push({ kind: 'pair', pair, index, key: `pair ${index}`, text: pair.ai });
        lines.push({ kind: 'figure', text: figure.trim(), key: `figure ${index}` });
      }
    });
    return lines;
  });
  return [[key, ...(first ?? [])], ...rest];
}

/** A pattern's heading, or in a column too narrow for it (bold), its name alone ("Complementing"). */
const headingIn = (title: string, room: number) => (approximateWidth(title, CHART_FONT) * 1.1 <= room ? title : title.split(':')[0]!);

const linesHeight = (lines: Line[]) => lines.length * ROW + 16;

/** The patterns in as few columns as the room's height allows, each as tall as its patterns (a pattern is never split). */
function columnsFor(patterns: Line[][], room?: ChartRoom): Line[][] {
  const all = patterns.flat();
  if (!room || linesHeight(all) <= room.height) return [all];
  const count = Math.min(patterns.length, Math.floor(room.width / MIN_COLUMN), Math.ceil(linesHeight(all) / room.height));
  if (count < 2) return [all];
  const target = all.length / count;
  const columns: Line[][] = [[]];
  for (const pattern of patterns) {
    const column = columns.at(-1)!;
    if (column.length && column.length + pattern.length / 2 > target && columns.length < count) columns.push([...pattern]);
    else column.push(...pattern);
  }
  return columns;
}

/** The narrowest column of patterns when they are set side by side. */
const MIN_COLUMN = 300;

function renderValuePairs({ rows: pairs }: ValuePairsData, _options: unknown, document: Document, room?: ChartRoom): SVGSVGElement {
  const width = widthIn(room);
  const columns = columnsFor(valuePairLines(pairs, width), room);
  if (columns.length === 1) return linesSvg(columns[0]!, width, document);
  const columnWidth = Math.floor(width / columns.length);
  return sideBySide(columnsFor(valuePairLines(pairs, columnWidth), room).map((lines) => linesSvg(lines, columnWidth, document)), document);
}

function linesSvg(lines: Line[], width: number, document: Document): SVGSVGElement {
  const of = <K extends Line['kind']>(kind: K) => lines.filter((l): l is Extract<Line, { kind: K }> => l.kind === kind);
  const svg = plotSvg(
    {
      width,
      height: linesHeight(lines),
      marginLeft: 8,
      marginRight: 8,
      marginTop: 8,
      marginBottom: 8,
      x: { type: 'identity', axis: null },
      y: { axis: null, domain: lines.map((l) => l.key), padding: 0 },
      marks: [
        Plot.text(of('head'), { x: 8, y: 'key', text: (d: Extract<Line, { kind: 'head' }>) => headingIn(PATTERN_TITLES[d.pattern], width - 16), textAnchor: 'start', fontWeight: 'bold', fill: 'currentColor', dy: 3 }),
        Plot.text(of('human'), { x: 8, y: 'key', text: 'human', textAnchor: 'start', fill: TEXT.muted.light }),
        Plot.arrow(of('pair'), { x1: INDENT - 14, x2: INDENT + 2, y1: 'key', y2: 'key', stroke: (d) => (d.pair.pattern === 'opposing' ? MARKS.vermilion.light : MARKS.blue.light), headLength: 6 }),
        Plot.text(of('figure'), { x: INDENT + 22, y: 'key', text: 'text', textAnchor: 'start', fill: 'currentColor' }),
        // Claude's value, the last text mark, names each pair (in the table's order).
        Plot.text(
          of('pair').sort((a, b) => a.index - b.index),
          { x: INDENT + 6, y: 'key', text: 'text', textAnchor: 'start', fill: 'currentColor' },
        ),
      ],
    },
    document,
  );
  const texts = svg.querySelectorAll('g[aria-label="text"]');
  const named = of('pair').sort((a, b) => a.index - b.index);
  tagRows(texts[texts.length - 1]!, 'text', (_, n) => named[n]?.index);
  return svg;
}

function valuePairsTable({ rows: pairs }: ValuePairsData): ChartTable {
  return {
    columns: [
      { key: 'pattern', label: 'Pattern' },
      { key: 'human', label: 'User’s value' },
      { key: 'ai', label: 'Claude’s value' },
      { key: 'figure', label: 'Reported figure' },
      { key: 'source', label: 'Source' },
    ],
    rows: pairs.map(({ pattern, human, ai, figure, source }) => ({ pattern, human, ai, figure, source })),
  };
}

function valuePairsSummary({ rows: pairs }: ValuePairsData): string {
  const patterns = [...new Set(pairs.map((p) => p.pattern))];
  return `Diagram of how Claude’s values relate to the user’s, in three patterns. ${patterns
    .map((pattern) => `${pattern}: ${pairs.filter((p) => p.pattern === pattern).map((p) => `${p.human} → ${p.ai}`).join(', ')}`)
    .join('. ')}.`;
}

interface ValuePairsData {
  rows: ValuePair[];
  paper: Model['paper']['valuePairs'];
}

export default defineChart<ValuePairsData>({
  id: 'value-pairs',
  title: 'Mirroring, complementing, opposing',
  embedHeight: { narrow: 1241, wide: 1023 },
  measure:
    'Each arrow links a value users expressed to one Claude expressed in reply, a pairing far above chance; bracketed figures are the paper’s.',
  teaching: {
    shows: 'Three ways Claude’s values relate to the values a user brings: it can share them, add a value that supports them, or push against them.',
    question: 'When is mirroring a user’s values helpful, and when could it become sycophancy?',
  },
  select: ({ paper }) => ({
    rows: paper.valuePairs.map((r) => ({ pattern: r.pattern, human: r.human_value, ai: r.ai_value, figure: r.figure, confidence: r.confidence, source: provenance(r) })),
    paper: paper.valuePairs,
  }),
  render: renderValuePairs,
  summary: valuePairsSummary,
  table: valuePairsTable,
  navigation: { label: 'human', value: 'ai', group: 'pattern', detail: 'figure' },
  takeaway: ({ rows }) => {
    const efficiency = rows.find((r) => r.pattern === 'mirroring' && r.figure);
    return `Claude meets some values with the same one far more than chance would predict — ${efficiency?.human} with ${efficiency?.ai} (${efficiency?.figure}, a measure of over-representation, not of how often) — but answers deception and rule-breaking with ethical integrity and harm prevention.`;
  },
  provenance: ({ paper }) => fromPaper(paper, (r) => `${r.human_value} → ${r.ai_value} ${r.figure} (marked *)`),
});
