import type { SiteData } from '../../data/site-data.ts';
import { categoryShares, topValues } from '../../data/derive.ts';
import { categorySharesSummary, categorySharesTable, renderCategoryShares } from '../category-shares.ts';
import { DATASET_SOURCE, svgOf, type ChartDefinition } from '../definition.ts';
import { integer, percent, percentAdaptive } from '../format.ts';
import { longTailSummary, longTailTable, renderLongTail, type LongTailData } from '../long-tail.ts';
import { shortCategory } from '../palette.ts';
import { serverDocument } from '../server-document.ts';
import { renderSunburst, sunburstSummary, sunburstTable } from '../sunburst.ts';
import { sunburstLayout } from '../sunburst-layout.ts';
import { TOP_VALUES_DEFAULTS, TOP_VALUES_LIMITS, renderTopValues, topValuesControls, topValuesSummary, topValuesTable, type TopValuesData } from '../top-values.ts';
import { DEFAULT_FAMILY, renderValueFamily, valueFamilies, valueFamilyControls, valueFamilySummary, valueFamilyTable, type ValueFamilyData } from '../value-family.ts';
import { scopeFigure } from '../../data/paper.ts';
import { nodePages } from '../../data/node-pages.ts';

const categoryNames = (data: SiteData) => data.taxonomy.categories.map((c) => c.name);
const values = (data: SiteData) => data.taxonomy.nodes.filter((n) => n.level === 0).sort((a, b) => a.rank! - b.rank! || a.name.localeCompare(b.name));

export const sunburst: ChartDefinition = {
  id: 'taxonomy-sunburst',
  title: 'The taxonomy of Claude’s values',
  embedHeight: 980,
  teaching: {
    shows: 'The whole four-level taxonomy at once: every arc is a category, cluster or value, as wide as its share of all value expressions.',
    question: 'Zoom into the smallest category. Which of its clusters would you have expected to be larger, and why might it be small in a chat assistant’s conversations?',
  },
  view(data) {
    const layout = sunburstLayout(data.taxonomy);
    const [first] = data.taxonomy.categories;
    return {
      takeaway: `Five categories hold all ${integer(values(data).length)} values; ${first?.name} alone account for ${percent(first?.share ?? 0)} of what Claude expressed.`,
      svg: svgOf(renderSunburst(layout, 0, serverDocument())),
      summary: sunburstSummary(layout, 0),
      table: sunburstTable(layout, 0),
      sources: DATASET_SOURCE,
      island: 'sunburst',
      dataUrl: `/data/${this.id}.json`,
      legend: categoryNames(data),
    };
  },
  clientData: (data) => sunburstLayout(data.taxonomy),
};

export const categoryChart: ChartDefinition = {
  id: 'category-shares',
  title: 'Five kinds of value',
  embedHeight: 560,
  teaching: {
    shows: 'How the values Claude expressed divide among the five top-level categories, with the number of clusters and values under each.',
    question: 'Social values have more distinct values than epistemic ones but a smaller share. What does that tell you about how often each social value appears?',
  },
  view(data) {
    const rows = categoryShares(data.taxonomy);
    const [a, b] = rows;
    return {
      takeaway: `${shortCategory(a?.category ?? '')} and ${shortCategory(b?.category ?? '').toLowerCase()} values together make up ${percent((a?.share ?? 0) + (b?.share ?? 0))} of all value expressions.`,
      svg: svgOf(renderCategoryShares(rows, serverDocument())),
      summary: categorySharesSummary(rows),
      table: categorySharesTable(rows),
      sources: DATASET_SOURCE,
    };
  },
};

/** The rows a reader can reach with the controls: top 100 overall plus the top 100 of each category. */
function topValuesData(data: SiteData): TopValuesData {
  const byValue = new Map(topValues(data.taxonomy, TOP_VALUES_LIMITS.max).map((v) => [v.value, v]));
  for (const c of data.taxonomy.categories) {
    for (const v of topValues(data.taxonomy, TOP_VALUES_LIMITS.max, c.name)) byValue.set(v.value, v);
  }
  return [...byValue.values()].sort((x, y) => x.rank - y.rank);
}

export const topValuesChart: ChartDefinition = {
  id: 'top-values',
  title: 'The values Claude expresses most',
  embedHeight: 900,
  teaching: {
    shows: 'The most frequent individual values, by the share of conversations in which Claude expressed them; readers can change how many and filter by category.',
    question: 'Most of the top values describe doing a job well rather than ethics. Why might that be, given what people use an assistant for?',
  },
  view(data) {
    const rows = topValuesData(data);
    const [first, second] = rows;
    return {
      takeaway: `A handful of service values dominate: ${first?.value} appears in ${percent(first?.pctConvos ?? 0)} of conversations and ${second?.value} in ${percent(second?.pctConvos ?? 0)}.`,
      svg: svgOf(renderTopValues(rows, TOP_VALUES_DEFAULTS, serverDocument())),
      summary: topValuesSummary(rows, TOP_VALUES_DEFAULTS),
      table: topValuesTable(rows, TOP_VALUES_DEFAULTS),
      sources: DATASET_SOURCE,
      island: 'controls',
      controls: topValuesControls(categoryNames(data)),
      dataUrl: `/data/${this.id}.json`,
      legend: categoryNames(data),
    };
  },
  clientData: topValuesData,
};

export function longTailData(data: SiteData): LongTailData {
  const all = values(data);
  const cutoff = scopeFigure(data.paper, 'long_tail_cutoff').value as number;
  // Keep the first and last rank of every distinct frequency: the drawn curve is exact with far fewer points.
  const curve = all.filter((v, i) => i === 0 || i === all.length - 1 || v.pctConvos !== all[i - 1]!.pctConvos || v.pctConvos !== all[i + 1]!.pctConvos);
  return {
    curve: curve.map((v) => ({ rank: all.indexOf(v) + 1, pctConvos: v.pctConvos! })),
    top: all.slice(0, 5).map((v) => ({ rank: v.rank!, value: v.name, pctConvos: v.pctConvos!, category: v.category, href: nodePages(data.taxonomy).href(v.id) })),
    cutoff,
    shareBelowCutoff: (100 * all.filter((v) => v.pctConvos! < cutoff).length) / all.length,
    valueCount: all.length,
  };
}

export const longTail: ChartDefinition = {
  id: 'long-tail',
  title: 'A few common values, a very long tail',
  embedHeight: 560,
  teaching: {
    shows: 'Every one of the values ranked from most to least frequent, on a logarithmic scale, with the rare majority shaded.',
    question: 'If most values are rare, what would a study of only one week of conversations miss? How might you check whether a rare value is real or noise?',
  },
  view(data) {
    const d = longTailData(data);
    return {
      takeaway: `The top five values each appear in more than ${Math.floor(d.top[4]!.pctConvos)}% of conversations, while ${percent(d.shareBelowCutoff)} of all values appear in fewer than ${d.cutoff}%.`,
      svg: svgOf(renderLongTail(d, serverDocument())),
      summary: longTailSummary(d),
      table: longTailTable(d),
      sources: DATASET_SOURCE,
      legend: categoryNames(data),
    };
  },
};

export function valueFamilyData(data: SiteData): ValueFamilyData {
  const pages = nodePages(data.taxonomy);
  return valueFamilies(values(data).map((v) => ({ value: v.name, pctConvos: v.pctConvos!, category: v.category, rank: v.rank!, href: pages.href(v.id) })));
}

export const valueFamily: ChartDefinition = {
  id: 'value-family',
  title: 'One idea, many contexts',
  embedHeight: 820,
  teaching: {
    shows: 'All the values whose names share one word, such as “autonomy”: the same idea, split by the context in which Claude expressed it.',
    question: 'Why might “user autonomy” be so much more common than “patient autonomy”? What does that say about what people ask Claude for?',
  },
  view(data) {
    const families = valueFamilyData(data);
    const options = { family: DEFAULT_FAMILY };
    const members = families.find((f) => f.word === DEFAULT_FAMILY)!.members;
    const categories = new Set(members.map((m) => m.category));
    return {
      takeaway: members.length
        ? `${members.length} different values contain the word “${DEFAULT_FAMILY}”${categories.size === 1 ? `, all of them ${[...categories][0]!.toLowerCase()},` : `, spread over ${categories.size} categories,`} from ${members[0]!.value} (${percentAdaptive(members[0]!.pctConvos)} of conversations) to ${members.at(-1)!.value} (${percentAdaptive(members.at(-1)!.pctConvos)}).`
        : `No value in this dataset contains the word “${DEFAULT_FAMILY}”.`,
      svg: svgOf(renderValueFamily(families, options, serverDocument())),
      summary: valueFamilySummary(families, options),
      table: valueFamilyTable(families, options),
      sources: DATASET_SOURCE,
      island: 'controls',
      controls: valueFamilyControls(families),
      dataUrl: `/data/${this.id}.json`,
      legend: categoryNames(data),
    };
  },
  clientData: valueFamilyData,
};
