import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBuild, publishBuild, removeStaleStaging, stagingDir } from '../../src/site/build-output.ts';

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
    removeStaleStaging(dist);
    expect(readdirSync(root).sort()).toEqual(['.dist-evil.building-1', path.basename(running)].sort());
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
