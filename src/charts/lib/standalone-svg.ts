import { escapeHtml } from '../../lib/escape.ts';
import { approximateWidth, wrap } from '../../lib/text.ts';

const HEADER = 56;
const TITLE_SIZE = 18;
const TITLE_LEADING = 22;
/** Bold runs wider than the regular text approximateWidth measures. */
const BOLD = 1.08;
const FOOTER = 46;
const PAD = 16;


interface SvgAbout {
  title: string;
  source: string;
  url?: string;
  caveats?: string[];
}

/** The width and height of a chart's viewBox. */
export function chartSize(chartSvg: string): { w: number; h: number } {
  const [, , w = 640, h = 400] = /viewBox="([^"]+)"/.exec(chartSvg)?.[1]?.split(/[\s,]+/).map(Number) ?? [];
  return { w, h };
}

/** The chart's own <svg> placed in a box of a larger image (it keeps its viewBox, so it scales to fit). */
export function placeChart(chartSvg: string, box: { x: number; y: number; width: number; height: number }): string {
  return chartSvg.replace(/^<svg\b[^>]*>/, (openTag) =>
    openTag
      .replace(/\s(?:width|height|aria-hidden|x|y)="[^"]*"/g, '')
      .replace(/^<svg\b/, `<svg x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}"`),
  );
}

/** Where everything sits in a standalone SVG: the chart's own size, the page's size and the lines below the chart. */
function layout(chartSvg: string, about: SvgAbout) {
  const { w, h } = chartSize(chartSvg);
  // The caveats wrap to the chart's width (about 5.5 px per character at 10 px); the source line is set one part per
  // line, so a long one is never cut off by a narrow chart.
  const caveatLines = (about.caveats ?? []).flatMap((caveat) => wrap(caveat, (line) => line.length <= Math.floor(w / 5.5)));
  const sourceLines = [...caveatLines, ...about.source.split(' · ')];
  const footer = FOOTER + (sourceLines.length - 1) * 14;
  // A title wider than a narrow chart wraps, rather than running off the image.
  const titleLines = wrap(about.title, (line) => approximateWidth(line, TITLE_SIZE) * BOLD <= w);
  const header = HEADER + (titleLines.length - 1) * TITLE_LEADING;
  return { w, h, caveatLines, sourceLines, titleLines, header, footer, width: w + 2 * PAD, height: h + header + footer };
}

/** The width and height (px) of the standalone SVG for this chart (stated, for instance, for an oEmbed thumbnail). */
export function standaloneSvgSize(chartSvg: string, about: SvgAbout): { width: number; height: number } {
  const { width, height } = layout(chartSvg, about);
  return { width, height };
}

/** The chart alone on white, as a file (its title, caveats and source printed as text beside it, as on a handout). */
export function chartOnlySvg(chartSvg: string): string {
  const { w, h } = chartSize(chartSvg);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" font-family="system-ui, sans-serif">` +
    `<rect width="100%" height="100%" fill="#fff"/>${placeChart(chartSvg, { x: 0, y: 0, width: w, height: h })}</svg>`
  );
}

/**
 * A chart's SVG as a file that stands on its own (for downloads and thumbnails): white background, the chart's title
 * above; below, the caveat of every uncertain figure, the source and the licence, all vector. Works on markup, so the
 * page and the build share it.
 */
export function standaloneSvg(chartSvg: string, about: SvgAbout): string {
  const { w, h, caveatLines, sourceLines, titleLines, header, footer, width, height } = layout(chartSvg, about);
  const inner = placeChart(chartSvg, { x: PAD, y: header, width: w, height: h });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif">` +
    `<title>${escapeHtml(about.title)}</title>` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    titleLines.map((line, i) => `<text x="${PAD}" y="${32 + i * TITLE_LEADING}" font-size="${TITLE_SIZE}" font-weight="bold" fill="#1a1a1a">${escapeHtml(line)}</text>`).join('') +
    inner +
    sourceLines
      .map((line, i) => `<text x="${PAD}" y="${height - footer + 18 + i * 14}" font-size="10" fill="${i < caveatLines.length ? '#1a1a1a' : '#555'}">${escapeHtml(line)}</text>`)
      .join('') +
    (about.url ? `<text x="${PAD}" y="${height - 10}" font-size="9" fill="#555">${escapeHtml(about.url)}</text>` : '') +
    `</svg>`
  );
}
