import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The pages readers most often open cold, from a shared link or a course page's frame: the report and the embeds.
 * Their stylesheet is written into the page, because a linked one is a request the first paint must wait for (at
 * 150 ms latency it held the report's first paint until the whole page had been parsed, then laid it out in one long
 * task). Every other page links the same stylesheet, cached once for the whole site.
 */
export function pagesToInline(dir: string): string[] {
  const embeds = existsSync(path.join(dir, 'embed'))
    ? readdirSync(path.join(dir, 'embed'), { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(dir, 'embed', d.name, 'index.html')))
        .map((d) => `embed/${d.name}/index.html`)
    : [];
  return ['index.html', ...embeds];
}

/** The CSP source that allows exactly this <style> text. */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/** The policy with these hashes added to its style-src. */
export function allowStyles(policy: string, hashes: readonly string[]): string {
  if (!hashes.length) return policy;
  if (!/(^|;\s*)style-src [^;]*/.test(policy)) throw new Error(`The Content-Security-Policy has no style-src to extend: ${policy}`);
  return policy.replace(/(^|;\s*)(style-src [^;]*)/, (_, start, directive) => `${start}${directive} ${hashes.join(' ')}`);
}

const LINK = /<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)">/g;
const META = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)/;

/**
 * A built page with its stylesheets written in as <style> elements, and its <meta> policy allowing exactly those (by
 * hash). `readAsset` reads a file of the build by its address.
 */
export function inlineStylesheets(html: string, readAsset: (href: string) => string): { html: string; hashes: string[] } {
  const hashes: string[] = [];
  let out = html.replace(LINK, (_, href: string) => {
    const css = readAsset(href);
    if (/<\/style/i.test(css)) throw new Error(`${href} contains "</style", so it cannot be written into a page`);
    hashes.push(styleHash(css));
    return `<style>${css}</style>`;
  });
  if (!hashes.length) return { html, hashes };
  if (!META.test(out)) throw new Error('A page with inlined styles has no Content-Security-Policy <meta> to allow them');
  out = out.replace(META, (_, open: string, policy: string, close: string) => open + allowStyles(policy, hashes) + close);
  return { html: out, hashes };
}

/**
 * Inline the stylesheets of the pages `pagesToInline` names, in a finished build. Returns the hashes the pages' served
 * Content-Security-Policy must allow too (the header's policy applies beside the page's own).
 */
export function inlineEntryStylesheets(dir: string): string[] {
  const hashes = new Set<string>();
  const readAsset = (href: string) => readFileSync(path.join(dir, href), 'utf8');
  for (const page of pagesToInline(dir)) {
    const file = path.join(dir, page);
    const result = inlineStylesheets(readFileSync(file, 'utf8'), readAsset);
    writeFileSync(file, result.html);
    result.hashes.forEach((h) => hashes.add(h));
  }
  return [...hashes].sort();
}
