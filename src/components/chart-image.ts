import { chartOnlySvg, chartSize, standaloneSvg } from '../charts/lib/standalone-svg.ts';
import { chartImageSize, svgAbout, type ChartView } from '../charts/lib/view.ts';
import { svgToPng } from '../site/raster.ts';

/** The chart image (its standalone SVG: title, chart, caveats, source) as a PNG at twice its size, for sharp screens and print. */
export const CHART_IMAGE_SCALE = 2;

const drawn = new Map<string, Uint8Array<ArrayBuffer>>();

/** Drawn once per build for the download and both course packs alike (keyed by the SVG, so another view draws anew). */
export function chartImagePng(view: ChartView): Uint8Array<ArrayBuffer> {
  const svg = standaloneSvg(view.svg, svgAbout(view));
  if (!drawn.has(svg)) drawn.set(svg, svgToPng(svg, chartImageSize(view).width * CHART_IMAGE_SCALE));
  return drawn.get(svg)!;
}

/** A chart laid out for a printed room (the course pack's handout), alone on white, as a PNG at twice its size. */
export function laidOutChartPng(chartSvg: string): { png: Uint8Array<ArrayBuffer>; width: number; height: number } {
  const { w, h } = chartSize(chartSvg);
  return { png: svgToPng(chartOnlySvg(chartSvg), w * CHART_IMAGE_SCALE), width: w, height: h };
}
