import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * A build never writes into its output folder (dist/) directly: it writes into a staging folder beside it, checks
 * the result, and only then swaps it into place with two renames. A build that fails at any stage (bad data, a page
 * that throws, a failed check) leaves the previous dist/ exactly as it was, and its staging folder is removed.
 *
 * The swap is recoverable: the previous output is renamed aside (`.dist.previous-<pid>`) and removed only once the
 * new one is in place. If the process dies between the two renames, the next build, at its start, puts the previous
 * output back before doing anything else, so no crash followed by a failing build can leave no dist/ at all.
 *
 * Top-level dotfiles in dist/ that the build did not make (dist/.git, a publishing worktree as gh-pages users keep
 * one) are carried over into each new build.
 */

const STAGING = '.building-';
const PREVIOUS = '.previous-';

/** The staging folder for a build of `finalDir` by this process: `.dist.building-<pid>` beside it. */
export function stagingDir(finalDir: string, pid = process.pid): string {
  return path.join(path.dirname(finalDir), `.${path.basename(finalDir)}${STAGING}${pid}`);
}

function previousDir(finalDir: string, pid = process.pid): string {
  return path.join(path.dirname(finalDir), `.${path.basename(finalDir)}${PREVIOUS}${pid}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Move the top-level dotfiles of `from` that `to` lacks into `to` (renames, within one parent folder's parent). */
function carryDotfiles(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    if (name.startsWith('.') && !existsSync(path.join(to, name))) renameSync(path.join(from, name), path.join(to, name));
  }
}

/** For tests: end the process abruptly (SIGKILL, as a crash would) at a named step of the swap. */
function crashPoint(step: string): void {
  if (process.env.VITW_TEST_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}

/**
 * At the start of a build, tidy what builds that died left beside `finalDir`: put back a previous output left aside
 * by a swap that never finished (when `finalDir` is missing), carry its dotfiles into `finalDir` (when the new output
 * was in place), and remove stale staging folders. Folders of running builds are left alone. Returns what it restored.
 */
export function recoverOutput(finalDir: string): string | undefined {
  const parent = path.dirname(finalDir);
  if (!existsSync(parent)) return undefined;
  const prefix = `.${path.basename(finalDir)}`;
  let restored: string | undefined;
  const stale = readdirSync(parent)
    .map((name) => ({ name, match: name.startsWith(prefix) ? /^(\.building-|\.previous-)(\d+)$/.exec(name.slice(prefix.length)) : null }))
    .filter((d) => d.match && (Number(d.match[2]) === process.pid || !isRunning(Number(d.match[2]))));
  for (const { name, match } of stale) {
    const full = path.join(parent, name);
    if (match![1] === PREVIOUS) {
      if (!existsSync(finalDir)) {
        renameSync(full, finalDir);
        restored = full;
        continue;
      }
      carryDotfiles(full, finalDir);
    }
    rmSync(full, { recursive: true, force: true });
  }
  return restored;
}

/**
 * Put a finished build in place: the old folder is renamed aside, the new one renamed in, the old one's dotfiles the
 * build did not make carried over, and only then the old one removed. The renames are within one parent folder, so
 * each is atomic; if the second fails, the old folder is put back; if the process dies in between, recoverOutput
 * puts it back at the next build's start.
 */
export function publishBuild(staging: string, finalDir: string): void {
  const previous = previousDir(finalDir);
  rmSync(previous, { recursive: true, force: true });
  const hadPrevious = existsSync(finalDir);
  if (hadPrevious) renameSync(finalDir, previous);
  crashPoint('aside');
  try {
    renameSync(staging, finalDir);
  } catch (error) {
    if (hadPrevious) renameSync(previous, finalDir);
    throw error;
  }
  crashPoint('in-place');
  if (hadPrevious) {
    carryDotfiles(previous, finalDir);
    rmSync(previous, { recursive: true, force: true });
  }
}

/** The top-level entries of a build, folders written "name/" (what `_headers` needs to cover every path). */
export function topLevelEntries(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).map((d) => (d.isDirectory() ? `${d.name}/` : d.name));
}

/** The <loc> addresses of a sitemap file, as paths, following a sitemap index into its parts (which must exist). */
function sitemapLocs(dir: string, file: string, missing: string[]): string[] {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const locs = [...text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => decodeURIComponent(new URL(m[1]!.replace(/&amp;/g, '&')).pathname));
  if (!/<sitemapindex[\s>]/.test(text)) return locs;
  const pages: string[] = [];
  for (const part of locs) {
    if (existsSync(path.join(dir, part))) for (const loc of sitemapLocs(dir, part, missing)) pages.push(loc);
    else missing.push(`${part} (listed in ${file})`);
  }
  return pages;
}

/**
 * What a finished build must hold before it may replace the last good one: the home page, the 404 page, the
 * `_headers` file, and a file for every address the sitemap lists (every chart embed, value and cluster page; through
 * the sitemap index and its parts when it is split). Returns what is missing.
 */
export function checkBuild(dir: string): string[] {
  const missing: string[] = [];
  for (const file of ['index.html', '404.html', '_headers', 'sitemap.xml']) {
    if (!existsSync(path.join(dir, file))) missing.push(file);
  }
  if (existsSync(path.join(dir, 'sitemap.xml'))) {
    const locs = sitemapLocs(dir, 'sitemap.xml', missing);
    if (locs.length === 0) missing.push('sitemap.xml lists no pages');
    for (const pathname of locs) {
      const file = path.join(dir, pathname, pathname.endsWith('/') ? 'index.html' : '');
      if (!existsSync(file)) missing.push(`${pathname} (listed in sitemap.xml)`);
    }
  }
  return missing;
}
