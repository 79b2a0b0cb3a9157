import type { SiteData } from './site-data.ts';
import { provenance, scopeFigure, type Sourced } from './paper.ts';
import { bonferroniZ } from './stats.ts';

export type Verdict = 'matches' | 'close' | 'differs';

export interface Claim {
  claim: string;
  paper: string;
  ours: string;
  verdict: Verdict;
  source: string;
  how: string;
}

/** Half a unit of the last digit the paper prints: 4.33 → 0.005, 75 → 0.5. */
function roundingTolerance(printed: string): number {
  const decimals = printed.includes('.') ? printed.split('.')[1]!.length : 0;
  return 0.5 * 10 ** -decimals;
}

/**
 * Compare a figure as the paper prints it with ours: "matches" when ours rounds to the paper's figure, "close" when
 * within 5% of it, "differs" otherwise.
 */
export function verdict(paperPrinted: string, ours: number): Verdict {
  const paper = Number(paperPrinted);
  const gap = Math.abs(ours - paper);
  if (gap <= roundingTolerance(paperPrinted) + 1e-9) return 'matches';
  if (gap <= Math.abs(paper) * 0.05) return 'close';
  return 'differs';
}

/** The worst of several verdicts (a claim made of several numbers is only as good as its weakest part). */
function worst(verdicts: Verdict[]): Verdict {
  return verdicts.includes('differs') ? 'differs' : verdicts.includes('close') ? 'close' : 'matches';
}

const printed = (row: Sourced & Record<string, unknown>, column = 'value') => String(row[column]);

/** The paper's claims the open data can test, each recomputed from the dataset at build time. */
export function checkClaims({ taxonomy, dataset, paper }: SiteData): Claim[] {
  const values = taxonomy.nodes.filter((n) => n.level === 0);
  const count = (level: number) => taxonomy.nodes.filter((n) => n.level === level).length;
  const claims: Claim[] = [];

  const levelRows = ['ai_values', 'level1_clusters', 'level2_clusters', 'categories'].map((k) => scopeFigure(paper, k));
  const levelCounts = [0, 1, 2, 3].map(count);
  claims.push({
    claim: 'The taxonomy has 3,307 values in 266, 26 and 5 clusters',
    paper: levelRows.map((r) => printed(r)).join(' / '),
    ours: levelCounts.join(' / '),
    verdict: worst(levelRows.map((r, i) => verdict(printed(r), levelCounts[i]!))),
    source: provenance(levelRows[0]!),
    how: 'Rows per level in values_tree.csv.',
  });

  const top = paper.aiTopValues;
  const oursTop = top.map((r) => values.find((v) => v.name === r.value));
  claims.push({
    claim: `The five most frequent values are ${top.map((r) => r.value).join(', ')}`,
    paper: top.map((r) => `${printed(r, 'pct_convos')}%`).join(' / '),
    ours: oursTop.map((v) => (v ? `${v.pctConvos}% (#${v.rank})` : 'absent')).join(' / '),
    verdict: worst(top.map((r, i) => (oursTop[i] && oursTop[i]!.rank === i + 1 ? verdict(printed(r, 'pct_convos'), oursTop[i]!.pctConvos!) : 'differs'))),
    source: provenance(top[0]!),
    how: 'pct_convos and rank in values_frequencies.csv.',
  });

  const cutoff = scopeFigure(paper, 'long_tail_cutoff');
  const tail = scopeFigure(paper, 'long_tail_share');
  const underCutoff = (100 * values.filter((v) => v.pctConvos! < (cutoff.value as number)).length) / values.length;
  claims.push({
    claim: `${printed(tail)}% of values occur in fewer than ${printed(cutoff)}% of conversations`,
    paper: `${printed(tail)}%`,
    ours: `${underCutoff.toFixed(1)}%`,
    verdict: verdict(printed(tail), underCutoff),
    source: provenance(tail),
    how: `Share of the ${values.length.toLocaleString('en-US')} values whose pct_convos is below ${printed(cutoff)}.`,
  });

  const perConversation = (dataset.frequencies.rollup({ total: 'd => op.sum(d.pct_convos)' }).get('total', 0) as number) / 100;
  const mean = scopeFigure(paper, 'mean_ai_values');
  claims.push({
    claim: `Claude expresses about ${printed(mean)} values per conversation`,
    paper: printed(mean),
    ours: perConversation.toFixed(3),
    verdict: verdict(printed(mean), perConversation),
    source: provenance(mean),
    how: 'The sum of every value’s % of conversations, divided by 100. (The paper averages over conversations with at least one value, so a match to one decimal is what to expect.)',
  });

  const threshold = scopeFigure(paper, 'significance_threshold');
  const z = bonferroniZ(values.length);
  claims.push({
    claim: `Residuals above ${printed(threshold)} are significant after a Bonferroni correction`,
    paper: printed(threshold),
    ours: z.toFixed(3),
    verdict: verdict(printed(threshold), z),
    source: provenance(threshold),
    how: `The two-sided critical z at α = 0.05 over ${values.length.toLocaleString('en-US')} comparisons: Φ⁻¹(1 − 0.05 / (2 × ${values.length})).`,
  });
  return claims;
}
