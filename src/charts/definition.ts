import type { SiteData } from '../data/site-data.ts';
import { DATASET_LICENSE, DATASET_LICENSE_URL, DATASET_PAGE, PAPER_URL } from '../config.ts';
import { provenance, type Sourced } from '../data/paper.ts';
import type { ChartTable, Control } from './types.ts';

export interface SourceLink {
  text: string;
  href: string;
}

export interface Teaching {
  shows: string;
  question: string;
}

/** Everything a page needs to show one chart: built at build time from the data, the same for report and embeds. */
export interface ChartView {
  id: string;
  title: string;
  takeaway: string;
  /** Server-rendered SVG markup (produced by DOM APIs, so text from the data is escaped). */
  svg: string;
  summary: string;
  table: ChartTable;
  sources: SourceLink[];
  /** Shown in view beside the chart: caveats (every grade-C figure's is here) and reading notes. */
  notes?: string[];
  /** Name of the island script that adds interaction, if any. */
  island?: 'sunburst' | 'controls' | 'tips';
  /** Controls a reader can change (the island redraws the chart). */
  controls?: Control[];
  /** Where the island finds its data (a JSON file written at build time). */
  dataUrl?: string;
  /** Legend entries (category colours), if the chart colours by category. */
  legend?: string[];
  /** Wide charts scroll sideways inside their figure on narrow screens instead of shrinking. */
  wide?: boolean;
  /** For the gallery: what the chart shows and a question to ask students. */
  teaching: Teaching;
  /** Height (px) of the embed iframe before the auto-height script, if any, adjusts it. */
  embedHeight: number;
}

export interface ChartDefinition {
  id: string;
  title: string;
  teaching: Teaching;
  embedHeight: number;
  view(data: SiteData): Omit<ChartView, 'id' | 'title' | 'teaching' | 'embedHeight'>;
  /** The JSON the island loads on first interaction (served at /data/<id>.json). */
  clientData?(data: SiteData): unknown;
}

export const DATASET_SOURCE: SourceLink[] = [
  { text: 'Data: Anthropic, Values in the Wild', href: DATASET_PAGE },
  { text: DATASET_LICENSE, href: DATASET_LICENSE_URL },
];

/** The source line for figures transcribed from the paper: where they are, and their grades ("B" = as reported). */
export function paperSource(rows: Sourced[]): SourceLink {
  const unique = (xs: string[]) => [...new Set(xs)];
  const grades = unique(rows.map((r) => r.confidence)).sort();
  const asReported = grades.includes('B') ? '; grade B figures as reported' : '';
  return {
    text: `Figures: Huang et al. (2025), ${unique(rows.map((r) => r.where)).join(', ')} — grade ${grades.join('/')}${asReported}`,
    href: PAPER_URL,
  };
}

/** Notes every chart of paper figures carries: what "as reported" means, and each grade-C figure's caveat. */
export function paperNotes(rows: (Sourced & Record<string, unknown>)[], describe: (row: Sourced & Record<string, unknown>) => string): string[] {
  const notes: string[] = [];
  if (rows.some((r) => r.confidence === 'B')) {
    notes.push('Figures graded B come from a single detailed summary of the paper and are shown as reported.');
  }
  // Rows that share a caveat share one note.
  const byCaveat = new Map<string, (Sourced & Record<string, unknown>)[]>();
  for (const row of rows.filter((r) => r.confidence === 'C')) byCaveat.set(row.caveat, [...(byCaveat.get(row.caveat) ?? []), row]);
  for (const [caveat, group] of byCaveat) {
    notes.push(`Caution, grade C (${provenance(group[0]!)}): ${group.map(describe).join('; ')} — ${caveat}`);
  }
  return notes;
}

export const svgOf = (el: SVGSVGElement) => el.outerHTML;
