import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The pages readers most often open cold, from a shared link or a course page's frame: the report and the embeds.
 * What their first paint would wait for is written into the page: the stylesheet (a linked one is a request the first
 * paint must wait for: at 150 ms latency it held the report's first paint until the whole page had been parsed, then
 * laid it out in one long task) and the small classic script an embed runs in its head (theme.js, which held the
 * parser for a round trip). Every other page links the same files, cached once for the whole site.
 */
export function pagesToInline(dir: string): string[] {
  const embeds = existsSync(path.join(dir, 'embed'))
    ? readdirSync(path.join(dir, 'embed'), { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(dir, 'embed', d.name, 'index.html')))
        .map((d) => `embed/${d.name}/index.html`)
    : [];
  return ['index.html', ...embeds];
}

/** The hashes of what a page carries inline, by the policy directive that allows them. */
export interface InlineHashes {
  styles: string[];
  scripts: string[];
}

/** The CSP source that allows exactly this <style> or <script> text. */
export function sourceHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy with these hashes added to its style-src and script-src. */
export function allowHashes(policy: string, hashes: InlineHashes): string {
  let out = policy;
  for (const [directive, list] of [['style-src', hashes.styles], ['script-src', hashes.scripts]] as const) {
    if (!list.length) continue;
    const pattern = new RegExp(`(^|;\\s*)(${directive} [^;]*)`);
    if (!pattern.test(out)) throw new Error(`The Content-Security-Policy has no ${directive} to extend: ${policy}`);
    out = out.replace(pattern, (_, start, sources) => `${start}${sources} ${list.join(' ')}`);
  }
  return out;
}

const STYLESHEET = /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)">/g;
/** A classic (parser-blocking) script of our own: module scripts (type="module") are deferred and stay files. */
const CLASSIC_SCRIPT = /<script src="(\/[^"]+\.js)"><\/script>/g;
const META = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)/;

/**
 * A built page with its stylesheets and classic scripts written in, and its <meta> policy allowing exactly those (by
 * hash). `readAsset` reads a file of the build by its address.
 */
export function inlineAssets(html: string, readAsset: (href: string) => string): { html: string; hashes: InlineHashes } {
  const hashes: InlineHashes = { styles: [], scripts: [] };
  const inline = (tag: 'style' | 'script', list: string[]) => (_: string, href: string) => {
    const text = readAsset(href);
    if (new RegExp(`</${tag}`, 'i').test(text)) throw new Error(`${href} contains "</${tag}", so it cannot be written into a page`);
    list.push(sourceHash(text));
    return `<${tag}>${text}</${tag}>`;
  };
  let out = html.replace(STYLESHEET, inline('style', hashes.styles)).replace(CLASSIC_SCRIPT, inline('script', hashes.scripts));
  if (!hashes.styles.length && !hashes.scripts.length) return { html, hashes };
  if (!META.test(out)) throw new Error('A page with inlined styles or scripts has no Content-Security-Policy <meta> to allow them');
  out = out.replace(META, (_, open: string, policy: string, close: string) => open + allowHashes(policy, hashes) + close);
  return { html: out, hashes };
}

const MODULE_SCRIPT = /<script type="module" src="(\/_astro\/[^"]+\.js)"><\/script>/g;
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*"\.\/([^"]+\.js)"/g;

/**
 * Hints that fetch a page's module scripts and every module they import statically as soon as the head is read. The
 * browser found a module script only when its parser reached it, and a module's imports only once it had arrived: on
 * an embed that was a round trip after the first paint and another after that before the chart could be used
 * (interactive at about 830 ms throttled, 550 ms with the hints). Embeds only: on the report the scripts would share
 * the line with the 44 KB page while it is still arriving (in two A/B runs its first paint moved 0.93× and 1.04×, its
 * interactive 0.83× and 0.90×); the first paint is what the report is held to.
 */
export function preloadModules(html: string, readAsset: (href: string) => string): string {
  const seen = new Set<string>();
  const visit = (href: string) => {
    if (seen.has(href)) return;
    seen.add(href);
    const dir = href.slice(0, href.lastIndexOf('/') + 1);
    for (const [, file] of readAsset(href).matchAll(STATIC_IMPORT)) visit(dir + file);
  };
  for (const [, href] of html.matchAll(MODULE_SCRIPT)) visit(href!);
  if (!seen.size) return html;
  return html.replace('</head>', `${[...seen].map((href) => `<link rel="modulepreload" href="${href}">`).join('')}</head>`);
}

/**
 * Inline the stylesheets and classic scripts of the pages `pagesToInline` names, in a finished build, and hint the
 * embeds' modules (preloadModules). Returns the
 * hashes the served Content-Security-Policy must allow too (the header's policy applies beside the page's own).
 */
export function inlineEntryAssets(dir: string): InlineHashes {
  const styles = new Set<string>();
  const scripts = new Set<string>();
  const readAsset = (href: string) => readFileSync(path.join(dir, href), 'utf8');
  for (const page of pagesToInline(dir)) {
    const file = path.join(dir, page);
    const result = inlineAssets(readFileSync(file, 'utf8'), readAsset);
    writeFileSync(file, page.startsWith('embed/') ? preloadModules(result.html, readAsset) : result.html);
    result.hashes.styles.forEach((h) => styles.add(h));
    result.hashes.scripts.forEach((h) => scripts.add(h));
  }
  return { styles: [...styles].sort(), scripts: [...scripts].sort() };
}
