import path from 'node:path';
import { pageWeight } from '../scripts/page-weight.ts';
for (const dist of process.argv.slice(2)) {
  const w = pageWeight(path.resolve(dist), '/embed/taxonomy-sunburst/');
  console.log(dist, w.total.gzip, JSON.stringify(Object.fromEntries(Object.entries(w.byType).map(([k, v]) => [k, (v as any).gzip]))));
}
