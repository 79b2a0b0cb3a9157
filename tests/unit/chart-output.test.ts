import { describe, expect, it } from 'vitest';
import { clusterMembers, clusterMembersOf, clusterMembersTitle } from '../../src/charts/cluster-members.ts';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { chartView, drawingView, type ChartView } from '../../src/charts/lib/view.ts';
import { validateDataset } from '../../src/data/validate.ts';
import { loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import { HOSTILE_NAME, syntheticDataset } from '../fixtures/synthetic-dataset.ts';

/**
 * Expected output, the way Observable Plot keeps test/output/*.svg: every chart drawn from one small fixed fixture
 * (the synthetic dataset and the committed paper tables) must equal the file kept in tests/output/charts. A change to a
 * chart's code shows up here as a diff; after checking the new drawing by eye, update with `npx vitest run -u`.
 */
const NAMES = ['helpfulness', 'professionalism', 'transparency', 'clarity', 'thoroughness', 'user autonomy', 'patient autonomy', 'learner autonomy',
  'sexual exploitation', 'dominance', 'amorality', 'epistemic humility', 'filial piety', HOSTILE_NAME];
const fixture = syntheticDataset({ names: NAMES });
const { dataset } = validateDataset(fixture.tree, fixture.frequencies);
const model = buildModel(dataset!, loadPaperFigures());

/** One chart's whole output: the SVG, then its text parts, so a change to any of them is caught. */
function expected(view: ChartView): string {
  const text = [
    `title: ${view.title}`,
    `takeaway: ${view.takeaway}`,
    `summary: ${view.summary}`,
    `marker: ${view.marker.label} | ${view.marker.detail}`,
    `sources: ${view.sources.map((s) => `${s.text} <${s.href}>`).join(' · ')}`,
    ...view.caveats.map((c) => `caveat: ${c}`),
    ...view.notes.map((n) => `note: ${n}`),
    `table: ${view.table.columns.map((c) => c.key).join(',')} × ${view.table.rows.length} rows`,
  ];
  return `${view.svg.replace(/></g, '>\n<')}\n<!--\n${text.join('\n').replace(/--/g, '- -')}\n-->\n`;
}

describe('every chart draws what it drew before (tests/output/charts)', () => {
  for (const chart of CHARTS) {
    it(chart.id, async () => {
      await expect(expected(chartView(chart, model))).toMatchFileSnapshot(`../output/charts/${chart.id}.svg`);
    });
  }

  it('cluster-members', async () => {
    const value = model.value('user autonomy')!;
    const cluster = model.taxonomy.byId.get(value.parentId!)!;
    const data = clusterMembersOf(model, cluster, value);
    const view = drawingView(clusterMembers, data, { id: 'members', title: clusterMembersTitle(data, 'Values') });
    await expect(expected(view)).toMatchFileSnapshot('../output/charts/cluster-members.svg');
  });
});
