export type { CategoryShare, Claim, JailbreakValues, LongTail, Model, ModelFacts, Verdict } from './model-types.ts';
import path from 'node:path';
import { datasetDir, valuePagesLimit } from '../config.ts';
import { AROUND_AT_MOST, checkClaims } from './claims.ts';
import type { CategoryShare, JailbreakValues, Model, ModelFacts } from './model-types.ts';
import { loadDataset, loadPaperFigures } from './load.ts';
import { RESPONSE_GROUPS, scopeFigure, type PaperFigures, type ResponseGroup } from './paper.ts';
import { nameWords } from './slugs.ts';
import { bonferroniZ } from './stats.ts';
import { atlasLayout } from './atlas-layout.ts';
import { buildTaxonomy, type Taxonomy, type TaxonomyOptions, type ValueNode } from './taxonomy.ts';
import type { Dataset } from './types.ts';

export function buildModel(dataset: Dataset, paper: PaperFigures, options: TaxonomyOptions = {}): Model {
  const taxonomy = buildTaxonomy(dataset, options);
  const { values } = taxonomy;
  const byName = new Map(values.map((v) => [v.name, v]));
  const wordIndex = wordsOf(values);
  const cutoff = scopeFigure(paper, 'long_tail_cutoff').value;
  const ascending = values.map((v) => v.pctConvos).sort((a, b) => a - b);

  const facts: ModelFacts = {
    taxonomy,
    paper,
    atlas: atlasLayout(taxonomy),
    categories: categoryShares(taxonomy),
    valuesPerConversation: values.reduce((sum, v) => sum + v.pctConvos, 0) / 100,
    topFiveShare: values.slice(0, 5).reduce((sum, v) => sum + v.share, 0),
    threshold: bonferroniZ(values.length),
    longTail: {
      cutoff,
      shareUnderCutoff: (100 * values.filter((v) => v.pctConvos < cutoff).length) / values.length, // the one place the cutoff is applied, with inLongTail
      paperShare: scopeFigure(paper, 'long_tail_share'),
      medianPctConvos: ascending[Math.floor(ascending.length / 2)] ?? 0,
    },
    jailbreakValues: jailbreakValues(paper, byName),
    responseGroups: Object.fromEntries(
      RESPONSE_GROUPS.map((g) => [g, paper.responseTypes.filter((r) => r.group === g).reduce((sum, r) => sum + r.pct_of_conversations, 0)]),
    ) as Record<ResponseGroup, number>,
    scope: (key) => scopeFigure(paper, key),
    value: (name) => byName.get(name),
    inLongTail: (v) => v.pctConvos < cutoff,
    family: (word) => wordIndex.get(word.toLowerCase()) ?? [],
    related: (node, limit = 20) => {
      // Each word's list is in order, so the first limit + 1 of each (one may be the node itself) hold the answer:
      // the work per page is words × limit, not the length of the lists (which grow with the data).
      const related = new Set<ValueNode>();
      for (const word of new Set(nameWords(node.name))) for (const v of (wordIndex.get(word) ?? []).slice(0, limit + 1)) if (v !== node) related.add(v);
      return [...related].sort(byRank).slice(0, limit);
    },
  };
  return { ...facts, claims: checkClaims(facts) };
}

const byRank = (a: ValueNode, b: ValueNode) => a.rank - b.rank || a.name.localeCompare(b.name);

/** Values by each word of their names, each list most frequent first. */
function wordsOf(values: ValueNode[]): Map<string, ValueNode[]> {
  const index = new Map<string, ValueNode[]>();
  for (const v of values) {
    for (const word of new Set(nameWords(v.name))) {
      const list = index.get(word);
      if (list) list.push(v);
      else index.set(word, [v]);
    }
  }
  for (const list of index.values()) list.sort(byRank);
  return index;
}

function jailbreakValues(paper: PaperFigures, byName: Map<string, ValueNode>): JailbreakValues {
  const ceiling = scopeFigure(paper, 'rare_value_ceiling').value;
  const typical = scopeFigure(paper, 'rare_value_typical').value;
  const found = paper.rareValues.map((r) => byName.get(r.value));
  const values = found.filter((v) => v !== undefined);
  const missing = paper.rareValues.filter((_, i) => !found[i]).map((r) => r.value);
  // How far each is from the typical figure, as a factor either way; "most" of the named values is more than half of them.
  const factors = values.map((v) => Math.max(v.pctConvos / typical, typical / v.pctConvos)).sort((a, b) => a - b);
  const most = Math.floor(paper.rareValues.length / 2) + 1;
  const factorForMost = missing.length === 0 && factors.length >= most ? factors[most - 1]! : Infinity;
  return {
    values,
    missing,
    ceiling,
    typical,
    allUnderCeiling: missing.length === 0 && values.every((v) => v.pctConvos < ceiling),
    factorForMost,
    mostAroundTypical: factorForMost <= AROUND_AT_MOST,
  };
}

/** The five top-level categories with their share of expressions and how many clusters and values sit under each. */
function categoryShares(taxonomy: Taxonomy): CategoryShare[] {
  const under = (category: string, level: number) => taxonomy.nodes.filter((n) => n.category === category && n.level === level).length;
  return taxonomy.categories.map((c) => ({
    category: c.name,
    href: c.href,
    share: c.share,
    level2Clusters: under(c.name, 2),
    level1Clusters: under(c.name, 1),
    values: under(c.name, 0),
  }));
}

let cached: Model | undefined;

/** The model of the data this build uses, loaded and validated on first use. */
export function siteModel(): Model {
  cached ??= buildModel(loadDataset(path.resolve(datasetDir(process.env))), loadPaperFigures(), { valuePages: valuePagesLimit(process.env) });
  return cached;
}
