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
