import { DATASET_LICENSE, DATASET_LICENSE_URL, DATASET_PAGE, PAPER_URL } from '../../config.ts';
import { provenance, type Sourced } from '../../data/paper.ts';
import type { Provenance, SourceLink } from './contract.ts';

export const DATASET_LINK: SourceLink = { text: 'Data: Anthropic, Values in the Wild', href: DATASET_PAGE };
export const LICENSE_LINK: SourceLink = { text: DATASET_LICENSE, href: DATASET_LICENSE_URL };
export const DATASET_SOURCE: SourceLink[] = [DATASET_LINK, LICENSE_LINK];

/** Provenance of a chart computed from the open dataset alone. */
export const fromDataset = (notes: string[] = []): Provenance => ({ sources: DATASET_SOURCE, notes });

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
export function paperNotes<Row extends Sourced>(rows: Row[], describe: (row: Row) => string): string[] {
  const notes: string[] = [];
  if (rows.some((r) => r.confidence === 'B')) {
    notes.push('Figures graded B come from a single detailed summary of the paper and are shown as reported.');
  }
  // Rows that share a caveat share one note.
  const byCaveat = new Map<string, Row[]>();
  for (const row of rows.filter((r) => r.confidence === 'C')) byCaveat.set(row.caveat, [...(byCaveat.get(row.caveat) ?? []), row]);
  for (const [caveat, group] of byCaveat) {
    notes.push(`Caution, grade C (${provenance(group[0]!)}): ${group.map(describe).join('; ')} — ${caveat}`);
  }
  return notes;
}
