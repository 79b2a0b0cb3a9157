import { svgElement } from './svg.ts';

/**
 * Charts are drawn for a phone first: a viewBox CHART_WIDTH wide whose text is at least CHART_FONT, so that on the
 * narrowest screen (320 px, about 288 px for the chart) no text renders below 11 px (14 × 288 / 340 ≈ 11.9). The SVG
 * scales with its container; on a wider one it is drawn up to UPSCALE times its viewBox (text about 17 px), no larger.
 */
export const CHART_WIDTH = 340;
export const CHART_FONT = 14;
export const UPSCALE = 1.2;

/** Set an SVG's width and height (its largest drawn size) to UPSCALE times its viewBox. */
export function drawnLarger(svg: SVGSVGElement): SVGSVGElement {
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (w && h) {
    svg.setAttribute('width', String(Math.round(w * UPSCALE)));
    svg.setAttribute('height', String(Math.round(h * UPSCALE)));
  }
  return svg;
}

/**
 * The room a report figure is laid out for on a wide screen, where it breaks out of the text column to 880–928 px
 * (from 75rem; site.css): drawn at about one unit a pixel, so that its text is the size it is set at (labels at
 * CHART_FONT, the sunburst's at 12) and the width holds more of them. As tall as the chart needs.
 */
export const WIDE_ROOM = { width: 880, height: 2400, font: 12 } as const;

/** The sunburst's picture beside the report's opening on a wide screen (site.css .lead-chart), drawn at 22rem. */
export const LEAD_ROOM = { width: 352, height: 352, font: 11 } as const;

/** The width a chart is laid out to: its room's (contract.ts ChartRoom), else a phone's. */
export const widthIn = (room?: { width: number }) => room?.width ?? CHART_WIDTH;

/** Charts set side by side in one SVG, tops aligned, each at its own size: a chart laid out in columns for a wide room. */
export function sideBySide(charts: SVGSVGElement[], document: Document): SVGSVGElement {
  const sizes = charts.map((c) => (c.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number) as [number, number, number, number]);
  const width = sizes.reduce((sum, [, , w]) => sum + w, 0);
  const height = Math.max(...sizes.map(([, , , h]) => h));
  const first = charts[0];
  const svg = svgElement(document, 'svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    class: first?.getAttribute('class') ?? '',
    'font-size': first?.getAttribute('font-size') ?? CHART_FONT,
    'aria-hidden': 'true',
  }) as SVGSVGElement;
  let x = 0;
  charts.forEach((chart, i) => {
    const [, , w, h] = sizes[i]!;
    chart.setAttribute('x', String(x));
    chart.setAttribute('width', String(w));
    chart.setAttribute('height', String(h));
    chart.removeAttribute('aria-hidden');
    svg.append(chart);
    x += w;
  });
  return svg;
}

/** The line under a list cut to fit its room, saying how many rows it leaves out (the chart's table has them all). */
export const MORE_LINE = 24;
export const moreText = (count: number) => `… and ${count} more on the chart’s page`;

/**
 * How many of `count` rows of `rowHeight` a room holds beside `fixed` units of axes and margins: all of them, else as
 * many as fit with a MORE_LINE under them (at least three). Without a room, all.
 */
export function rowsInRoom(count: number, rowHeight: number, fixed: number, room?: { height: number }): number {
  if (!room || fixed + count * rowHeight <= room.height) return count;
  return Math.max(3, Math.floor((room.height - fixed - MORE_LINE) / rowHeight));
}
