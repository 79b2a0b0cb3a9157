import type { Claim, ModelFacts, Verdict } from './model-types.ts';
import { percent } from '../lib/format.ts';
import { plural } from '../lib/text.ts';
import { ORIGINS, provenance, provenanceOf } from './paper.ts';

/** How many decimals a figure is printed with: "4.33" → 2, "4.0" → 1, "75" → 0. */
const decimalsOf = (printed: string) => (printed.includes('.') ? printed.split('.')[1]!.length : 0);

/** Half a unit of the last digit the paper prints: 4.33 → 0.005, 4.0 → 0.05, 75 → 0.5. */
function roundingTolerance(printed: string): number {
  return 0.5 * 10 ** -decimalsOf(printed);
}

/**
 * Compare a figure as the paper prints it with ours: "matches" when ours rounds to the paper's figure at the paper's
 * precision, "close" when within 5% of it, "differs" otherwise.
 */
export function verdict(paperPrinted: string, ours: number): Verdict {
  const paper = Number(paperPrinted);
  const gap = Math.abs(ours - paper);
  if (gap <= roundingTolerance(paperPrinted) + 1e-9) return 'matches';
  if (gap <= Math.abs(paper) * 0.05) return 'close';
  return 'differs';
}

/** Ours, printed at the precision of the paper's figure (4.0 → one decimal). */
function atPrecisionOf(paperPrinted: string, ours: number): string {
  return ours.toFixed(decimalsOf(paperPrinted));
}

/** The worst of several verdicts (a claim made of several numbers is only as good as its weakest part). */
function worst(verdicts: Verdict[]): Verdict {
  return verdicts.includes('differs') ? 'differs' : verdicts.includes('close') ? 'close' : 'matches';
}

/**
 * The loosest reading of the paper's "around" a figure that we test it with: within a factor of 2 either way. The paper
 * sets no band; the claims table says so, and how far off the values are, so that a reader can apply another.
 */
export const AROUND_AT_MOST = 2;
/** Within a factor of 1.5 either way: what rounds to the figure at one significant figure (0.01 → 0.005 to 0.015). */
export const AROUND_ROUNDS_TO = 1.5;

const holds = (isTrue: boolean): Verdict => (isTrue ? 'matches' : 'differs');

/** Every claim the open data can test, from the paper and from this report's own wording, each checked against the model. */
export function checkClaims(facts: ModelFacts): Claim[] {
  const { taxonomy, paper, longTail, valuesPerConversation, threshold, scope, categories, topFiveShare } = facts;
  const { values, levelCounts } = taxonomy;
  const count = values.length.toLocaleString('en-US');
  const claims: Claim[] = [];

  const levelRows = ['ai_values', 'level1_clusters', 'level2_clusters', 'categories'].map(scope);
  claims.push({
    claim: 'The taxonomy has 3,307 values in 266, 26 and 5 clusters',
    kind: 'figure',
    paper: levelRows.map((r) => r.printed.value).join(' / '),
    ours: levelCounts.join(' / '),
    verdict: worst(levelRows.map((r, i) => verdict(r.printed.value, levelCounts[i]!))),
    source: provenance(levelRows[0]!),
    how: 'Rows per level in values_tree.csv.',
  });

  const paperCategories = paper.categoryShares;
  const oursCategories = paperCategories.map((r) => categories.find((c) => c.category === r.category));
  claims.push({
    claim: `The five categories’ shares of all value expressions: ${paperCategories.map((r) => r.category.replace(/ values$/, '')).join(', ')}`,
    kind: 'figure',
    paper: paperCategories.map((r) => `${r.printed.share}%`).join(' / '),
    ours: oursCategories.map((c, i) => (c ? `${atPrecisionOf(paperCategories[i]!.printed.share, c.share)}%` : 'absent')).join(' / '),
    verdict: worst(paperCategories.map((r, i) => (oursCategories[i] ? verdict(r.printed.share, oursCategories[i]!.share) : 'differs'))),
    source: provenanceOf(paperCategories),
    how: 'pct_total_occurrences of the five level-3 rows in values_tree.csv: shares of expressions, which add up to 100%, not of conversations.',
  });

  const top = paper.aiTopValues;
  const oursTop = top.map((r) => values.find((v) => v.name === r.value));
  claims.push({
    claim: `The five most frequent values are ${top.map((r) => r.value).join(', ')}`,
    kind: 'figure',
    paper: top.map((r) => `${r.printed.pct_convos}%`).join(' / '),
    ours: oursTop.map((v, i) => (v ? `${atPrecisionOf(top[i]!.printed.pct_convos, v.pctConvos)}% (#${v.rank})` : 'absent')).join(' / '),
    verdict: worst(top.map((r, i) => (oursTop[i] && oursTop[i]!.rank === i + 1 ? verdict(r.printed.pct_convos, oursTop[i]!.pctConvos) : 'differs'))),
    source: provenance(top[0]!),
    how: 'pct_convos and rank in values_frequencies.csv.',
  });

  claims.push({
    claim: 'Together those five make up nearly a quarter of all value expressions',
    kind: 'statement',
    paper: 'nearly a quarter (20–25%)',
    ours: `${topFiveShare.toFixed(1)}%`,
    verdict: holds(topFiveShare >= 20 && topFiveShare < 25),
    source: `this report, ${ORIGINS.dataset.label}`,
    how: 'The sum of the five values’ pct_total_occurrences in values_tree.csv.',
  });

  const cutoff = scope('long_tail_cutoff');
  const tail = longTail.paperShare;
  claims.push({
    claim: `${tail.printed.value}% of values occur in fewer than ${cutoff.printed.value}% of conversations`,
    kind: 'figure',
    paper: `${tail.printed.value}%`,
    ours: `${longTail.shareUnderCutoff.toFixed(1)}%`,
    verdict: verdict(tail.printed.value, longTail.shareUnderCutoff),
    source: provenance(tail),
    how: `Share of the ${count} values whose pct_convos is below ${cutoff.printed.value}.`,
  });

  const jailbreak = facts.jailbreakValues;
  const ceiling = scope('rare_value_ceiling');
  const typical = scope('rare_value_typical');
  const rareFigures = [...jailbreak.values.map((v) => `${v.name} ${v.pctConvos}%`), ...jailbreak.missing.map((name) => `${name} absent`)].join(' / ');
  claims.push({
    claim: `Each value traced to jailbreak attempts occurs in under ${ceiling.printed.value}% of conversations`,
    kind: 'statement',
    paper: `under ${ceiling.printed.value}% each`,
    ours: rareFigures,
    verdict: holds(jailbreak.allUnderCeiling),
    source: provenance(ceiling),
    how: 'pct_convos in values_frequencies.csv for the values the paper traces to jailbreak attempts.',
  });
  const named = jailbreak.values.length + jailbreak.missing.length;
  const factor = jailbreak.factorForMost;
  const roundedFactor = Number.isFinite(factor) ? factor.toFixed(1) : '∞';
  claims.push({
    claim: `Most of them occur in around ${typical.printed.value}% of conversations`,
    kind: 'statement',
    paper: `around ${typical.printed.value}%`,
    ours: `${rareFigures} / most within a factor of ${roundedFactor} of ${typical.printed.value}%`,
    verdict: factor <= AROUND_ROUNDS_TO ? 'matches' : factor <= AROUND_AT_MOST ? 'consistent' : 'differs',
    source: provenance(typical),
    how: `The paper sets no band for “around”. Ours is the factor, either way, that “around” must stretch to for most (more than half) of the ${plural(named, 'value')} the paper names: ${roundedFactor}. It holds within a factor of ${AROUND_ROUNDS_TO} (what rounds to ${typical.printed.value} at one significant figure), is consistent with the data within a factor of ${AROUND_AT_MOST}, and fails beyond. The test reaches only the values the paper names; if its “most” means a wider set it does not list, the open data cannot tell which, and this row does not test that. They are few in conversations but not rare among values: ${jailbreak.values
      .map((v) => `${v.name} is commoner than ${percent(v.commonerThan)} of values`)
      .join(', ')}.`,
  });

  const mean = scope('mean_ai_values');
  const withAi = scope('convos_with_ai_value');
  claims.push({
    claim: `Claude expresses about ${mean.printed.value} values per conversation`,
    kind: 'figure',
    paper: mean.printed.value,
    ours: atPrecisionOf(mean.printed.value, valuesPerConversation),
    verdict: verdict(mean.printed.value, valuesPerConversation),
    source: provenance(mean),
    how: `The sum of every value’s % of conversations, divided by 100: ${valuesPerConversation.toFixed(3)} distinct values per subjective conversation, compared at the paper’s precision (one decimal). Over only the ${withAi.printed.value}% of conversations with any value it would be ${(valuesPerConversation / (withAi.value / 100)).toFixed(3)}; the verdict is the same either way.`,
  });

  const paperThreshold = scope('significance_threshold');
  claims.push({
    claim: `Residuals above ${paperThreshold.printed.value} are significant after a Bonferroni correction`,
    kind: 'figure',
    paper: paperThreshold.printed.value,
    ours: atPrecisionOf(paperThreshold.printed.value, threshold),
    // Recomputed from an α and a number of comparisons the paper's reports do not give: agreement shows consistency only.
    verdict: verdict(paperThreshold.printed.value, threshold) === 'matches' ? 'consistent' : verdict(paperThreshold.printed.value, threshold),
    source: provenance(paperThreshold),
    how: `The two-sided critical z at α = 0.05 over ${count} comparisons: Φ⁻¹(1 − 0.05 / (2 × ${count})) = ${threshold.toFixed(3)}. The α, the two-sided test and the number of comparisons are our assumptions, not figures the reports of the paper give, so a match shows only that the threshold is consistent with them.`,
  });
  return claims;
}
