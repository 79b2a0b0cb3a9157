import { escapeHtml } from '../../lib/escape.ts';
import { approximateWidth, wrap } from '../../lib/text.ts';
import { chartSize, placeChart } from './standalone-svg.ts';
import type { ChartRoom } from './contract.ts';
import { CHART_FONT } from './size.ts';

export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;
const PAD = 80;
const GAP = 40;
const TITLE_SIZE = 56;
const SMALL = 22;
const LEADING = 1.3;
/** The text column beside a tall chart. */
const SIDE_COLUMN = 680;

export interface SlideText {
  title: string;
  takeaway: string;
  /** The source and licence, e.g. "Data: Anthropic, Values in the Wild · CC BY 4.0". */
  source: string;
  /** Where the chart lives, printed last. */
  url: string;
  caveats: string[];
}

type Box = { x: number; y: number; width: number; height: number };
/** The image's size in SVG units: a slide (1920×1080), or a share card laid out at 1920×1008 and drawn at 1200×630. */
export type SlideSize = { width: number; height: number };
export const SLIDE: SlideSize = { width: SLIDE_WIDTH, height: SLIDE_HEIGHT };
interface Block {
  lines: string[];
  size: number;
  fill: string;
  bold?: boolean;
}

const linesAt = (text: string, size: number, width: number) => wrap(text, (line) => approximateWidth(line, size) <= width);
const blockHeight = (block: Block) => block.lines.length * block.size * LEADING;

/** The takeaway at the largest size that keeps it within `maxLines` (the smallest size if none does). */
function takeawayBlock(takeaway: string, width: number, maxLines: number): Block {
  const sizes = [36, 32, 28, 24];
  const size = sizes.find((s) => linesAt(takeaway, s, width).length <= maxLines) ?? sizes.at(-1)!;
  return { lines: linesAt(takeaway, size, width), size, fill: '#333' };
}

/** Blocks of text set one under another from `top` (a block's first baseline is one font size below where it starts). */
function textBlocks(blocks: Block[], x: number, top: number, gap: number): string {
  let y = top;
  return blocks
    .map((block) => {
      const weight = block.bold ? ' font-weight="bold"' : '';
      const text = block.lines
        .map((line, i) => `<text x="${x}" y="${Math.round(y + block.size + i * block.size * LEADING)}" font-size="${block.size}"${weight} fill="${block.fill}">${escapeHtml(line)}</text>`)
        .join('');
      y += blockHeight(block) + gap;
      return text;
    })
    .join('');
}

/** The smallest chart text on a slide (px): a chart's CHART_FONT-unit text is drawn at least this large. */
export const SLIDE_CHART_TEXT = 24;
/** Larger sizes a chart's text is drawn at when the chart shows as much there (a short chart need not be set small). */
const LARGER_TEXT = [40, 34, 28];

/** The room (SVG units) a chart is laid out for, to fill this box with its text at `textPx`. */
const roomOf = (box: Box, textPx: number): ChartRoom => {
  const scale = textPx / CHART_FONT;
  return { width: Math.floor(box.width / scale), height: Math.floor(box.height / scale) };
};

/** How much a chart of this size grows to fill the box. */
const scaleIn = (chart: { w: number; h: number }, box: Box) => Math.min(box.width / chart.w, box.height / chart.h);

/** Title and takeaway above the chart, the footer below: for wide charts. */
function stacked(text: SlideText, footer: (width: number) => Block[], size: SlideSize) {
  const width = size.width - 2 * PAD;
  const head = [{ lines: linesAt(text.title, TITLE_SIZE, width), size: TITLE_SIZE, fill: '#1a1a1a', bold: true }, takeawayBlock(text.takeaway, width, 3)];
  const foot = footer(width);
  const headBottom = PAD + head.reduce((sum, b) => sum + blockHeight(b), 0) + GAP / 2;
  const footTop = size.height - PAD - foot.reduce((sum, b) => sum + blockHeight(b), 0);
  const box = { x: PAD, y: Math.round(headBottom + GAP), width, height: Math.round(footTop - GAP - headBottom - GAP) };
  return { box, text: textBlocks(head, PAD, PAD, GAP / 2) + textBlocks(foot, PAD, footTop, 0) };
}

/** The text in a column on the left, the chart filling the height on the right: for tall charts. */
function side(text: SlideText, footer: (width: number) => Block[], size: SlideSize) {
  const head = [{ lines: linesAt(text.title, 48, SIDE_COLUMN), size: 48, fill: '#1a1a1a', bold: true }, takeawayBlock(text.takeaway, SIDE_COLUMN, 9)];
  const foot = footer(SIDE_COLUMN);
  const footTop = size.height - PAD - foot.reduce((sum, b) => sum + blockHeight(b), 0);
  const x = PAD + SIDE_COLUMN + GAP * 2;
  const box = { x, y: PAD, width: size.width - PAD - x, height: size.height - 2 * PAD };
  return { box, text: textBlocks(head, PAD, PAD, GAP / 2) + textBlocks(foot, PAD, footTop, 0) };
}

/** How many of its table's rows a drawing shows (its marks tied to rows). */
const rowsShown = (svg: string) => svg.match(/\sdata-row="/g)?.length ?? 0;
/** How many different labels other than figures (axis ticks, percentages) a drawing shows: a sunburst's fewer at a larger size. */
const wordsShown = (svg: string) => new Set([...svg.matchAll(/<text\b[^>]*>([^<]+)/g)].map(([, t]) => t!).filter((t) => /\p{L}/u.test(t))).size;
/** How many labels a drawing cuts short ("…"). */
const labelsCut = (svg: string) => svg.match(/…/g)?.length ?? 0;

/**
 * A chart laid out for a box of the slide: with its text at SLIDE_CHART_TEXT px, or larger where it shows as much
 * there (as many table rows and labels, no more of them cut short) and keeps within its room.
 */
function chartIn(draw: (room: ChartRoom) => string, box: Box): string {
  const fullest = draw(roomOf(box, SLIDE_CHART_TEXT));
  const asMuch = (svg: string) => rowsShown(svg) >= rowsShown(fullest) && wordsShown(svg) >= wordsShown(fullest) && labelsCut(svg) <= labelsCut(fullest);
  for (const textPx of LARGER_TEXT) {
    const svg = draw(roomOf(box, textPx));
    if (asMuch(svg) && scaleIn(chartSize(svg), box) * CHART_FONT >= textPx - 1e-6) return svg;
  }
  return fullest;
}

/**
 * A chart as a 16:9 slide (1920×1080) with its title, its takeaway, and its caveats, source, licence and address, so
 * the image keeps its attribution wherever it is pasted. Wide charts sit under the text, tall ones beside it. A chart
 * given as a function is laid out for each of the two places (contract.ts ChartRoom, see chartIn) so its text shows
 * at SLIDE_CHART_TEXT px or more, and goes where it shows more of itself; a drawing given as it is goes where it grows
 * more.
 */
export function slideSvg(chart: string | ((room: ChartRoom) => string), text: SlideText, size: SlideSize = SLIDE): string {
  const footer = (width: number): Block[] => [
    { lines: text.caveats.flatMap((caveat) => linesAt(caveat, SMALL, width)), size: SMALL, fill: '#1a1a1a' },
    { lines: [...linesAt(text.source, SMALL, width), text.url], size: SMALL, fill: '#555' },
  ];
  const layouts = [stacked(text, footer, size), side(text, footer, size)].map((layout) => {
    const svg = typeof chart === 'string' ? chart : chartIn(chart, layout.box);
    const { w, h } = chartSize(svg);
    const scale = scaleIn({ w, h }, layout.box);
    return { ...layout, svg, scale, area: w * h * scale * scale, rows: typeof chart === 'string' ? 0 : rowsShown(svg) };
  });
  // A chart that kept within its room first (its text is SLIDE_CHART_TEXT px or more), then the one that shows more of
  // its rows and labels, then the one that cuts fewer labels short, then the one with the larger text, then the larger
  // drawing (for a drawing given as it is, its scale only).
  const textPx = (l: (typeof layouts)[number]) => Math.floor(l.scale * CHART_FONT + 1e-6);
  const fits = (l: (typeof layouts)[number]) => (typeof chart === 'string' || textPx(l) >= SLIDE_CHART_TEXT ? 1 : 0);
  const rank = (l: (typeof layouts)[number]) => (typeof chart === 'string' ? [l.scale] : [fits(l), l.rows, wordsShown(l.svg), -labelsCut(l.svg), textPx(l), l.area]);
  const better = (a: number[], b: number[]) => {
    const first = a.findIndex((x, i) => x !== b[i]);
    return first >= 0 && a[first]! > b[first]!;
  };
  const best = layouts.reduce((a, b) => (better(rank(b), rank(a)) ? b : a));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}" font-family="system-ui, sans-serif">` +
    `<title>${escapeHtml(text.title)}</title>` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    best.text +
    placeChart(best.svg, best.box) +
    `</svg>`
  );
}
