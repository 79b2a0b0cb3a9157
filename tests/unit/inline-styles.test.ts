import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allowStyles, inlineStylesheets, styleHash } from '../../src/site/inline-styles.ts';
import { headersFile } from '../../src/site/security.ts';

const css = 'body{color:red}';
const page = (head: string) => `<!DOCTYPE html><html><head>${head}<link rel="stylesheet" href="/_astro/Head.abc.css"></head><body></body></html>`;
const meta = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'; img-src 'self'">`;

describe('inline stylesheets', () => {
  it('writes the stylesheet into the page and allows exactly it, by hash, in the page policy', () => {
    const { html, hashes } = inlineStylesheets(page(meta), (href) => (href === '/_astro/Head.abc.css' ? css : ''));
    const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    expect(hashes).toEqual([hash]);
    expect(html).toContain(`<style>${css}</style>`);
    expect(html).not.toContain('<link rel="stylesheet"');
    expect(html).toContain(`style-src 'self' ${hash}; img-src 'self'`);
  });

  it('leaves a page without a linked stylesheet as it was', () => {
    const html = `<html><head>${meta}</head></html>`;
    expect(inlineStylesheets(html, () => css)).toEqual({ html, hashes: [] });
  });

  it('refuses a page with no policy to extend, and a stylesheet that would close its element early', () => {
    expect(() => inlineStylesheets(page(''), () => css)).toThrow(/no Content-Security-Policy <meta>/);
    expect(() => inlineStylesheets(page(meta), () => 'a::after{content:"</style>"}')).toThrow(/Head\.abc\.css contains/);
    expect(() => allowStyles("default-src 'self'", [styleHash(css)])).toThrow(/no style-src/);
  });

  it('allows the inlined stylesheet in every served policy', () => {
    const headers = headersFile(['embed/', 'charts/', 'index.html'], [styleHash(css)]);
    const policies = headers.split('\n').filter((line) => line.includes('Content-Security-Policy'));
    expect(policies.length).toBe(4);
    for (const policy of policies) expect(policy).toContain(`style-src 'self' ${styleHash(css)};`);
  });
});
