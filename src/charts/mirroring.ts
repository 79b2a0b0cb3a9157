import { percent } from './lib/format.ts';
import { renderLabelledBars } from './lib/labelled-bars.ts';
import { MARKS } from './lib/chart-colors.ts';
import type { Model } from '../data/model.ts';
import { provenance } from '../data/paper.ts';
import { defineChart, type ChartRoom, type ChartTable } from './lib/contract.ts';
import { fromPaper } from './lib/sources.ts';

export interface MirroringRate {
  responseType: string;
  pct: number;
  source: string;
}

function renderMirroring({ rows }: MirroringData, _options: unknown, document: Document, room?: ChartRoom): SVGSVGElement {
  return renderLabelledBars(
    rows.map((r) => ({ label: r.responseType, pct: r.pct, color: r.responseType.includes('resistance') ? MARKS.vermilion.light : r.responseType === 'support' ? MARKS.blue.light : MARKS.grey3.light })),
    document,
    '% of responses that mirror the user’s value →',
    { marginLeft: 140, max: 25, room },
  );
}

function mirroringTable({ rows }: MirroringData): ChartTable {
  return {
    columns: [
      { key: 'responseType', label: 'Response type' },
      { key: 'pct', label: '% mirroring the user’s value', format: 'percent' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}

function mirroringSummary({ rows }: MirroringData): string {
  return `Bar chart of how often Claude expressed the same value the user expressed, by response type: ${rows.map((r) => `${r.responseType} ${percent(r.pct)}`).join(', ')}.`;
}

interface MirroringData {
  rows: MirroringRate[];
  paper: Model['paper']['mirroring'];
}

export default defineChart<MirroringData>({
  id: 'mirroring',
  title: 'Mirroring by response type',
  embedHeight: { narrow: 517, wide: 416 },
  measure:
    '% mirroring: for each kind of response, the share of the conversations with that response (not of all conversations) in which Claude expressed the very value the user had.',
  teaching: {
    shows: 'How often Claude expressed the very value the user expressed, for each kind of response.',
    question: 'Why would mirroring almost vanish when Claude resists?',
  },
  select: ({ paper }) => ({ rows: paper.mirroring.map((r) => ({ responseType: r.response_type, pct: r.pct_mirroring, source: provenance(r) })), paper: paper.mirroring }),
  render: renderMirroring,
  summary: mirroringSummary,
  table: mirroringTable,
  takeaway: ({ rows }) =>
    `When Claude supports a user it mirrors their value ${percent(rows[0]?.pct ?? 0)} of the time; when it strongly resists, almost never (${percent(rows.at(-1)?.pct ?? 0)}).`,
  provenance: ({ paper }) => fromPaper(paper, (r) => r.response_type),
});
