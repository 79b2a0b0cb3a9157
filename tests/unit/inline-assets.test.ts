import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allowHashes, inlineAssets, preloadModules, sourceHash } from '../../src/site/inline-assets.ts';
import { headersFile } from '../../src/site/security.ts';

const css = 'body{color:red}';
const js = "document.documentElement.setAttribute('data-theme','dark');";
const files: Record<string, string> = { '/_astro/Head.abc.css': css, '/theme.js': js };
const meta = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'">`;
const page = (head: string) =>
  `<!DOCTYPE html><html><head>${head}<script src="/theme.js"></script><link rel="stylesheet" href="/_astro/Head.abc.css"></head>` +
  `<body><script type="module" src="/_astro/Figure.js"></script></body></html>`;
const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inline assets', () => {
  it('writes the stylesheet and the classic script into the page and allows exactly them, by hash, in its policy', () => {
    const { html, hashes } = inlineAssets(page(meta), (href) => files[href]!);
    expect(hashes).toEqual({ styles: [hashOf(css)], scripts: [hashOf(js)] });
    expect(html).toContain(`<style>${css}</style>`);
    expect(html).toContain(`<script>${js}</script>`);
    expect(html).not.toContain('<link rel="stylesheet"');
    // Module scripts are deferred: they stay files.
    expect(html).toContain('<script type="module" src="/_astro/Figure.js"></script>');
    expect(html).toContain(`script-src 'self' ${hashOf(js)}; style-src 'self' ${hashOf(css)}; img-src 'self'`);
  });

  it('leaves a page with nothing to inline as it was', () => {
    const html = `<html><head>${meta}</head><body><script type="module" src="/_astro/a.js"></script></body></html>`;
    expect(inlineAssets(html, () => css)).toEqual({ html, hashes: { styles: [], scripts: [] } });
  });

  it('refuses a page with no policy to extend, and a file that would close its element early', () => {
    expect(() => inlineAssets(page(''), (href) => files[href]!)).toThrow(/no Content-Security-Policy <meta>/);
    expect(() => inlineAssets(page(meta), (href) => (href.endsWith('.css') ? 'a::after{content:"</style>"}' : js))).toThrow(/Head\.abc\.css contains/);
    expect(() => inlineAssets(page(meta), (href) => (href.endsWith('.js') ? "'</script>'" : css))).toThrow(/theme\.js contains/);
    expect(() => allowHashes("default-src 'self'", { styles: [sourceHash(css)], scripts: [] })).toThrow(/no style-src/);
  });

  it('allows the inlined files in every served policy', () => {
    const headers = headersFile(['embed/', 'charts/', 'index.html'], { styles: [sourceHash(css)], scripts: [sourceHash(js)] });
    const policies = headers.split('\n').filter((line) => line.includes('Content-Security-Policy'));
    expect(policies.length).toBe(4);
    for (const policy of policies) {
      expect(policy).toContain(`style-src 'self' ${sourceHash(css)};`);
      expect(policy).toContain(`script-src 'self' ${sourceHash(js)};`);
    }
  });
});

describe('module preload hints', () => {
  it('name every module script of the page and every module those import statically, once each, in the head', () => {
    const modules: Record<string, string> = {
      '/_astro/Figure.js': 'import{a}from"./escape.js";import"./size.js";const m=()=>import("./lazy.js");',
      '/_astro/escape.js': 'export const a=1;',
      '/_astro/size.js': 'import{a}from"./escape.js";',
    };
    const html = preloadModules(page(meta), (href) => modules[href]!);
    const hints = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
    expect(hints).toEqual(['/_astro/Figure.js', '/_astro/escape.js', '/_astro/size.js']);
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('</head>'));
    expect(preloadModules('<html><head></head><body></body></html>', () => '')).toBe('<html><head></head><body></body></html>');
  });
});
