import { describe, expect, it, vi } from 'vitest';
import { clusterMembers, clusterMembersOf, clusterMembersTitle, valueMembersView, valuePageOrder } from '../../src/charts/cluster-members.ts';
import { drawingView } from '../../src/charts/lib/view.ts';
import { loadDataset, loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import { realDatasetDir } from './dataset-dir.ts';

const model = buildModel(loadDataset(realDatasetDir), loadPaperFigures());
const { taxonomy } = model;

describe("a cluster's members chart, drawn once and reused by its value pages", () => {
  // The largest level-1 cluster (values beyond the 25 drawn included) and the smallest.
  const clusters = taxonomy.nodes.filter((n) => n.level === 1).sort((a, b) => b.childIds.length - a.childIds.length);
  const sample = [clusters[0]!, clusters.at(-1)!];

  it('gives every value page exactly what drawing it anew gives', () => {
    expect(clusters[0]!.childIds.length).toBeGreaterThan(25);
    for (const cluster of sample) {
      for (const id of cluster.childIds) {
        const value = taxonomy.byId.get(id)!;
        const data = clusterMembersOf(model, cluster, value);
        const fresh = drawingView(clusterMembers, data, { id: 'members', title: clusterMembersTitle(data, 'Values') });
        expect(valueMembersView(model, cluster, value), value.name).toEqual(fresh);
      }
    }
  }, 60_000);

  it('draws each cluster once for the values among its largest, not once per page', () => {
    const cluster = clusters[0]!;
    const values = cluster.childIds.slice(0, 20).map((id) => taxonomy.byId.get(id)!);
    // Another cluster's page first, so that this cluster is not already held from an earlier test.
    valueMembersView(model, clusters[1]!, taxonomy.byId.get(clusters[1]!.childIds[0]!)!);
    const render = vi.spyOn(clusterMembers, 'render');
    try {
      for (const value of values) valueMembersView(model, cluster, value);
      expect(render).toHaveBeenCalledTimes(1);
    } finally {
      render.mockRestore();
    }
  });

  it('lists the value pages cluster by cluster, so that one drawing at a time is kept', () => {
    const ordered = valuePageOrder(taxonomy.values);
    expect(ordered).toHaveLength(taxonomy.values.length);
    const runs = ordered.filter((v, i) => i === 0 || v.parentId !== ordered[i - 1]!.parentId).length;
    expect(runs).toBe(new Set(taxonomy.values.map((v) => v.parentId)).size);
  });
});
