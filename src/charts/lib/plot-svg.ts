import * as Plot from '@observablehq/plot';
import { CHART_FONT, drawnLarger } from './size.ts';

/**
 * Plot.plot with the site's conventions: a caller-supplied document (linkedom at build time, the page in the browser),
 * a stable class name, and no inline <style> element or invalid attribute, whose rules live in the site stylesheet
 * instead so that the pages can run under a strict Content-Security-Policy.
 */
export function plotSvg(options: Plot.PlotOptions, document: Document, fontSize = CHART_FONT): SVGSVGElement {
  const svg = Plot.plot({ ...options, document, className: 'plot' }) as unknown as SVGSVGElement;
  svg.setAttribute('font-size', String(fontSize));
  drawnLarger(svg);
  // The figure around the chart names and describes it (role="img"); Plot's per-mark labels would only be noise.
  svg.setAttribute('aria-hidden', 'true');
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  // Plot writes font-variant="tabular-nums", which is not a value SVG's font-variant takes (the HTML checker flags
  // it); the stylesheet sets font-variant-numeric on charts instead.
  for (const el of Array.from(svg.querySelectorAll('[font-variant]'))) el.removeAttribute('font-variant');
  roundGeometry(svg);
  return svg;
}

const GEOMETRY = ['transform', 'd', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'width', 'height', 'points'];

/**
 * Coordinates to a tenth of a pixel: Plot writes them at full precision ("184.61538461538464"), a good part of a
 * chart's bytes for nothing anyone can see. Lengths in em ("0.32em") are left as they are.
 */
export function roundGeometry(svg: Element): void {
  for (const el of Array.from(svg.querySelectorAll('*'))) {
    for (const name of GEOMETRY) {
      const value = el.getAttribute(name);
      if (value && /\.\d\d/.test(value)) el.setAttribute(name, value.replace(/-?\d*\.\d{2,}(?!\d|em)/g, (n) => String(Math.round(Number(n) * 10) / 10)));
    }
  }
}
