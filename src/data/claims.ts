import type { Claim, ModelFacts, Verdict } from './model-types.ts';
import { provenance } from './paper.ts';

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

/** The paper's claims the open data can test, each checked against the model's figures. */
export function checkClaims({ taxonomy, paper, longTail, valuesPerConversation, threshold, scope }: ModelFacts): Claim[] {
  const { values, levelCounts } = taxonomy;
  const claims: Claim[] = [];

  const levelRows = ['ai_values', 'level1_clusters', 'level2_clusters', 'categories'].map(scope);
  claims.push({
    claim: 'The taxonomy has 3,307 values in 266, 26 and 5 clusters',
    paper: levelRows.map((r) => String(r.value)).join(' / '),
    ours: levelCounts.join(' / '),
    verdict: worst(levelRows.map((r, i) => verdict(String(r.value), levelCounts[i]!))),
    source: provenance(levelRows[0]!),
    how: 'Rows per level in values_tree.csv.',
  });

  const top = paper.aiTopValues;
  const oursTop = top.map((r) => values.find((v) => v.name === r.value));
  claims.push({
    claim: `The five most frequent values are ${top.map((r) => r.value).join(', ')}`,
    paper: top.map((r) => `${r.pct_convos}%`).join(' / '),
    ours: oursTop.map((v) => (v ? `${v.pctConvos}% (#${v.rank})` : 'absent')).join(' / '),
    verdict: worst(top.map((r, i) => (oursTop[i] && oursTop[i]!.rank === i + 1 ? verdict(String(r.pct_convos), oursTop[i]!.pctConvos) : 'differs'))),
    source: provenance(top[0]!),
    how: 'pct_convos and rank in values_frequencies.csv.',
  });

  const cutoff = scope('long_tail_cutoff');
  const tail = longTail.paperShare;
  claims.push({
    claim: `${tail.value}% of values occur in fewer than ${cutoff.value}% of conversations`,
    paper: `${tail.value}%`,
    ours: `${longTail.shareUnderCutoff.toFixed(1)}%`,
    verdict: verdict(String(tail.value), longTail.shareUnderCutoff),
    source: provenance(tail),
    how: `Share of the ${values.length.toLocaleString('en-US')} values whose pct_convos is below ${cutoff.value}.`,
  });

  const mean = scope('mean_ai_values');
  claims.push({
    claim: `Claude expresses about ${mean.value} values per conversation`,
    paper: String(mean.value),
    ours: valuesPerConversation.toFixed(3),
    verdict: verdict(String(mean.value), valuesPerConversation),
    source: provenance(mean),
    how: 'The sum of every value’s % of conversations, divided by 100. (The paper averages over conversations with at least one value, so a match to one decimal is what to expect.)',
  });

  const paperThreshold = scope('significance_threshold');
  claims.push({
    claim: `Residuals above ${paperThreshold.value} are significant after a Bonferroni correction`,
    paper: String(paperThreshold.value),
    ours: threshold.toFixed(3),
    verdict: verdict(String(paperThreshold.value), threshold),
    source: provenance(paperThreshold),
    how: `The two-sided critical z at α = 0.05 over ${values.length.toLocaleString('en-US')} comparisons: Φ⁻¹(1 − 0.05 / (2 × ${values.length})).`,
  });
  return claims;
}
