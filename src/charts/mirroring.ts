import { percent } from './format.ts';
import { renderLabelledBars } from './simple-bars.ts';
import type { ChartTable } from './types.ts';

export interface MirroringRate {
  responseType: string;
  pct: number;
  source: string;
}

export function renderMirroring(rows: MirroringRate[], document: Document): SVGSVGElement {
  return renderLabelledBars(
    rows.map((r) => ({ label: r.responseType, pct: r.pct, color: r.responseType.includes('resistance') ? '#D55E00' : r.responseType === 'support' ? '#0072B2' : '#8C8C8C' })),
    document,
    '% of responses that mirror the user’s value →',
    { marginLeft: 120, max: 25 },
  );
}

export function mirroringTable(rows: MirroringRate[]): ChartTable {
  return {
    columns: [
      { key: 'responseType', label: 'Response type' },
      { key: 'pct', label: '% mirroring the user’s value', format: 'percent' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}

export function mirroringSummary(rows: MirroringRate[]): string {
  return `Bar chart of how often Claude expressed the same value the user expressed, by response type: ${rows.map((r) => `${r.responseType} ${percent(r.pct)}`).join(', ')}.`;
}
