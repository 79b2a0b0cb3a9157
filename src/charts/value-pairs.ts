import * as Plot from '@observablehq/plot';
import { TEXT } from './lib/palette.ts';
import { MARKS } from './lib/chart-colors.ts';
import { plotSvg } from './lib/plot-svg.ts';
import { tagRows } from './lib/svg.ts';
import type { Model } from '../data/model.ts';
import { provenance } from '../data/paper.ts';
import { defineChart, type ChartTable } from './lib/contract.ts';
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
  mirroring: 'Mirroring: Claude holds the same value',
  complementing: 'Complementing: Claude adds a supporting value',
  opposing: 'Opposing: Claude counters the value',
};

const ROW = 20;

/** One line per pair, in headed groups by pattern; the user's value is named once per run of pairs. */
function renderValuePairs({ rows: pairs }: ValuePairsData, _options: unknown, document: Document): SVGSVGElement {
  const patterns = [...new Set(pairs.map((p) => p.pattern))];
  const lines = patterns.flatMap((pattern) => [
    { kind: 'head' as const, pattern, key: `head ${pattern}` },
    ...pairs
      .filter((p) => p.pattern === pattern)
      .map((p, i, all) => ({ kind: 'pair' as const, ...p, key: `${pattern} ${i}`, showHuman: i === 0 || all[i - 1]!.human !== p.human })),
  ]);
  const heads = lines.filter((l) => l.kind === 'head');
  const rows = lines.filter((l): l is Extract<(typeof lines)[number], { kind: 'pair' }> => l.kind === 'pair');
  const svg = plotSvg(
    {
      width: 460,
      height: lines.length * ROW + 16,
      marginLeft: 8,
      marginRight: 8,
      marginTop: 8,
      marginBottom: 8,
      x: { domain: [0, 1], axis: null },
      y: { axis: null, domain: lines.map((l) => l.key), padding: 0 },
      marks: [
        Plot.text(heads, { x: 0, y: 'key', text: (d: (typeof heads)[number]) => PATTERN_TITLES[d.pattern], textAnchor: 'start', fontWeight: 'bold', fill: 'currentColor', dy: 3 }),
        Plot.text(rows.filter((r) => r.showHuman), { x: 0.32, y: 'key', text: 'human', textAnchor: 'end', fill: TEXT.muted.light }),
        Plot.arrow(rows, { x1: 0.34, x2: 0.42, y1: 'key', y2: 'key', stroke: (d) => (d.pattern === 'opposing' ? MARKS.vermilion.light : MARKS.blue.light), headLength: 6 }),
        Plot.text(rows, {
          x: 0.44,
          y: 'key',
          text: (d) => `${d.ai}${d.figure ? ` (${d.figure}${d.confidence === 'C' ? '*' : ''})` : ''}`,
          textAnchor: 'start',
          fill: 'currentColor',
        }),
      ],
    },
    document,
  );
  // Claude's value, the last text mark, names each pair.
  const texts = svg.querySelectorAll('g[aria-label="text"]');
  tagRows(texts[texts.length - 1]!, 'text');
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
  embedHeight: { narrow: 976, wide: 740 },
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
