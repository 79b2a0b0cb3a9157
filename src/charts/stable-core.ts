import { renderLabelledBars } from './simple-bars.ts';
import type { ChartTable } from './types.ts';

/** Coefficient of variation of a value's frequency across contexts (lower = steadier), as the paper reports it. */
export interface Variation {
  set: string;
  value: string;
  cv: number;
  source: string;
}

export function renderStableCore(rows: Variation[], document: Document): SVGSVGElement {
  return renderLabelledBars(
    rows.map((r) => ({ label: r.value, group: r.set, pct: r.cv, color: r.set.startsWith('human') ? '#6B6B6B' : '#0072B2' })),
    document,
    'Coefficient of variation (lower = steadier) →',
    { marginLeft: 120, max: 6, format: (v) => v.toFixed(2) },
  );
}

export function stableCoreTable(rows: Variation[]): ChartTable {
  return {
    columns: [
      { key: 'set', label: 'Values and contexts' },
      { key: 'value', label: 'Value' },
      { key: 'cv', label: 'Coefficient of variation' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}

export function stableCoreSummary(rows: Variation[]): string {
  const sets = [...new Set(rows.map((r) => r.set))];
  return `Dot chart of the coefficient of variation of the steadiest values in ${sets.length} settings: ${sets
    .map((s) => `${s}: ${rows.filter((r) => r.set === s).map((r) => `${r.value} ${r.cv}`).join(', ')}`)
    .join('; ')}.`;
}
