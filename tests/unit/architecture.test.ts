import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers point one way: settings and helpers ← data (load → validate → model) ← charts ← components, lessons,
 * browser scripts, layouts ← pages. No module imports a later layer, none imports the tests, and no import cycle exists.
 */
const LAYERS: [string, number][] = [
  ['src/config.ts', 0],
  ['src/lib/', 0],
  ['src/data/', 1],
  ['src/site/', 1],
  ['src/charts/', 2],
  ['src/components/', 3],
  ['src/lessons/', 3],
  ['src/islands/', 3],
  ['src/layouts/', 4],
  ['src/pages/', 5],
  ['scripts/', 6],
];
const layerOf = (file: string) => LAYERS.find(([prefix]) => file.startsWith(prefix))?.[1];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(ts|astro|mdx)$/.test(d.name))
    .map((d) => path.relative('.', path.join(d.parentPath, d.name)));
}

/** Relative imports of a file (static and dynamic, including import.meta.glob patterns' folders). */
export function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const specifiers = [...code.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.filter((s) => !s.includes('*')).map((s) => path.normalize(path.join(path.dirname(file), s)));
}

const files = [...sourceFiles('src'), ...sourceFiles('scripts')];
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Every cycle in the graph, each as the list of files around it. */
export function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'visiting') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('architecture', () => {
  it('has no import cycle', () => {
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const edges = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(cycles(edges)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('imports only from its own layer or lower ones, and never from the tests', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      for (const target of imports) {
        if (target.startsWith('tests/')) wrong.push(`${file} → ${target}`);
        const [from, to] = [layerOf(file), layerOf(target)];
        if (from !== undefined && to !== undefined && to > from) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps chart infrastructure apart from charts: lib/ imports no chart module except in the registry', () => {
    const wrong = [...graph]
      .filter(([file]) => file.startsWith('src/charts/lib/') && !file.endsWith('registry.ts'))
      .flatMap(([file, imports]) => imports.filter((t) => /^src\/charts\/[^/]+\.ts$/.test(t)).map((t) => `${file} → ${t}`));
    expect(wrong).toEqual([]);
  });
});
