import * as Plot from '@observablehq/plot';
import { percentAdaptive } from './lib/format.ts';
import { categoryColor, shortCategory } from './lib/palette.ts';
import { SURFACES } from './lib/chart-colors.ts';
import { plotSvg } from './lib/plot-svg.ts';
import { CHART_FONT, CHART_WIDTH, MORE_LINE, moreText, rowsInRoom, UPSCALE, widthIn } from './lib/size.ts';
import { tagRows, titleCutLabels } from './lib/svg.ts';
import { embedHeightAround } from './lib/embed-height.ts';
import type { Model } from '../data/model.ts';
import { plural, pluralNoun, spacedWidth, truncateToWidth } from '../lib/text.ts';
import { defineChart, type ChartRoom, type ChartTable, type Control } from './lib/contract.ts';
import { fromDataset } from './lib/sources.ts';

export interface FamilyMember {
  value: string;
  pctConvos: number;
  category: string;
  rank: number;
  href: string;
}

/** Value families: the values whose name contains a word, e.g. "autonomy" → user autonomy, patient autonomy, … */
export interface ValueFamilyData {
  families: { word: string; members: FamilyMember[] }[];
  categories: string[];
}
export interface ValueFamilyOptions {
  family: string;
}

export const DEFAULT_FAMILY = 'autonomy';
const CANDIDATE_WORDS = ['autonomy', 'respect', 'wellbeing', 'integrity', 'safety', 'honesty', 'privacy', 'creativity', 'accuracy', 'fairness', 'dignity', 'growth'];
const MIN_MEMBERS = 8;

/** Families for the candidate words that have enough members to be worth a chart; autonomy first. */
function selectValueFamilies(model: Model): ValueFamilyData {
  const member = (v: Model['taxonomy']['values'][number]): FamilyMember => ({ value: v.name, pctConvos: v.pctConvos, category: v.category, rank: v.rank, href: v.href });
  return {
    families: CANDIDATE_WORDS.map((word) => ({ word, members: model.family(word).map(member) })).filter((f) => f.word === DEFAULT_FAMILY || f.members.length >= MIN_MEMBERS),
    categories: model.taxonomy.categories.map((c) => c.name),
  };
}

function family(data: ValueFamilyData, options: ValueFamilyOptions) {
  return data.families.find((f) => f.word === options.family) ?? data.families[0]!;
}

const MARGIN_LEFT = 140;
const drawingHeight = (members: number) => members * 21 + 56;

function renderValueFamily(data: ValueFamilyData, options: ValueFamilyOptions, document: Document, room?: ChartRoom): SVGSVGElement {
  const all = family(data, options).members;
  const members = all.slice(0, rowsInRoom(all.length, 21, drawingHeight(0), room));
  const more = all.length - members.length;
  const min = Math.min(...members.map((m) => m.pctConvos));
  const marginLeft = room ? Math.round(MARGIN_LEFT * Math.min(1.6, room.width / CHART_WIDTH)) : MARGIN_LEFT;
  const svg = plotSvg(
    {
      width: widthIn(room),
      height: drawingHeight(members.length) + (more ? MORE_LINE : 0),
      marginLeft,
      marginRight: 58,
      marginTop: 38,
      // Plot's own bottom margin (20 with no axis there) unless a line says how many are left out.
      ...(more ? { marginBottom: 20 + MORE_LINE } : {}),
      x: { type: 'log', axis: 'top', label: '% of conversations (log) →', labelAnchor: 'left', labelOffset: 32, grid: true, domain: [Math.min(0.001, min), 30], ticks: [0.001, 0.1, 10], tickFormat: (d: number) => `${d}` },
      y: { domain: members.map((m) => m.value), label: null, tickSize: 0, tickFormat: (v: string) => truncateToWidth(v, marginLeft - 12, CHART_FONT, spacedWidth) },
      marks: [
        Plot.text(more ? [moreText(more)] : [], { frameAnchor: 'bottom-left', dx: -marginLeft + 4, dy: MORE_LINE - 4, text: (d) => d, textAnchor: 'start', fill: 'currentColor' }),
        Plot.ruleY(members, { y: 'value', x1: Math.min(0.001, min), x2: 'pctConvos', stroke: SURFACES.stem.light }),
        Plot.dot(members, {
          x: 'pctConvos',
          y: 'value',
          r: 4.5,
          fill: (d) => categoryColor(d.category),
          title: (d) => `${d.value}: ${percentAdaptive(d.pctConvos)} of conversations, #${d.rank} of all values (${shortCategory(d.category)})`,
        }),
        Plot.text(members, { x: 'pctConvos', y: 'value', text: (d) => percentAdaptive(d.pctConvos), dx: 8, textAnchor: 'start', fill: 'currentColor' }),
      ],
    },
    document,
  );
  tagRows(svg, 'g[aria-label="dot"] circle');
  titleCutLabels(svg, members.map((m) => m.value));
  return svg;
}

function valueFamilyTable(data: ValueFamilyData, options: ValueFamilyOptions): ChartTable {
  return {
    columns: [
      { key: 'value', label: 'Value', linkKey: 'href' },
      { key: 'pctConvos', label: '% of conversations', format: 'percent' },
      { key: 'rank', label: 'Rank among all values', format: 'integer' },
      { key: 'category', label: 'Top category' },
    ],
    rows: family(data, options).members.map((m) => ({ ...m })),
  };
}

function valueFamilySummary(data: ValueFamilyData, options: ValueFamilyOptions): string {
  const { word, members } = family(data, options);
  const categories = new Set(members.map((m) => shortCategory(m.category)));
  const [first, second] = members;
  return `Dot chart of the ${plural(members.length, 'value')} whose name contains “${word}”, by % of conversations on a log scale. They fall in ${plural(categories.size, 'category', 'categories')} (${[...categories].join(', ')}). The most frequent are ${first?.value} (${percentAdaptive(first?.pctConvos ?? 0)})${second ? ` and ${second.value} (${percentAdaptive(second.pctConvos)})` : ''}; the rarest, ${members.at(-1)?.value}, appears in ${percentAdaptive(members.at(-1)?.pctConvos ?? 0)}.`;
}

function valueFamilyControls(data: ValueFamilyData, options: ValueFamilyOptions): Control[] {
  return [
    {
      kind: 'select',
      name: 'family',
      label: 'Values containing',
      value: options.family,
      options: data.families.map((f) => ({ value: f.word, label: `“${f.word}” (${f.members.length})` })),
    },
  ];
}

function valueFamilyTakeaway(data: ValueFamilyData): string {
  const { members } = family(data, { family: DEFAULT_FAMILY });
  if (!members.length) return `No value in this dataset contains the word “${DEFAULT_FAMILY}”.`;
  const categories = new Set(members.map((m) => m.category));
  const spread = categories.size === 1 ? `, all of them ${[...categories][0]!.toLowerCase()},` : `, spread over ${categories.size} categories,`;
  return `${plural(members.length, 'different value')} ${pluralNoun(members.length, 'contains', 'contain')} the word “${DEFAULT_FAMILY}”${spread} from ${members[0]!.value} (${percentAdaptive(members[0]!.pctConvos)} of conversations) to ${members.at(-1)!.value} (${percentAdaptive(members.at(-1)!.pctConvos)}).`;
}

export default defineChart<ValueFamilyData, ValueFamilyOptions>({
  id: 'value-family',
  title: 'One idea, many contexts',
  embedHeight: (data, options) => embedHeightAround({ narrow: 552, wide: 336 }, { width: CHART_WIDTH * UPSCALE, height: drawingHeight(family(data, options).members.length) * UPSCALE }),
  measure:
    '% of conversations (log scale): the share of subjective conversations in which Claude expressed each value whose name holds the word.',
  teaching: {
    shows: 'All the values whose names share one word, such as “autonomy”: the same idea, split by the context in which Claude expressed it.',
    question: 'Why might “user autonomy” be so much more common than “patient autonomy”? What does that say about what people ask Claude for?',
  },
  select: selectValueFamilies,
  options: {
    defaults: () => ({ family: DEFAULT_FAMILY }),
    parse: (input, data) => ({ family: data.families.some((f) => f.word === input.family) ? input.family! : DEFAULT_FAMILY }),
    query: (options) => (options.family === DEFAULT_FAMILY ? '' : new URLSearchParams({ family: options.family }).toString()),
    controls: valueFamilyControls,
  },
  render: renderValueFamily,
  summary: valueFamilySummary,
  table: valueFamilyTable,
  takeaway: valueFamilyTakeaway,
  provenance: () => fromDataset(),
  legend: (data) => data.categories,
});
