/**
 * The short key of a taxonomy node, used in URL hashes (the sunburst's focus) and embed options: a value by its name,
 * a cluster by its level and the first 8 digits of its UUID ("l2:0167e96f"). Lives with the data because validation
 * checks that no two nodes share one (src/data/validate.ts), so the charts can rely on it.
 */
export function nodeKey(node: { level: number; id: string; name: string }): string {
  if (node.level === 0) return node.name;
  const uuid = node.id.split(':').pop() ?? node.id;
  return `l${node.level}:${uuid.slice(0, 8)}`;
}
