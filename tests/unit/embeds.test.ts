import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { chartView } from '../../src/charts/lib/view.ts';
import { embedHeightAround } from '../../src/charts/lib/embed-height.ts';
import { standaloneSvg, standaloneSvgSize } from '../../src/charts/lib/standalone-svg.ts';
import { chartImageSize, svgAbout } from '../../src/charts/lib/view.ts';
import { EMBED_WIDTHS, embedCode, SNIPPETS } from '../../src/components/embed-code.ts';
import { escapeHtml } from '../../src/lib/escape.ts';
import { approximateWidth } from '../../src/lib/text.ts';
import { oembed, oembedProvider, oembedUrl } from '../../src/components/oembed.ts';
import { aboutStudy } from '../../src/components/about-data.ts';
import { validateDataset } from '../../src/data/validate.ts';
import { loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import type { PaperFigures } from '../../src/data/paper.ts';
import { headersFile } from '../../src/site/security.ts';
import { parseHeadersFile } from '../../scripts/static-server.ts';
import { syntheticDataset } from '../fixtures/synthetic-dataset.ts';

const fixture = syntheticDataset({ names: ['helpfulness', 'user autonomy', 'patient autonomy'] });
const { dataset } = validateDataset(fixture.tree, fixture.frequencies);
const paper = loadPaperFigures();
const model = buildModel(dataset!, paper);
const ORIGIN = 'https://charts.example.edu';
const HOSTILE_TITLE = 'A "quoted" <title> & more';

/** The frame height the snippet's CSS gives in a host page `width` px wide (100vw = width). */
function cssHeight(iframe: string, width: number): number {
  const match = /height:clamp\((\d+)px,(-?\d+)px ([+-]) ([\d.]+)vw,(\d+)px\)/.exec(iframe)!;
  const [min, intercept, perVw, max] = [match[1], match[2], match[4], match[5]].map(Number) as [number, number, number, number];
  return Math.min(max, Math.max(min, intercept + (match[3] === '-' ? -perVw : perVw) * (width / 100)));
}

describe('embed snippets (one source for the gallery, the chart pages, the toolbar and oEmbed)', () => {
  const chart = { id: 'top-values', title: HOSTILE_TITLE, takeaway: 'Claude is <helpful> & "professional".', summary: 'A bar chart: 1 < 2.', embedHeight: { narrow: 900, wide: 700 }, imageSize: { width: 640, height: 480 } };
  const code = embedCode(ORIGIN, chart, 'limit=50&category=Social%20values');

  it('offers the snippet with the auto-height script and the script-free one, labelled', () => {
    expect(SNIPPETS.map((s) => s.label)).toEqual(['With auto-height script', 'Script-free (for Canvas and other editors that strip scripts)', 'Image and link (Moodle and editors that remove frames)']);
    expect(code.withScript).toBe(`${code.scriptFree}\n<script src="${ORIGIN}/embed.js" async></script>`);
    expect(code.scriptFree).toMatch(/^<iframe [^>]*><\/iframe>$/);
    expect(code.scriptFree).not.toContain('<script');
  });

  it('offers the chart as an image (default view, 1× size) with the takeaway as alt text, the summary and a link, escaped', () => {
    expect(code.image).toBe(
      `<p><a href="${ORIGIN}/charts/top-values/"><img src="${ORIGIN}/downloads/top-values.png" alt="A &quot;quoted&quot; &lt;title&gt; &amp; more. Claude is &lt;helpful&gt; &amp; &quot;professional&quot;." width="640" height="480" style="max-width:100%;height:auto" /></a></p>\n` +
        `<p>A bar chart: 1 &lt; 2.</p>\n<p><a href="${ORIGIN}/charts/top-values/">Open the interactive chart: A &quot;quoted&quot; &lt;title&gt; &amp; more</a></p>`,
    );
    expect(code.image).not.toMatch(/<iframe|<script|<svg|<style/);
  });

  it('escapes the title and the address for an attribute', () => {
    expect(code.scriptFree).toContain(`src="${ORIGIN}/embed/top-values/?limit=50&amp;category=Social%20values"`);
    expect(code.scriptFree).toContain('title="A &quot;quoted&quot; &lt;title&gt; &amp; more"');
  });

  it('sizes the frame with its own inline CSS: the narrow height at 360 px, the wide one from 768 px', () => {
    for (const embedHeight of [{ narrow: 900, wide: 700 }, { narrow: 820, wide: 1000 }, { narrow: 500, wide: 500 }]) {
      const iframe = embedCode(ORIGIN, { ...chart, embedHeight }).scriptFree;
      expect(Math.abs(cssHeight(iframe, EMBED_WIDTHS.narrow) - embedHeight.narrow), iframe).toBeLessThanOrEqual(1);
      expect(Math.abs(cssHeight(iframe, EMBED_WIDTHS.wide) - embedHeight.wide), iframe).toBeLessThanOrEqual(1);
      expect(cssHeight(iframe, 1280), iframe).toBe(embedHeight.wide);
      expect(cssHeight(iframe, 320), iframe).toBe(embedHeight.narrow);
      // Where an editor drops the style attribute, the height attribute is the taller one, which fits at any width.
      expect(iframe).toContain(` height="${Math.max(embedHeight.narrow, embedHeight.wide)}" style="border:0;width:100%;height:clamp(`);
    }
  });

  it('gives a chart whose drawing grows with its options a taller frame, scaled at the narrow width', () => {
    expect(embedHeightAround({ narrow: 500, wide: 300 }, { width: 420, height: 420 })).toEqual({ narrow: 820, wide: 720 });
    expect(embedHeightAround({ narrow: 500, wide: 300 }, { width: 200, height: 100 })).toEqual({ narrow: 600, wide: 400 });
    const topValues = CHARTS.find((c) => c.id === 'top-values')!;
    const heights = (limit: number) => chartView(topValues, model, { limit: String(limit) }).embedHeight;
    expect(heights(100).wide).toBeGreaterThan(heights(30).wide);
    expect(chartView(topValues, model).embedHeight).toEqual(heights(30));
  });
});

describe('oEmbed answers', () => {
  for (const chart of CHARTS) {
    it(`${chart.id}: rich, with the script-free snippet and the size of its thumbnail`, () => {
      const view = chartView(chart, model);
      const answer = oembed(`${ORIGIN}/`, view);
      expect(answer).toMatchObject({ version: '1.0', type: 'rich', title: chart.title, provider_url: `${ORIGIN}/` });
      // WordPress's fallback link (hidden elsewhere), then the script-free snippet.
      expect(answer.html).toBe(`<blockquote style="display:none"><a href="${ORIGIN}/charts/${chart.id}/">${escapeHtml(chart.title)}</a></blockquote>${embedCode(ORIGIN, { ...view, imageSize: chartImageSize(view) }).scriptFree}`);
      expect(answer.width).toBe(EMBED_WIDTHS.wide);
      expect(answer.height).toBe(view.embedHeight.wide);
      // The share card, a PNG (its real size is read from the built file in tests/browser/oembed.test.ts).
      expect(answer.thumbnail_url).toBe(`${ORIGIN}/downloads/cards/${chart.id}.png`);
      expect({ width: answer.thumbnail_width, height: answer.thumbnail_height }).toEqual({ width: 1200, height: 630 });
      // The image download's title wraps to the image's width rather than running off it (narrow charts have long titles).
      const svg = standaloneSvg(view.svg, svgAbout(view));
      const size = standaloneSvgSize(view.svg, svgAbout(view));
      expect(svg).toContain(`width="${size.width}" height="${size.height}"`);
      const titleLines = [...svg.matchAll(/<text [^>]*font-size="18"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
      expect(titleLines.join(' '), chart.id).toBe(view.title);
      for (const line of titleLines) expect(approximateWidth(line, 18) * 1.08, `${chart.id}: ${line}`).toBeLessThanOrEqual(size.width - 32);
      expect(oembedUrl(`${ORIGIN}/`, chart.id)).toBe(`${ORIGIN}/oembed/${chart.id}.json`);
    });
  }
});

describe('the oEmbed provider entry, for consumers that need providers registered', () => {
  it('lists one endpoint per chart, for its chart page and its embed', () => {
    const provider = oembedProvider(`${ORIGIN}/`, CHARTS.map((c) => c.id));
    expect(provider.provider_url).toBe(`${ORIGIN}/`);
    expect(provider.endpoints.map((e) => e.url)).toEqual(CHARTS.map((c) => oembedUrl(ORIGIN, c.id)));
    expect(provider.endpoints[0]!.schemes).toEqual([`${ORIGIN}/charts/${CHARTS[0]!.id}/`, `${ORIGIN}/charts/${CHARTS[0]!.id}/*`, `${ORIGIN}/embed/${CHARTS[0]!.id}/`, `${ORIGIN}/embed/${CHARTS[0]!.id}/*`]);
  });
});

describe('About this data', () => {
  /** The paper tables with the main sample's size changed, in scope.csv and in its model-samples.csv row alike. */
  function withSampleSize(figures: PaperFigures, size: number): PaperFigures {
    const old = figures.scope.find((r) => r.key === 'subjective_conversations')!.value;
    return {
      ...figures,
      scope: figures.scope.map((r) => (r.key === 'subjective_conversations' ? { ...r, value: size } : r)),
      modelSamples: figures.modelSamples.map((r) => (r.subjective === old ? { ...r, subjective: size } : r)),
    };
  }

  it('reads the sample, its dates and the taxonomy from the data', () => {
    const about = aboutStudy(model);
    const sampleRow = paper.modelSamples.find((r) => r.subjective === model.scope('subjective_conversations').value)!;
    expect(about.sample).toContain(`${model.scope('subjective_conversations').value.toLocaleString('en-US')} subjective conversations`);
    expect(about.sample).toContain(sampleRow.period!.replace(/\s*\(.*\)$/, ''));
    expect(about.sample).not.toContain('(');
    expect(about.method).toContain(`${model.taxonomy.levelCounts[0].toLocaleString('en-US')} values`);
    const other = aboutStudy(buildModel(dataset!, withSampleSize(paper, 123456)));
    expect(other.sample).toContain('123,456 subjective conversations');
  });

  it('refuses a sample whose dates the tables do not give', () => {
    const figures = withSampleSize(paper, 1000);
    const undated = { ...figures, modelSamples: figures.modelSamples.map((r) => (r.subjective === 1000 ? { ...r, period: undefined } : r)) };
    expect(() => aboutStudy(buildModel(dataset!, undated as PaperFigures))).toThrow(/model-samples\.csv/);
  });
});

describe('headers for embeds that WordPress and other consumers show', () => {
  const rules = parseHeadersFile(headersFile(['_astro/', 'data/', 'embed/', 'embed.js', 'oembed/', 'charts/', 'index.html']));
  const headers = (pattern: string) => Object.fromEntries(rules.find((r) => r.pattern === pattern)!.headers);

  it('let any origin read the oEmbed answers, the scripts and the islands’ data (a sandboxed frame has an opaque origin)', () => {
    for (const pattern of ['/oembed/*', '/_astro/*', '/data/*', '/embed.js']) expect(headers(pattern)['Access-Control-Allow-Origin'], pattern).toBe('*');
    expect(headers('/charts/*')['Access-Control-Allow-Origin']).toBeUndefined();
    expect(headers('/oembed/*')['Cache-Control']).toBe('public, max-age=86400');
  });
});
