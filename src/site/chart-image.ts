import { standaloneSvg } from '../charts/lib/standalone-svg.ts';
import { chartImageSize, svgAbout, type ChartView } from '../charts/lib/view.ts';
import { svgToPng } from './raster.ts';

/** The chart image (its standalone SVG: title, chart, caveats, source) as a PNG at twice its size, for sharp screens and print. */
export const CHART_IMAGE_SCALE = 2;

export function chartImagePng(view: ChartView): Uint8Array<ArrayBuffer> {
  return svgToPng(standaloneSvg(view.svg, svgAbout(view)), chartImageSize(view).width * CHART_IMAGE_SCALE);
}
