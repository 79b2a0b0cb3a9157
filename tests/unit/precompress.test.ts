import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress, precompressWanted } from '../../src/site/precompress.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('precompressed files', () => {
  it('writes a .br and a .gz beside every text file, each decompressing to the file, and nothing beside the others', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vitw-precompress-'));
    dirs.push(dir);
    const page = `<!doctype html><title>t</title>${'<p>A value Claude expressed. </p>'.repeat(4000)}`; // over 32 KiB: best quality
    const files: Record<string, string | Buffer> = {
      'index.html': page, 'values/a/index.html': '<p>small</p>', 'data/x.json': '{"a":1}', 'sitemap.xml': '<urlset/>',
      '_astro/site.css': 'body{}', '_astro/app.js': 'export{}', 'downloads/x.csv': 'a,b\n1,2\n', 'favicon.svg': '<svg/>',
      'downloads/x.png': Buffer.from([137, 80, 78, 71]), '_headers': '/*\n  X: y\n', '.git/HEAD': 'ref',
    };
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), body);
    }
    const result = await precompress(dir);
    const text = ['index.html', 'values/a/index.html', 'data/x.json', 'sitemap.xml', '_astro/site.css', '_astro/app.js', 'downloads/x.csv', 'favicon.svg'];
    expect(result.files).toBe(2 * text.length);
    for (const name of text) {
      const original = readFileSync(path.join(dir, name));
      expect(brotliDecompressSync(readFileSync(path.join(dir, `${name}.br`)))).toEqual(original);
      expect(gunzipSync(readFileSync(path.join(dir, `${name}.gz`)))).toEqual(original);
    }
    const br = readFileSync(path.join(dir, 'index.html.br')).length;
    const gz = readFileSync(path.join(dir, 'index.html.gz')).length;
    expect(br).toBeLessThan(gz);
    expect(readdirSync(path.join(dir, 'downloads')).sort()).toEqual(['x.csv', 'x.csv.br', 'x.csv.gz', 'x.png']);
    expect(readdirSync(dir)).not.toContain('_headers.br');
    expect(readdirSync(path.join(dir, '.git'))).toEqual(['HEAD']);
  });

  it('are on unless VITW_PRECOMPRESS says 0, off, false or no', () => {
    expect(precompressWanted({})).toBe(true);
    expect(precompressWanted({ VITW_PRECOMPRESS: '1' })).toBe(true);
    for (const off of ['0', 'off', 'false', 'No']) expect(precompressWanted({ VITW_PRECOMPRESS: off })).toBe(false);
  });
});
