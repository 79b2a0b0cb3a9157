/**
 * The site's Content-Security-Policy: everything from our own origin, no inline script or style, no eval. Images may
 * be data: or blob: URLs (the PNG download draws the chart's SVG from a blob).
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

/** Paths of pages that must not be framed by other sites (every page except /embed/*). */
const UNFRAMEABLE = ['/', '/index.html', '/charts/*', '/data/*', '/values/*', '/clusters/*'];

/**
 * A `_headers` file, as read by Netlify and Cloudflare Pages: the CSP (with frame-ancestors, which a <meta> tag
 * cannot carry), long caching for content-hashed assets, and framing allowed only for embed pages.
 */
export function headersFile(): string {
  const block = (path: string, headers: string[]) => [path, ...headers.map((h) => `  ${h}`)].join('\n');
  return [
    block('/*', [
      `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
      'X-Content-Type-Options: nosniff',
      'Referrer-Policy: strict-origin-when-cross-origin',
    ]),
    block('/_astro/*', ['Cache-Control: public, max-age=31536000, immutable']),
    ...UNFRAMEABLE.map((path) => block(path, ["Content-Security-Policy: frame-ancestors 'self'", 'X-Frame-Options: SAMEORIGIN'])),
    block('/embed/*', ['Cache-Control: public, max-age=3600']),
    block('/embed.js', ['Cache-Control: public, max-age=3600', 'Access-Control-Allow-Origin: *']),
    '',
  ].join('\n\n');
}
