import { escapeHtml } from '../../lib/escape.ts';

const HEADER = 56;
const FOOTER = 46;
const PAD = 16;

/**
 * A chart's SVG as a file that stands on its own (for downloads and thumbnails): white background, the chart's title
 * above and its source and licence below, all vector. Works on markup, so the page and the build share it.
 */
export function standaloneSvg(chartSvg: string, about: { title: string; source: string; url?: string }): string {
  const viewBox = /viewBox="([^"]+)"/.exec(chartSvg)?.[1]?.split(/[\s,]+/).map(Number) ?? [0, 0, 640, 400];
  const [, , w = 640, h = 400] = viewBox;
  const width = w + 2 * PAD;
  // The source line is set one part per line, so a long one is never cut off by a narrow chart.
  const sourceLines = about.source.split(' · ');
  const footer = FOOTER + (sourceLines.length - 1) * 14;
  const height = h + HEADER + footer;
  const inner = chartSvg.replace(/^<svg\b[^>]*>/, (openTag) =>
    openTag
      .replace(/\s(?:width|height|aria-hidden|x|y)="[^"]*"/g, '')
      .replace(/^<svg\b/, `<svg x="${PAD}" y="${HEADER}" width="${w}" height="${h}"`),
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif">` +
    `<title>${escapeHtml(about.title)}</title>` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="${PAD}" y="32" font-size="18" font-weight="bold" fill="#1a1a1a">${escapeHtml(about.title)}</text>` +
    inner +
    sourceLines.map((line, i) => `<text x="${PAD}" y="${height - footer + 18 + i * 14}" font-size="10" fill="#555">${escapeHtml(line)}</text>`).join('') +
    (about.url ? `<text x="${PAD}" y="${height - 10}" font-size="9" fill="#555">${escapeHtml(about.url)}</text>` : '') +
    `</svg>`
  );
}
