import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * A build never writes into its output folder (dist/) directly: it writes into a staging folder beside it, checks
 * the result, and only then swaps it into place with two renames. A build that fails at any stage (bad data, a page
 * that throws, a failed check) leaves the previous dist/ exactly as it was, and its staging folder is removed.
 */

const STAGING = '.building-';
const PREVIOUS = '.previous-';

/** The staging folder for a build of `finalDir` by this process: `.dist.building-<pid>` beside it. */
export function stagingDir(finalDir: string, pid = process.pid): string {
  return path.join(path.dirname(finalDir), `.${path.basename(finalDir)}${STAGING}${pid}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove staging and swap folders left beside `finalDir` by builds that were killed (their process is gone). */
export function removeStaleStaging(finalDir: string): void {
  const parent = path.dirname(finalDir);
  if (!existsSync(parent)) return;
  const prefix = `.${path.basename(finalDir)}`;
  for (const name of readdirSync(parent)) {
    const match = name.startsWith(prefix) && /^(\.building-|\.previous-)(\d+)$/.exec(name.slice(prefix.length));
    if (match && (Number(match[2]) === process.pid || !isRunning(Number(match[2])))) {
      rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

/**
 * Put a finished build in place: the old folder is renamed aside, the new one renamed in, the old one removed. The
 * renames are within one parent folder, so each is atomic; if the second fails, the old folder is put back.
 */
export function publishBuild(staging: string, finalDir: string): void {
  const previous = path.join(path.dirname(finalDir), `.${path.basename(finalDir)}${PREVIOUS}${process.pid}`);
  rmSync(previous, { recursive: true, force: true });
  const hadPrevious = existsSync(finalDir);
  if (hadPrevious) renameSync(finalDir, previous);
  try {
    renameSync(staging, finalDir);
  } catch (error) {
    if (hadPrevious) renameSync(previous, finalDir);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

/** The top-level entries of a build, folders written "name/" (what `_headers` needs to cover every path). */
export function topLevelEntries(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).map((d) => (d.isDirectory() ? `${d.name}/` : d.name));
}

/**
 * What a finished build must hold before it may replace the last good one: the home page, the 404 page, the
 * `_headers` file, and a file for every address the sitemap lists (every chart embed, value and cluster page).
 * Returns what is missing.
 */
export function checkBuild(dir: string): string[] {
  const missing: string[] = [];
  for (const file of ['index.html', '404.html', '_headers', 'sitemap.xml']) {
    if (!existsSync(path.join(dir, file))) missing.push(file);
  }
  if (existsSync(path.join(dir, 'sitemap.xml'))) {
    const sitemap = readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    if (locs.length === 0) missing.push('sitemap.xml lists no pages');
    for (const loc of locs) {
      const pathname = decodeURIComponent(new URL(loc).pathname);
      const file = path.join(dir, pathname, pathname.endsWith('/') ? 'index.html' : '');
      if (!existsSync(file)) missing.push(`${pathname} (listed in sitemap.xml)`);
    }
  }
  return missing;
}
