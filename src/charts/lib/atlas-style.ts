/**
 * How the values atlas tints its clusters, drawn in the build's picture (values-atlas.ts) and on the page's canvas
 * (islands/atlas-island.ts) alike: each level's circle is its category's colour at this opacity over what holds it, so
 * that a cluster deepens with each level inside a category.
 */
export const CLUSTER_TINTS: readonly (readonly [level: number, opacity: number])[] = [
  [3, 0.08],
  [2, 0.1],
  [1, 0.14],
];
