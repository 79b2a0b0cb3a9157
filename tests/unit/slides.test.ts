import { describe, expect, it } from 'vitest';
import { slideSvg, SLIDE_HEIGHT, SLIDE_WIDTH } from '../../src/charts/lib/slide-svg.ts';
import { findFonts, svgToPng } from '../../src/site/raster.ts';
import { pngSize } from '../png-size.ts';

const text = {
  title: 'Values <b>& more</b>',
  takeaway: 'One value leads: it appears in 23.4% of conversations, the next in 22.9%.',
  source: 'Data: Anthropic, Values in the Wild · CC BY 4.0',
  url: 'https://example.org/embed/top-values/',
  caveats: ['Uncertain: one figure may be a different row.'],
};
const chart = (w: number, h: number) => `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" aria-hidden="true"><rect width="${w}" height="${h}" fill="#0072b2"/></svg>`;
const placed = (svg: string) => /<svg x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).map(Number) as [number, number, number, number];


describe('slide images', () => {
  it('are 1920×1080 with the title, takeaway, caveat, source and address, text escaped', () => {
    const svg = slideSvg(chart(640, 300), text);
    expect(svg).toContain(`width="${SLIDE_WIDTH}" height="${SLIDE_HEIGHT}"`);
    expect(svg).toContain('Values &lt;b&gt;&amp; more&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    for (const part of ['23.4%', 'Uncertain: one figure', 'CC BY 4.0', text.url]) expect(svg).toContain(part);
  });

  it('put a wide chart under the text and a tall one beside it, inside the slide either way', () => {
    const [wx, wy, ww, wh] = placed(slideSvg(chart(900, 300), text));
    expect(wx).toBeLessThan(200);
    expect(ww).toBeGreaterThan(1500);
    const [tx, ty, tw, th] = placed(slideSvg(chart(400, 700), text));
    expect(tx).toBeGreaterThan(600);
    expect(th).toBeGreaterThan(wh);
    for (const [x, y, w, h] of [[wx, wy, ww, wh], [tx, ty, tw, th]]) {
      expect(x + w).toBeLessThanOrEqual(SLIDE_WIDTH);
      expect(y + h).toBeLessThanOrEqual(SLIDE_HEIGHT);
    }
  });

  it('rasterise to a 1920×1080 PNG', () => {
    const png = svgToPng(slideSvg(chart(640, 300), text));
    expect(pngSize(png)).toEqual({ width: SLIDE_WIDTH, height: SLIDE_HEIGHT });
  });

  it('stop the build with what to install when the font is missing', () => {
    expect(() => findFonts(['/nonexistent/fonts'])).toThrow(/DejaVuSans\.ttf.*fonts-dejavu-core.*VITW_FONT_DIR/s);
  });
});
