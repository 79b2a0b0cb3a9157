import type { PaperFigures, ResponseGroup, ScopeRow } from './paper.ts';
import type { Taxonomy, TaxonomyNode, ValueNode } from './taxonomy.ts';
import type { AtlasLayout } from './atlas.ts';

/** The shapes of the derived model (src/data/model.ts builds it), apart so that claims.ts can use them without a cycle. */

/**
 * How a claim fares against the open data: it holds ('matches'), is within 5% ('close'), fails ('differs'), or the open
 * data can only be consistent with it ('consistent'): it agrees, but only under assumptions the claim does not state.
 */
export type Verdict = 'matches' | 'consistent' | 'close' | 'differs';

export interface Claim {
  claim: string;
  /** A figure the paper prints (compared at its printed precision), or a statement in words tested against the data. */
  kind: 'figure' | 'statement';
  paper: string;
  ours: string;
  verdict: Verdict;
  source: string;
  how: string;
}


export interface CategoryShare {
  category: string;
  href: string;
  /** % of all value expressions. */
  share: number;
  level2Clusters: number;
  level1Clusters: number;
  values: number;
}

/** The values the paper traces (most likely) to jailbreak attempts, and whether its description of their frequency holds. */
export interface JailbreakValues {
  /** Those the dataset has, in the paper's order. */
  values: ValueNode[];
  /** Those it lacks (only ever true of test fixtures). */
  missing: string[];
  /** The paper's "each under 0.16%" and "most around 0.01%", in % of conversations. */
  ceiling: number;
  typical: number;
  allUnderCeiling: boolean;
  /**
   * The factor (either way) by which "around" the typical figure must stretch to take in most (more than half) of the
   * named values: the paper sets no band, so this says how loose a reading the claim needs. Infinity if any is absent.
   */
  factorForMost: number;
  /** Whether most are around the typical figure, within claims.ts's AROUND_AT_MOST (a factor of 2). */
  mostAroundTypical: boolean;
}

export interface LongTail {
  /** The paper's cutoff for a rare value, in % of conversations. */
  cutoff: number;
  /** % of values below the cutoff, computed from the dataset. */
  shareUnderCutoff: number;
  /** The paper's own figure for that share. */
  paperShare: ScopeRow;
  /** The middle value's % of conversations (half of all values appear in this share of conversations or fewer). */
  medianPctConvos: number;
}

/**
 * Everything the site states, derived once per build from the validated dataset and the paper tables. Prose, charts,
 * pages, downloads and the search index read from here; each figure is computed in exactly one place below.
 */
export interface Model {
  taxonomy: Taxonomy;
  paper: PaperFigures;
  /** Every value as a circle packed in its clusters (the values atlas), laid out once. */
  atlas: AtlasLayout;
  categories: CategoryShare[];
  /** Value expressions per conversation: the sum of every value's % of conversations ÷ 100. */
  valuesPerConversation: number;
  /** % of all value expressions made by the five commonest values together. */
  topFiveShare: number;
  /** Two-sided Bonferroni critical z at α = 0.05 over all values: residuals above it are significant. */
  threshold: number;
  longTail: LongTail;
  jailbreakValues: JailbreakValues;
  /** Sum of the response types' shares of conversations in each group (support, resistance, …). */
  responseGroups: Record<ResponseGroup, number>;
  /** The scope figure with this key from data/paper/scope.csv (throws if missing). */
  scope(key: string): ScopeRow;
  /** The value with this exact name, if the dataset has it. */
  value(name: string): ValueNode | undefined;
  /** Whether a value is in the long tail: below the paper's cutoff in % of conversations. */
  inLongTail(value: ValueNode): boolean;
  /** Values whose name contains the word (the "autonomy" family), most frequent first. */
  family(word: string): ValueNode[];
  /** Other values sharing a word of this value's name, most frequent first. */
  related(node: TaxonomyNode, limit?: number): ValueNode[];
  claims: Claim[];
}

export type ModelFacts = Omit<Model, 'claims'>;

