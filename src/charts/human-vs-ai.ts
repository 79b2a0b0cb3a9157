import { percent } from './format.ts';
import { categoryColor } from './palette.ts';
import { renderLabelledBars } from './simple-bars.ts';
import type { ChartTable } from './types.ts';

export interface TopValueOf {
  who: 'Users (human values)' | 'Claude (AI values)';
  value: string;
  pct: number;
  category: string;
  source: string;
}

const HUMAN_GREY = '#6B6B6B';

export function renderHumanVsAi(rows: TopValueOf[], document: Document): SVGSVGElement {
  return renderLabelledBars(
    rows.map((r) => ({ label: r.value, group: r.who, pct: r.pct, color: r.category ? categoryColor(r.category) : HUMAN_GREY })),
    document,
    '% of conversations →',
    { marginLeft: 140, max: 25 },
  );
}

export function humanVsAiTable(rows: TopValueOf[]): ChartTable {
  return {
    columns: [
      { key: 'who', label: 'Whose values' },
      { key: 'value', label: 'Value' },
      { key: 'pct', label: '% of conversations', format: 'percent' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map(({ who, value, pct, source }) => ({ who, value, pct, source })),
  };
}

/** How much more concentrated Claude's top value is than the users' (ratio of the two leaders). */
export function leaderRatio(rows: TopValueOf[]): number {
  const lead = (who: TopValueOf['who']) => Math.max(...rows.filter((r) => r.who === who).map((r) => r.pct));
  return lead('Claude (AI values)') / lead('Users (human values)');
}

export function humanVsAiSummary(rows: TopValueOf[]): string {
  const list = (who: TopValueOf['who']) => rows.filter((r) => r.who === who).map((r) => `${r.value} ${percent(r.pct)}`).join(', ');
  return `Two bar charts on one scale. Users’ top values: ${list('Users (human values)')}. Claude’s top values: ${list('Claude (AI values)')}. Claude’s leading value is ${leaderRatio(rows).toFixed(1)} times as frequent as the users’.`;
}
