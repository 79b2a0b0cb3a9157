import { categoryShares, rankedValues, topValues } from './derive.ts';
import { checkClaims } from './claims.ts';
import { provenance, scopeFigure } from './paper.ts';
import { siteData, type SiteData } from './site-data.ts';
import { bonferroniZ } from './stats.ts';

/** Every figure the report's prose quotes, computed from the data (or read from data/paper) so text cannot drift. */
export function reportFacts(data: SiteData = siteData()) {
  const values = data.taxonomy.nodes.filter((n) => n.level === 0);
  const count = (level: number) => data.taxonomy.nodes.filter((n) => n.level === level).length;
  const totalPctConvos = rankedValues(data.dataset).rollup({ total: 'd => op.sum(d.pct_convos)' }).get('total', 0) as number;
  const scope = (key: string) => {
    const row = scopeFigure(data.paper, key);
    return { value: row.value as number, source: provenance(row) };
  };
  const responses = data.paper.responseTypes;
  const responseShare = (group: string) => responses.filter((r) => r.group === group).reduce((s, r) => s + (r.pct_of_conversations as number), 0);
  const responseRow = (type: string) => responses.find((r) => r.response_type === type)!;
  const named = (name: string) => values.find((v) => v.name === name);
  const autonomy = values.filter((v) => /\bautonomy\b/.test(v.name));
  const cutoff = scope('long_tail_cutoff').value;
  return {
    valueCount: values.length,
    level1Count: count(1),
    level2Count: count(2),
    categoryCount: count(3),
    nodeCount: data.taxonomy.nodes.length,
    /** Sum of every value's % of conversations ÷ 100: value expressions per conversation. */
    valuesPerConversation: totalPctConvos / 100,
    categories: categoryShares(data.taxonomy),
    top5: topValues(data.taxonomy, 5),
    shareUnderCutoff: (100 * values.filter((v) => v.pctConvos! < cutoff).length) / values.length,
    cutoff,
    medianPctConvos: [...values].sort((a, b) => a.pctConvos! - b.pctConvos!)[Math.floor(values.length / 2)]!.pctConvos!,
    threshold: bonferroniZ(values.length),
    autonomyCount: autonomy.length,
    named,
    scope,
    responseShare,
    responseRow,
    claims: checkClaims(data),
    humanTop: data.paper.humanValues[0]!,
  };
}
