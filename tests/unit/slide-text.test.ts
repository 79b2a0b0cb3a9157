import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { chartData, chartView, drawnInRoom, sourceLine } from '../../src/charts/lib/view.ts';
import { SLIDE_CHART_TEXT, slideSvg } from '../../src/charts/lib/slide-svg.ts';
import { buildModel } from '../../src/data/model.ts';
import { loadDataset, loadPaperFigures } from '../../src/data/load.ts';
import { realDatasetDir } from './dataset-dir.ts';

/**
 * Slides are read across a classroom (issue 20, item 7): every chart's text on its 1920×1080 slide is at least 24 px,
 * measured in the slide's SVG before it is rasterised: each chart text's font size (its own or inherited) times the
 * scale its nested <svg>s draw it at (width over viewBox width, the smaller of the two ways, as SVG's default
 * preserveAspectRatio does).
 */
const model = buildModel(loadDataset(realDatasetDir), loadPaperFigures());
const text = { title: 'A title', takeaway: 'A takeaway of a sentence or two.', source: 'Data: Anthropic, Values in the Wild · CC BY 4.0', url: 'https://example.org/', caveats: [] };

const number = (value: string | null) => (value === null ? NaN : parseFloat(value));

/** The scale an <svg> element draws its content at: its size over its viewBox. */
function svgScale(svg: Element): number {
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (!w || !h) return 1;
  return Math.min(number(svg.getAttribute('width')) / w, number(svg.getAttribute('height')) / h);
}

/** The smallest text drawn inside the slide's chart (the <svg> nested in the slide), in px of the slide, and which. */
export function smallestChartText(slide: string): { px: number; text: string } {
  const { document } = parseHTML(`<!doctype html><html><body>${slide}</body></html>`);
  const chart = document.querySelector('svg svg');
  if (!chart) throw new Error('The slide holds no chart');
  let smallest = { px: Infinity, text: '' };
  for (const el of Array.from(chart.querySelectorAll('text, tspan'))) {
    if (!el.textContent?.trim() || el.querySelector('tspan')) continue;
    let size = NaN;
    let scale = 1;
    let hidden = false;
    for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
      if (node.getAttribute('display') === 'none') hidden = true;
      if (Number.isNaN(size) && node.hasAttribute('font-size')) size = number(node.getAttribute('font-size'));
      if (node.tagName.toLowerCase() === 'svg' && node.parentElement?.closest('svg')) scale *= svgScale(node);
      const scaled = /scale\(([^)]+)\)/.exec(node.getAttribute('transform') ?? '');
      if (scaled) scale *= Math.abs(parseFloat(scaled[1]!));
    }
    if (hidden) continue;
    if (Number.isNaN(size)) throw new Error(`No font size for "${el.textContent}"`);
    if (size * scale < smallest.px) smallest = { px: Math.round(size * scale * 10) / 10, text: el.textContent.trim().slice(0, 40) };
  }
  return smallest;
}

describe('slides', () => {
  it('measure the chart text they draw (the check can fail: a chart as the page draws it, shrunk to the slide)', () => {
    const shrunk = slideSvg(`<svg viewBox="0 0 340 900" width="408" height="1080"><text font-size="14">x</text></svg>`, text);
    expect(smallestChartText(shrunk).px).toBeLessThan(SLIDE_CHART_TEXT);
  });

  for (const chart of CHARTS) {
    it(`${chart.id}: chart text at least ${SLIDE_CHART_TEXT} px at 1920×1080`, () => {
      // The slide's own text, as the build sets it (src/pages/downloads/slides): its length decides the chart's area.
      const view = chartView(chart, model);
      const about = { title: view.title, takeaway: view.takeaway, source: sourceLine(view), url: `https://example.org/charts/${chart.id}/`, caveats: view.caveats };
      const slide = slideSvg((room) => drawnInRoom(chart, chartData(chart, model), room), about);
      const smallest = smallestChartText(slide);
      if (process.env.SLIDE_TEXT_LOG) console.log(`${chart.id}\t${smallest.px} px ("${smallest.text}")`);
      expect(smallest.px, `"${smallest.text}"`).toBeGreaterThanOrEqual(SLIDE_CHART_TEXT);
    });
  }
});
