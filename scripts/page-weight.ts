import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetWeight {
  file: string;
  type: 'html' | 'css' | 'js' | 'other';
  raw: number;
  gzip: number;
}

export interface PageWeight {
  page: string;
  assets: AssetWeight[];
  total: { raw: number; gzip: number };
  byType: Record<AssetWeight['type'], { raw: number; gzip: number }>;
}

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 6 }).length;

function typeOf(file: string): AssetWeight['type'] {
  const ext = path.extname(file);
  return ext === '.html' ? 'html' : ext === '.css' ? 'css' : ext === '.js' ? 'js' : 'other';
}

/** Static imports of a built ES module (not dynamic import(), which only loads on interaction). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) found.add(match[1]!);
  return [...found];
}

/**
 * What a page costs on first load, before any interaction: its HTML, the stylesheets and module scripts it links,
 * and the modules those import statically. Counted from the built files, so the numbers are deterministic.
 */
export function pageWeight(distDir: string, page: string): PageWeight {
  const htmlFile = path.join(distDir, page.endsWith('/') ? `${page}index.html` : page);
  const html = readFileSync(htmlFile, 'utf8');
  const files = new Set<string>([htmlFile]);
  const resolve = (ref: string, from: string) => (ref.startsWith('/') ? path.join(distDir, ref) : path.resolve(path.dirname(from), ref));
  for (const match of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\srel="(?:stylesheet|modulepreload)"[^>]*\shref)="([^"]+)"/g)) {
    files.add(resolve(match[1]!, htmlFile));
  }
  for (const match of html.matchAll(/<link[^>]*\shref="([^"]+)"[^>]*\srel="(?:stylesheet|modulepreload)"/g)) files.add(resolve(match[1]!, htmlFile));
  const queue = [...files].filter((f) => f.endsWith('.js'));
  while (queue.length) {
    const file = queue.pop()!;
    for (const ref of staticImports(readFileSync(file, 'utf8'))) {
      const dep = resolve(ref, file);
      if (!files.has(dep) && existsSync(dep)) {
        files.add(dep);
        queue.push(dep);
      }
    }
  }
  const assets = [...files].map((file) => {
    const bytes = readFileSync(file);
    return { file: path.relative(distDir, file), type: typeOf(file), raw: bytes.length, gzip: gzipSize(bytes) };
  });
  const sum = (list: AssetWeight[]) => list.reduce((t, a) => ({ raw: t.raw + a.raw, gzip: t.gzip + a.gzip }), { raw: 0, gzip: 0 });
  const byType = Object.fromEntries((['html', 'css', 'js', 'other'] as const).map((t) => [t, sum(assets.filter((a) => a.type === t))])) as PageWeight['byType'];
  return { page, assets, total: sum(assets), byType };
}
