import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipPack } from '../../src/lessons/lib/pack-zip.ts';

/**
 * A build for publishing (SITE_URL set) names that address, and only that one, in every file it writes: pages, JSON,
 * CSV, XML, the course packs and every file inside them, and any text a PNG carries. The site is built here a second
 * time, into a folder of its own, exactly as a deployment would build it.
 */
const SITE = 'https://vitw.example.org';
const LOCAL = /localhost|127\.0\.0\.1/;

let root: string;
let out: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vitw-public-'));
  out = path.join(root, 'dist');
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const build = spawnSync(process.execPath, [astro, 'build', '--outDir', out], {
    env: { ...process.env, SITE_URL: SITE, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) throw new Error(`The build with SITE_URL failed:\n${build.stderr.slice(-4000)}`);
}, 300_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The text chunks of a PNG (tEXt, zTXt, iTXt), keyword and text, decompressed where they are compressed. */
function pngTexts(png: Uint8Array): string[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const latin1 = new TextDecoder('latin1');
  const texts: string[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    const type = latin1.decode(png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    const keywordEnd = data.indexOf(0);
    if (type === 'tEXt') texts.push(latin1.decode(data));
    if (type === 'zTXt') texts.push(latin1.decode(data.subarray(0, keywordEnd)) + new TextDecoder().decode(inflateSync(data.subarray(keywordEnd + 2))));
    if (type === 'iTXt') {
      const compressed = data[keywordEnd + 1] === 1;
      let textAt = keywordEnd + 3;
      for (let nul = 0; nul < 2; textAt++) if (data[textAt] === 0) nul++;
      const body = data.subarray(textAt);
      texts.push(new TextDecoder().decode(compressed ? inflateSync(body) : body));
    }
    at += 12 + length;
  }
  return texts;
}

/** Every piece of text a file holds, named by where it is: a zip's entries one by one, a PNG's text chunks, else the file. */
function textsOf(name: string, bytes: Uint8Array): [string, string][] {
  if (/\.(imscc|zip)$/.test(name)) return [...unzipPack(bytes)].flatMap(([entry, data]) => textsOf(`${name} → ${entry}`, data));
  if (name.endsWith('.png')) return pngTexts(bytes).map((text) => [name, text]);
  return [[name, new TextDecoder().decode(bytes)]];
}

let files: [string, string][] | undefined;
function builtFiles(): [string, string][] {
  return (files ??= readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .flatMap((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return textsOf(path.relative(out, file), readFileSync(file));
    }));
}

describe('a build for publishing (SITE_URL set)', () => {
  it('names no local address in any file, inside the course packs and PNGs included', () => {
    const files = builtFiles();
    expect(files.length).toBeGreaterThan(3000);
    expect(files.some(([name]) => name.includes('.imscc → imsmanifest.xml'))).toBe(true);
    const local = files.filter(([, text]) => LOCAL.test(text)).map(([name, text]) => `${name}: …${text.slice(Math.max(0, text.search(LOCAL) - 60), text.search(LOCAL) + 40)}…`);
    expect(local).toEqual([]);
  });

  it('names the public address wherever an absolute link travels', () => {
    const read = (file: string) => readFileSync(path.join(out, file), 'utf8');
    const oembed = JSON.parse(read('oembed/top-values.json'));
    expect(oembed.html).toContain(`${SITE}/embed/top-values/`);
    expect(oembed.provider_url).toBe(`${SITE}/`);
    expect(oembed.thumbnail_url.startsWith(`${SITE}/`)).toBe(true);
    expect(read('downloads/top-values.csv')).toContain(`From: ${SITE}/embed/top-values/`);
    expect(read('charts/top-values/index.html')).toContain(`<link rel="canonical" href="${SITE}/charts/top-values/"`);
    expect(read('sitemap.xml')).toContain(`<loc>${SITE}/</loc>`);
    const pack = unzipPack(readFileSync(path.join(out, 'downloads/values-in-the-wild-course-pack.imscc')));
    const packText = [...pack.values()].map((bytes) => new TextDecoder().decode(bytes)).join('\n');
    expect(packText).toContain(`${SITE}/charts/`);
  });

  it('says nothing of a local preview', () => {
    const pages = builtFiles().filter(([name]) => name.endsWith('.html'));
    expect(pages.filter(([, text]) => text.includes('data-preview')).map(([name]) => name)).toEqual([]);
  });
});
