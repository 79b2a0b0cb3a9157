import { percentAdaptive } from './format.ts';
import { categoryColor } from './palette.ts';
import { renderLabelledBars } from './simple-bars.ts';
import type { ChartTable } from './types.ts';

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

const OTHER = '#9a9a9a';

export function renderClusterMembers(data: ClusterMembers, document: Document): SVGSVGElement {
  return renderLabelledBars(
    data.members.map((m) => ({ label: m.name, pct: m.value, color: m.highlight ? categoryColor(data.category) : OTHER })),
    document,
    data.measure === 'pctConvos' ? '% of conversations →' : 'Share of all value expressions (%) →',
    { marginLeft: 190, format: percentAdaptive },
  );
}

export function clusterMembersTable(data: ClusterMembers): ChartTable {
  return {
    columns: [
      { key: 'name', label: data.measure === 'pctConvos' ? 'Value' : 'Cluster', linkKey: 'href' },
      { key: 'value', label: data.measure === 'pctConvos' ? '% of conversations' : 'Share of expressions (%)', format: 'percent' },
    ],
    rows: data.members.map((m) => ({ name: m.name, value: m.value, href: m.href })),
  };
}

export function clusterMembersSummary(data: ClusterMembers): string {
  const highlighted = data.members.find((m) => m.highlight);
  const measure = data.measure === 'pctConvos' ? 'of conversations' : 'of value expressions';
  const list = data.members.slice(0, 5).map((m) => `${m.name} ${percentAdaptive(m.value)}`).join(', ');
  return `Bar chart of ${data.members.length} members of ${data.cluster}${data.more ? ` (the largest; ${data.more} more not drawn)` : ''}, by share ${measure}: ${list}${data.members.length > 5 ? ', …' : ''}.${highlighted ? ` Highlighted: ${highlighted.name}, ${percentAdaptive(highlighted.value)}.` : ''}`;
}
