import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it('stop the build with what to do when the font is missing', () => {
    expect(() => findFonts('/nonexistent/fonts')).toThrow(/DejaVuSans\.ttf.*npm install.*dejavu-fonts-ttf.*VITW_FONT_DIR/s);
  });

  it('take their font from the npm package, drawing the text with no system font visible', () => {
    expect(findFonts().map((file) => path.relative(process.cwd(), file))).toEqual(['node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf', 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf']);
    // A fresh node draws one slide twice, with and without its words, under an empty fontconfig and (where the
    // machine lets us, as root in CI) with the system's font folders hidden behind empty ones: the two must differ.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vitw-nofonts-'));
    const config = path.join(dir, 'fonts.conf');
    writeFileSync(config, '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n');
    const script = `
      import { slideSvg } from ${JSON.stringify(path.resolve('src/charts/lib/slide-svg.ts'))};
      import { svgToPng } from ${JSON.stringify(path.resolve('src/site/raster.ts'))};
      const chart = '<svg viewBox="0 0 640 300" width="640" height="300"><rect width="640" height="300" fill="#0072b2"/></svg>';
      const text = ${JSON.stringify(text)};
      const words = svgToPng(slideSvg(chart, text));
      const blank = svgToPng(slideSvg(chart, { title: '', takeaway: '', source: '', url: '', caveats: [] }));
      console.log(JSON.stringify({ bytes: words.length, differs: Buffer.compare(Buffer.from(words), Buffer.from(blank)) !== 0 }));`;
    const env: NodeJS.ProcessEnv = { ...process.env, FONTCONFIG_FILE: config, FONTCONFIG_PATH: dir, XDG_DATA_HOME: dir, HOME: dir };
    delete env.VITW_FONT_DIR;
    const node = process.execPath;
    const hidden = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs none /usr/share/fonts && true'], { encoding: 'utf8' }).status === 0;
    const command: [string, string[]] = hidden
      ? ['unshare', ['-m', 'sh', '-c', 'for d in /usr/share/fonts /usr/local/share/fonts; do [ -d "$d" ] && mount -t tmpfs none "$d"; done; exec "$0" "$@"', node, '--input-type=module', '-e', script]]
      : [node, ['--input-type=module', '-e', script]];
    try {
      const result = JSON.parse(execFileSync(command[0], command[1], { env, encoding: 'utf8' })) as { bytes: number; differs: boolean };
      expect(result.differs, 'the words were drawn').toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
