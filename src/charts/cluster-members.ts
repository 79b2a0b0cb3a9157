import { percentAdaptive } from './lib/format.ts';
import { plural } from '../lib/text.ts';
import { categoryColor } from './lib/palette.ts';
import { MARKS } from './lib/chart-colors.ts';
import { renderLabelledBars } from './lib/labelled-bars.ts';
import type { TaxonomyNode } from '../data/taxonomy.ts';
import type { Model } from '../data/model.ts';
import { defineDrawing, type ChartTable } from './lib/contract.ts';
import { fromDataset } from './lib/sources.ts';
import { drawingView, type ChartView } from './lib/view.ts';

/** The members of a cluster (its values, or its sub-clusters) with one of them, perhaps, highlighted. */
export interface ClusterMembers {
  cluster: string;
  category: string;
  /** 'pctConvos' for values (% of conversations), 'share' for clusters (share of expressions). */
  measure: 'pctConvos' | 'share';
  members: { name: string; value: number; href: string; highlight: boolean }[];
  /** Members not drawn (the chart shows the largest ones). */
  more: number;
}

const OTHER = MARKS.other.light;
const MAX_DRAWN = 25;

/**
 * The members a node's page charts: for a value, its level-1 cluster's values with it highlighted; for a cluster,
 * its children. At most 25 are drawn (the largest, plus the highlighted value if it is further down).
 */
export function clusterMembersOf(model: Model, cluster: TaxonomyNode, highlight?: TaxonomyNode): ClusterMembers {
  const measure = cluster.level === 1 ? 'pctConvos' : 'share';
  const value = (n: TaxonomyNode) => (measure === 'pctConvos' ? n.pctConvos! : n.share);
  const children = cluster.childIds.map((id) => model.taxonomy.byId.get(id)!);
  const sorted = [...children].sort((a, b) => value(b) - value(a) || a.name.localeCompare(b.name));
  let drawn = sorted.slice(0, MAX_DRAWN);
  if (highlight && !drawn.includes(highlight)) drawn = [...sorted.slice(0, MAX_DRAWN - 1), highlight];
  return {
    cluster: cluster.name,
    category: cluster.category,
    measure,
    members: drawn.map((n) => ({ name: n.name, value: value(n), href: n.href, highlight: n === highlight })),
    more: children.length - drawn.length,
  };
}

/** The chart's title: which members it draws, saying so when a highlighted value is not among the largest. */
export function clusterMembersTitle(data: ClusterMembers, kind: string): string {
  const highlighted = data.members.find((m) => m.highlight);
  const drawn = data.members.length;
  if (!data.more) return `${kind} in “${data.cluster}”`;
  const largest = highlighted && data.members.at(-1) === highlighted && drawn > 1 ? `the largest ${drawn - 1}, and ${highlighted.name}` : `the largest ${drawn}`;
  return `${kind} in “${data.cluster}”: ${largest} of ${drawn + data.more}`;
}

function renderClusterMembers(data: ClusterMembers, _options: unknown, document: Document): SVGSVGElement {
  return renderLabelledBars(
    data.members.map((m) => ({ label: m.name, pct: m.value, color: m.highlight ? categoryColor(data.category) : OTHER })),
    document,
    data.measure === 'pctConvos' ? '% of conversations →' : 'Share of all value expressions (%) →',
    { labelsAbove: true, format: percentAdaptive },
  );
}

function clusterMembersTable(data: ClusterMembers): ChartTable {
  return {
    columns: [
      { key: 'name', label: data.measure === 'pctConvos' ? 'Value' : 'Cluster', linkKey: 'href' },
      { key: 'value', label: data.measure === 'pctConvos' ? '% of conversations' : 'Share of expressions (%)', format: 'percent' },
    ],
    rows: data.members.map((m) => ({ name: m.name, value: m.value, href: m.href })),
  };
}

function clusterMembersSummary(data: ClusterMembers): string {
  const highlighted = data.members.find((m) => m.highlight);
  const measure = data.measure === 'pctConvos' ? 'of conversations' : 'of value expressions';
  const list = data.members.slice(0, 5).map((m) => `${m.name} ${percentAdaptive(m.value)}`).join(', ');
  return `Bar chart of ${plural(data.members.length, 'member')} of ${data.cluster}${data.more ? ` (the largest; ${data.more} more not drawn)` : ''}, by share ${measure}: ${list}${data.members.length > 5 ? ', …' : ''}.${highlighted ? ` Highlighted: ${highlighted.name}, ${percentAdaptive(highlighted.value)}.` : ''}`;
}

/** Drawn on every value's and cluster's page (not in the report, so it has no id or embed of its own). */
export const clusterMembers = defineDrawing<ClusterMembers>({
  title: 'Members of a cluster',
  render: renderClusterMembers,
  summary: clusterMembersSummary,
  table: clusterMembersTable,
  takeaway: (d) => clusterMembersSummary(d),
  provenance: () => fromDataset(),
});

/**
 * The last cluster's drawings of its members with none highlighted, by the members drawn. One cluster at a time, so
 * memory stays flat however many clusters there are: the value pages are listed cluster by cluster (valuePageOrder).
 */
let plainViews = { cluster: '', views: new Map<string, ChartView>() };

/** The value pages in the order that lets each cluster's drawing be reused: cluster by cluster, most frequent first. */
export function valuePageOrder<V extends { parentId: string | null; rank: number }>(values: V[]): V[] {
  return [...values].sort((a, b) => (a.parentId! < b.parentId! ? -1 : a.parentId! > b.parentId! ? 1 : a.rank - b.rank));
}

/**
 * The members chart for a value's page, drawn once per cluster and reused: every value page of a cluster shows the
 * same bars, only the highlighted one's colour differs, so the cluster's drawing (with no bar highlighted) is kept and
 * each page recolours its own bar. The result is the same markup as drawing it anew (tests/unit/cluster-members.test.ts);
 * where the bar cannot be found, it is drawn anew.
 */
export function valueMembersView(model: Model, cluster: TaxonomyNode, value: TaxonomyNode): ChartView {
  const data = clusterMembersOf(model, cluster, value);
  const about = { id: 'members', title: clusterMembersTitle(data, 'Values') };
  const row = data.members.findIndex((m) => m.highlight);
  if (row < 0) return drawingView(clusterMembers, data, about);
  const plain: ClusterMembers = { ...data, members: data.members.map((m) => ({ ...m, highlight: false })) };
  if (plainViews.cluster !== cluster.id) plainViews = { cluster: cluster.id, views: new Map() };
  const key = plain.members.map((m) => m.href).join('\n');
  let base = plainViews.views.get(key);
  if (!base) {
    base = drawingView(clusterMembers, plain, about);
    plainViews.views.set(key, base);
  }
  const bar = `<rect data-row="${row}" fill="${OTHER}"`;
  const paint = (svg: string) => (svg.split(bar).length === 2 ? svg.replace(bar, `<rect data-row="${row}" fill="${categoryColor(data.category)}"`) : undefined);
  const svg = paint(base.svg);
  const pageSvg = paint(base.pageSvg);
  if (!svg || !pageSvg) return drawingView(clusterMembers, data, about);
  return {
    ...base,
    title: about.title,
    svg,
    pageSvg,
    takeaway: clusterMembers.takeaway(data),
    summary: clusterMembers.summary(data, {}),
    table: clusterMembers.table(data, {}),
  };
}
