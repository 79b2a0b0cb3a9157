import type { SiteData } from '../../data/site-data.ts';
import { nodePages } from '../../data/node-pages.ts';
import { DATASET_SOURCE, paperSource, svgOf, type ChartDefinition } from '../definition.ts';
import { percentAdaptive } from '../format.ts';
import { rareValuesSummary, rareValuesTable, renderRareValues, type RareValuesData } from '../rare-values.ts';
import { serverDocument } from '../server-document.ts';

export function rareValuesData(data: SiteData): RareValuesData {
  const values = data.taxonomy.nodes.filter((n) => n.level === 0);
  const all = values.map((v) => v.pctConvos!);
  const nodes = data.paper.rareValues.map((r) => values.find((v) => v.name === r.value));
  const rare = nodes
    .filter((node) => node !== undefined)
    .map((node) => ({
      value: node.name,
      pctConvos: node.pctConvos!,
      rank: node.rank!,
      rarerThan: (100 * all.filter((p) => p < node.pctConvos!).length) / all.length,
      href: nodePages(data.taxonomy).href(node.id),
    }));
  const missing = data.paper.rareValues.filter((_, i) => !nodes[i]).map((r) => String(r.value));
  return { all, rare, missing };
}

export const rareValues: ChartDefinition = {
  id: 'rare-values',
  title: 'Rare values as an early warning',
  embedHeight: 560,
  teaching: {
    shows: 'Where four values that the study traced to jailbreak attempts sit among all values: rare, but not the rarest.',
    question: 'A value that appears in 0.1% of conversations can still be thousands of conversations. How would you use such a signal without flagging innocent users?',
  },
  view(data) {
    const d = rareValuesData(data);
    const max = Math.max(0, ...d.rare.map((r) => r.pctConvos));
    return {
      takeaway: `Values such as ${d.rare.map((r) => r.value).join(', ')} appear in at most ${percentAdaptive(max)} of conversations each — rare, yet clustered in attempts to get around Claude’s safeguards.`,
      svg: svgOf(renderRareValues(d, serverDocument())),
      summary: rareValuesSummary(d),
      table: rareValuesTable(d),
      sources: [...DATASET_SOURCE, paperSource(data.paper.rareValues)],
      notes: d.missing.length ? [`Not in this dataset, so not drawn: ${d.missing.join(', ')}.`] : undefined,
    };
  },
};
