import { OEMBED_CACHE_AGE } from '../config.ts';
import { allowHashes, type InlineHashes } from './inline-assets.ts';

/**
 * The site's Content-Security-Policy: everything from our own origin, no eval, and no inline script or style but the
 * site's own files where a page carries them inline (each allowed by its hash, src/site/inline-assets.ts). Images may be data: or blob:
 * URLs (the PNG download draws the chart's SVG from a blob).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * Features no page uses, switched off for the page and anything it frames. Only features current browsers recognise
 * (an unknown one logs a console error). clipboard-write stays allowed: the toolbar copies embed codes.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

/**
 * Headers the same on every path, so they can sit in the one rule every path matches. Cross-Origin-Opener-Policy
 * only acts on top-level windows, never on a page inside an iframe, so it leaves embeds working.
 */
const EVERY_PATH = [
  'X-Content-Type-Options: nosniff',
  'Referrer-Policy: strict-origin-when-cross-origin',
  `Permissions-Policy: ${PERMISSIONS_POLICY}`,
  'Cross-Origin-Opener-Policy: same-origin',
];

/** Pages no other site may frame: the CSP with frame-ancestors (which a <meta> tag cannot carry), and the old header. */
const unframeable = (policy: string) => [`Content-Security-Policy: ${policy}; frame-ancestors 'self'`, 'X-Frame-Options: SAMEORIGIN'];
/** Embed pages, which any site may frame (no frame-ancestors: file:// pages and every scheme included). */
const frameable = (policy: string) => [`Content-Security-Policy: ${policy}`];

/**
 * Extra headers for a top-level entry of the build (a folder, written "name/", or a file). An embed that WordPress
 * shows from an oEmbed answer sits in a sandboxed frame with an opaque origin, for which loading its module scripts and
 * its islands' data are cross-origin requests: those files, public anyway, say that any origin may read them.
 */
const ANY_ORIGIN = 'Access-Control-Allow-Origin: *';
const EXTRA: Record<string, string[]> = {
  '_astro/': ['Cache-Control: public, max-age=31536000, immutable', ANY_ORIGIN],
  'data/': [ANY_ORIGIN],
  'embed/': ['Cache-Control: public, max-age=3600'],
  'embed.js': ['Cache-Control: public, max-age=3600', ANY_ORIGIN],
  'oembed/': [`Cache-Control: public, max-age=${OEMBED_CACHE_AGE}`, ANY_ORIGIN],
};

/**
 * A `_headers` file, as read by Netlify and Cloudflare Pages, for a build whose top level holds `entries` (folders
 * written "name/"). Hosts merge every rule a path matches, and Netlify keeps only one value of a header set twice, so
 * no path matches two rules that set the same header: `/*` carries only the headers every path shares, and each
 * top-level folder or file gets one rule with its complete set (the CSP with or without frame-ancestors, caching).
 * Unknown top-level paths get the `/*` headers and the 404 page's <meta> CSP. `inline` holds the hashes of the
 * stylesheets and scripts some pages carry inline (src/site/inline-assets.ts), which every policy allows: our own files.
 */
export function headersFile(entries: readonly string[], inline: InlineHashes = { styles: [], scripts: [] }): string {
  const policy = allowHashes(CONTENT_SECURITY_POLICY, inline);
  const block = (path: string, headers: string[]) => [path, ...headers.map((h) => `  ${h}`)].join('\n');
  const pathOf = (entry: string) => (entry.endsWith('/') ? `/${entry}*` : `/${entry}`);
  const framing = (entry: string) => (entry === 'embed/' ? frameable(policy) : unframeable(policy));
  const served = [...entries].filter((e) => !e.startsWith('_headers') && !e.startsWith('_redirects')).sort();
  return [
    block('/*', EVERY_PATH),
    block('/', unframeable(policy)),
    ...served.map((entry) => block(pathOf(entry), [...framing(entry), ...(EXTRA[entry] ?? [])])),
    '',
  ].join('\n\n');
}
