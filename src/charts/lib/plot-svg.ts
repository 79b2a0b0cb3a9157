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
  return svg;
}
