import { DATASET_LICENSE, DATASET_LICENSE_URL, DATASET_PAGE, PAPER_SHORT, PAPER_URL } from '../../config.ts';
import { ORIGINS, originOf, type Origin, type Sourced } from '../../data/paper.ts';
import { capitalize, plural } from '../../lib/text.ts';
import type { Provenance, SourceLink } from './contract.ts';

export const DATASET_LINK: SourceLink = { text: 'Data: Anthropic, Values in the Wild', href: DATASET_PAGE };
export const LICENSE_LINK: SourceLink = { text: DATASET_LICENSE, href: DATASET_LICENSE_URL };
export const DATASET_SOURCE: SourceLink[] = [DATASET_LINK, LICENSE_LINK];

const unique = (xs: string[]) => [...new Set(xs)];

/** Provenance of a chart computed from the open dataset alone. */
export function fromDataset(notes: string[] = []): Provenance {
  return {
    sources: DATASET_SOURCE,
    notes,
    caveats: [],
    marker: { origin: 'dataset', label: capitalize(ORIGINS.dataset.label), detail: `Every number here is ${ORIGINS.dataset.meaning}.` },
  };
}

/** The source line for figures transcribed from the paper: the paper and where in it. */
export function paperSource(rows: Sourced[]): SourceLink {
  return { text: `Figures: ${PAPER_SHORT}, ${unique(rows.map((r) => r.where)).join(', ')}`, href: PAPER_URL };
}

/**
 * Provenance of a chart of the paper's figures: one marker saying so (with how many figures are reported by one
 * secondary source or uncertain), and each uncertain figure's caveat, which travels with the chart everywhere.
 * `dataset` names what the chart adds from the open dataset, if anything.
 */
export function fromPaper<Row extends Sourced>(
  rows: Row[],
  describe: (row: Row) => string,
  extra: { notes?: string[]; dataset?: string; sources?: SourceLink[] } = {},
): Provenance {
  const wheres = unique(rows.map((r) => r.where)).join(', ');
  const counts = (['paper', 'secondary', 'uncertain'] as Origin[])
    .map((origin) => ({ origin, n: rows.filter((r) => originOf(r) === origin).length }))
    .filter((c) => c.n > 0);
  const detail = [
    `Transcribed from ${PAPER_SHORT}, ${wheres}: ${counts.map((c) => `${plural(c.n, 'figure')} ${ORIGINS[c.origin].label}`).join(', ')}.`,
    ...counts.map((c) => `${capitalize(ORIGINS[c.origin].label)}: ${ORIGINS[c.origin].meaning}.`),
    'The data table gives each figure’s source.',
    ...(extra.dataset ? [`${capitalize(extra.dataset)} ${ORIGINS.dataset.meaning}.`] : []),
  ].join(' ');
  // Rows that share a caveat share one note.
  const byCaveat = new Map<string, Row[]>();
  for (const row of rows.filter((r) => originOf(r) === 'uncertain')) byCaveat.set(row.caveat, [...(byCaveat.get(row.caveat) ?? []), row]);
  const caveats = [...byCaveat].map(([caveat, group]) => `${capitalize(ORIGINS.uncertain.label)} (${group[0]!.where}): ${group.map(describe).join('; ')}. ${caveat}`);
  return {
    sources: extra.sources ?? [paperSource(rows), ...(extra.dataset ? DATASET_SOURCE : [])],
    notes: extra.notes ?? [],
    caveats,
    marker: { origin: 'paper', label: `From the paper, ${wheres}${extra.dataset ? ', with the dataset' : ''}`, detail },
  };
}
