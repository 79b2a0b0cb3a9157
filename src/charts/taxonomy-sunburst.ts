import { defineChart } from './lib/contract.ts';
import { integer, percent } from './lib/format.ts';
import { fromDataset } from './lib/sources.ts';
import { childrenOf, levelName, renderSunburst, roomShape, sunburstSummary, sunburstTable, type SunburstLayout } from './lib/sunburst.ts';
import { sunburstLayout } from './lib/sunburst-layout.ts';

/** The categories (depth 1) of a layout, largest first. */
const categoryNodes = (layout: SunburstLayout) => childrenOf(layout)[0]!;

/** The whole taxonomy as zoomable rings. The browser zooms with lib/sunburst.ts (islands/sunburst-island.ts). */
export default defineChart<SunburstLayout>({
  id: 'taxonomy-sunburst',
  title: 'The taxonomy of Claude’s values',
  embedHeight: { narrow: 960, wide: 1030 },
  measure:
    'Each arc is as wide as its share of all value expressions (a value counts once per conversation); a cluster sums its values.',
  teaching: {
    shows: 'The whole four-level taxonomy at once: every arc is a category, cluster or value, as wide as its share of all value expressions.',
    question: 'Zoom into the smallest category. Which of its clusters would you have expected to be larger, and why might it be small in a chat assistant’s conversations?',
  },
  select: (model) => sunburstLayout(model.taxonomy),
  render: (layout, _options, document, room) => renderSunburst(layout, 0, document, childrenOf(layout), room ? roomShape(room) : undefined),
  summary: (layout) => sunburstSummary(layout, 0),
  table: (layout) => sunburstTable(layout, 0),
  takeaway: (layout) => {
    const categories = categoryNodes(layout);
    const first = categories[0] ?? 0;
    return `${categories.length === 5 ? 'Five' : integer(categories.length)} categories hold all ${integer(layout.valueCount[0]!)} values; ${layout.name[first]} alone account for ${percent(layout.share[first]!)} of all value expressions.`;
  },
  provenance: () => fromDataset(),
  reportRows: (table) => ({
    rows: table.rows.flatMap((row, i) => (row.level === levelName(3) || row.level === levelName(2) ? [i] : [])),
    which: 'the categories and level-2 clusters, the two inner rings',
  }),
  legend: (layout) => categoryNodes(layout).map((i) => layout.name[i]!),
  interaction: {
    island: 'sunburst',
    loadsData: true,
    zoomPath: true,
    hint: 'Click an arc to zoom in, or reach the chart with Tab and walk its rings as a tree: Down and Up move from arc to arc, Right opens a part, Left goes back to the whole, Enter zooms in; Escape or the centre zooms out.',
  },
});
