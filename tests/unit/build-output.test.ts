import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBuild, publishBuild, recoverOutput, stagingDir } from '../../src/site/build-output.ts';
import { sitemapParts, sitemapRoot, urlset, SITEMAP_LIMIT } from '../../src/site/sitemap.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function work() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vitw-out-'));
  dirs.push(dir);
  return dir;
}
function site(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

describe('staging and publishing a build', () => {
  it('stages beside the output folder and swaps the new build in whole', () => {
    const root = work();
    const dist = path.join(root, 'dist');
    site(dist, { 'index.html': 'old', 'gone.html': 'old' });
    const staging = stagingDir(dist);
    expect(path.dirname(staging)).toBe(root);
    site(staging, { 'index.html': 'new' });
    publishBuild(staging, dist);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(path.join(dist, 'gone.html'))).toBe(false);
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('puts the old build back if the new one cannot be moved in', () => {
    const root = work();
    const dist = path.join(root, 'dist');
    site(dist, { 'index.html': 'old' });
    expect(() => publishBuild(path.join(root, 'no-such-staging'), dist)).toThrow(/ENOENT/);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('removes folders left by killed builds, not those of running ones', () => {
    const root = work();
    const dist = path.join(root, 'dist');
    const dead = stagingDir(dist, 2 ** 22 + 12345); // above Linux's largest pid
    const running = stagingDir(dist, process.ppid);
    for (const dir of [dead, running, path.join(root, '.dist-evil.building-1')]) mkdirSync(dir);
    recoverOutput(dist);
    expect(readdirSync(root).sort()).toEqual(['.dist-evil.building-1', path.basename(running)].sort());
  });

  it('keeps the dotfiles in dist/ the build did not make (dist/.git of a gh-pages worktree), replacing everything else', () => {
    const root = work();
    const dist = path.join(root, 'dist');
    site(dist, { 'index.html': 'old', '.git/HEAD': 'ref: refs/heads/gh-pages\n', '.git/objects/ab/cd': 'object', '.nojekyll': '', '.well-known/x': 'old' });
    const staging = stagingDir(dist);
    site(staging, { 'index.html': 'new', '.well-known/x': 'new' });
    publishBuild(staging, dist);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(readFileSync(path.join(dist, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages\n');
    expect(readFileSync(path.join(dist, '.git', 'objects', 'ab', 'cd'), 'utf8')).toBe('object');
    expect(existsSync(path.join(dist, '.nojekyll'))).toBe(true);
    // A dotfile the build made is the build's.
    expect(readFileSync(path.join(dist, '.well-known', 'x'), 'utf8')).toBe('new');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  /** Run publishBuild in a child process that is killed (SIGKILL) at the given step of the swap. */
  function killedSwap(step: 'aside' | 'in-place', staging: string, dist: string) {
    const script = `import { publishBuild } from ${JSON.stringify(path.resolve('src/site/build-output.ts'))}; publishBuild(${JSON.stringify(staging)}, ${JSON.stringify(dist)});`;
    return spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, VITW_TEST_CRASH_AT: step }, encoding: 'utf8' });
  }

  it('a build killed between the two renames: the next build puts the previous output back first', () => {
    const root = work();
    const dist = path.join(root, 'dist');
    site(dist, { 'index.html': 'old', 'values/a/index.html': 'old value', '.git/HEAD': 'gh-pages' });
    const staging = stagingDir(dist, 2 ** 22 + 1); // the dead build's staging folder
    site(staging, { 'index.html': 'new' });
    const child = killedSwap('aside', staging, dist);
    expect(child.signal).toBe('SIGKILL');
    expect(existsSync(dist)).toBe(false); // the crash left no dist/ ...
    expect(readdirSync(root).some((n) => n.startsWith('.dist.previous-'))).toBe(true); // ... but the previous output aside
    // The next build starts (and may then fail): recovery runs first.
    expect(recoverOutput(dist)).toMatch(/\.dist\.previous-\d+$/);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('old');
    expect(readFileSync(path.join(dist, 'values', 'a', 'index.html'), 'utf8')).toBe('old value');
    expect(readFileSync(path.join(dist, '.git', 'HEAD'), 'utf8')).toBe('gh-pages');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('a build killed after the new output is in place: the next build keeps it and carries the dotfiles over', () => {
    const root = work();
    const dist = path.join(root, 'dist');
    site(dist, { 'index.html': 'old', '.git/HEAD': 'gh-pages' });
    const staging = stagingDir(dist, 2 ** 22 + 2);
    site(staging, { 'index.html': 'new' });
    expect(killedSwap('in-place', staging, dist).signal).toBe('SIGKILL');
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(path.join(dist, '.git'))).toBe(false); // still in the folder left aside
    expect(recoverOutput(dist)).toBeUndefined();
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('new');
    expect(readFileSync(path.join(dist, '.git', 'HEAD'), 'utf8')).toBe('gh-pages');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('refuses a build missing its home page, 404 page, _headers or a page the sitemap lists', () => {
    const dir = work();
    const loc = (p: string) => `<url><loc>http://localhost:4321${p}</loc></url>`;
    site(dir, {
      'index.html': '', '404.html': '', '_headers': '', 'values/a/index.html': '',
      'sitemap.xml': `<urlset>${loc('/')}${loc('/values/a/')}${loc('/values/b/')}</urlset>`,
    });
    expect(checkBuild(dir)).toEqual(['/values/b/ (listed in sitemap.xml)']);
    rmSync(path.join(dir, '404.html'));
    expect(checkBuild(dir)).toContain('404.html');
  });
});

describe('the sitemap', () => {
  const origin = 'https://example.org';
  const paths = Array.from({ length: 7 }, (_, i) => `/values/v${i}/`);

  it(`is one <urlset> up to ${SITEMAP_LIMIT.toLocaleString('en')} addresses, and past that an index of parts of at most that many`, () => {
    expect(sitemapRoot(paths, origin)).toBe(urlset(paths, origin));
    expect(sitemapParts(Array.from({ length: SITEMAP_LIMIT + 1 }, (_, i) => `/${i}/`)).map((p) => p.length)).toEqual([SITEMAP_LIMIT, 1]);
    const index = sitemapRoot(paths, origin, 3);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...index.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual(['https://example.org/sitemaps/1.xml', 'https://example.org/sitemaps/2.xml', 'https://example.org/sitemaps/3.xml']);
    expect(sitemapParts(paths, 3).flat()).toEqual(paths);
  });

  it('a build whose sitemap is split is checked through the index: every part, and every page each part lists', () => {
    const dir = work();
    const parts = sitemapParts(paths, 3);
    site(dir, {
      'index.html': '', '404.html': '', '_headers': '', 'sitemap.xml': sitemapRoot(paths, origin, 3),
      ...Object.fromEntries(parts.slice(0, 2).map((p, i) => [`sitemaps/${i + 1}.xml`, urlset(p, origin)])),
      ...Object.fromEntries(paths.slice(0, 5).map((p) => [`${p.slice(1)}index.html`, ''])),
    });
    expect(checkBuild(dir).sort()).toEqual(['/sitemaps/3.xml (listed in sitemap.xml)', '/values/v5/ (listed in sitemap.xml)']);
  });
});
