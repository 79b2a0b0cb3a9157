import * as Plot from '@observablehq/plot';
import { plotSvg } from './plot-svg.ts';
import type { ChartTable } from './types.ts';

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
export function renderValuePairs(pairs: ValuePair[], document: Document): SVGSVGElement {
  const patterns = [...new Set(pairs.map((p) => p.pattern))];
  const lines = patterns.flatMap((pattern) => [
    { kind: 'head' as const, pattern, key: `head ${pattern}` },
    ...pairs
      .filter((p) => p.pattern === pattern)
      .map((p, i, all) => ({ kind: 'pair' as const, ...p, key: `${pattern} ${i}`, showHuman: i === 0 || all[i - 1]!.human !== p.human })),
  ]);
  const heads = lines.filter((l) => l.kind === 'head');
  const rows = lines.filter((l): l is Extract<(typeof lines)[number], { kind: 'pair' }> => l.kind === 'pair');
  return plotSvg(
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
        Plot.text(rows.filter((r) => r.showHuman), { x: 0.32, y: 'key', text: 'human', textAnchor: 'end', fill: '#555' }),
        Plot.arrow(rows, { x1: 0.34, x2: 0.42, y1: 'key', y2: 'key', stroke: (d) => (d.pattern === 'opposing' ? '#D55E00' : '#0072B2'), headLength: 6 }),
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
}

export function valuePairsTable(pairs: ValuePair[]): ChartTable {
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

export function valuePairsSummary(pairs: ValuePair[]): string {
  const patterns = [...new Set(pairs.map((p) => p.pattern))];
  return `Diagram of how Claude’s values relate to the user’s, in three patterns. ${patterns
    .map((pattern) => `${pattern}: ${pairs.filter((p) => p.pattern === pattern).map((p) => `${p.human} → ${p.ai}`).join(', ')}`)
    .join('. ')}.`;
}
