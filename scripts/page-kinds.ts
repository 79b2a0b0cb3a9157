import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** One page of each kind the site builds, for checks and measurements that run over every kind. */
export const PAGE_KINDS: Record<string, string> = {
  report: '/',
  'embed (sunburst)': '/embed/taxonomy-sunburst/',
  'embed (top values)': '/embed/top-values/',
  'embed (atlas)': '/embed/values-atlas/',
  gallery: '/charts/',
  'chart page': '/charts/top-values/',
  handout: '/charts/top-values/handout/',
  'teacher’s page': '/charts/context-heatmap/teach/',
  data: '/data/',
};

/** PAGE_KINDS plus one page of each kind that only some builds have (search, value and cluster pages). */
export function pageKindsIn(distDir: string): Record<string, string> {
  const kinds = { ...PAGE_KINDS };
  const firstPage = (dir: string) => {
    const full = path.join(distDir, dir);
    if (!existsSync(full)) return undefined;
    const sub = readdirSync(full, { withFileTypes: true }).find((d) => d.isDirectory() && existsSync(path.join(full, d.name, 'index.html')));
    return sub ? `/${dir}/${sub.name}/` : undefined;
  };
  if (existsSync(path.join(distDir, 'values/index.html'))) kinds.search = '/values/';
  const value = firstPage('values');
  if (value) kinds.value = value;
  const cluster = firstPage('clusters');
  if (cluster) kinds.cluster = cluster;
  return kinds;
}
