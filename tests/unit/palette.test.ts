import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { BACKGROUND, CATEGORIES, INK, PAPER, TEXT, blend, contrastRatio, onMark, textColorOn, type Scheme } from '../../src/charts/lib/palette.ts';
import { MARKS, STROKES, SURFACES, darkVariant, paletteCss } from '../../src/charts/lib/chart-colors.ts';

const SCHEMES: Scheme[] = ['light', 'dark'];
const marks = { ...CATEGORIES, ...MARKS };
/** The sunburst's arc opacities (arcOpacity in src/charts/lib/sunburst.ts): by depth, and merged arcs at 0.45 of that. */
const OPACITIES = [1, 0.82, 0.66, 0.52].flatMap((o) => [o, Math.round(o * 0.45 * 100) / 100]);

/** The text colour that reads best on a fill in the given scheme: labels on marks are ink or paper in either. */
const labelOn = (fill: string) => textColorOn(fill);

describe('chart palette, in both schemes', () => {
  for (const scheme of SCHEMES) {
    const background = BACKGROUND[scheme];

    it(`every mark colour reaches 3:1 against the ${scheme} background`, () => {
      for (const [name, color] of Object.entries(marks)) {
        expect(contrastRatio(color[scheme], background), `${name} ${color[scheme]} on ${background}`).toBeGreaterThanOrEqual(3);
      }
    });

    it(`labels on every mark colour reach 4.5:1 in the ${scheme} scheme`, () => {
      for (const [name, color] of Object.entries(marks)) {
        const fill = color[scheme];
        expect(contrastRatio(fill, labelOn(fill)), `${name} ${fill}`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`the ${scheme} scheme's own ink or paper, whichever reads better, reaches 4.5:1 on every category's colour (the atlas's names on values)`, () => {
      for (const [name, color] of Object.entries(CATEGORIES)) {
        const fill = color[scheme];
        expect([TEXT.ink[scheme], BACKGROUND[scheme]]).toContain(textColorOn(fill, scheme));
        expect(contrastRatio(fill, textColorOn(fill, scheme)), `${name} ${fill}`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`chart text reaches 4.5:1 on the ${scheme} background and on the surfaces it sits on`, () => {
      for (const [name, color] of Object.entries(TEXT)) {
        expect(contrastRatio(color[scheme], background), `${name} on the background`).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(color[scheme], SURFACES.tint[scheme]), `${name} on the tint`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`the five categories stay apart from each other in the ${scheme} scheme, also with colour blindness`, () => {
      const colors = Object.values(CATEGORIES).map((c) => c[scheme]);
      for (const vision of Object.keys(VISION) as (keyof typeof VISION)[]) {
        for (let i = 0; i < colors.length; i++) {
          for (let j = i + 1; j < colors.length; j++) {
            expect(deltaE(colors[i]!, colors[j]!, vision), `${colors[i]} vs ${colors[j]} (${vision})`).toBeGreaterThanOrEqual(11);
          }
        }
      }
    });
  }

  it('labels on the sunburst’s faded arcs reach 4.5:1 in both schemes (onMark picks per scheme)', () => {
    for (const color of Object.values(CATEGORIES)) {
      for (const opacity of OPACITIES) {
        const label = onMark(color, opacity);
        const dark = label.class === undefined ? label.fill : label.fill === INK ? PAPER : INK;
        expect(contrastRatio(blend(color.light, opacity), label.fill), `${color.light} at ${opacity}`).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(blend(color.dark, opacity, BACKGROUND.dark), dark), `${color.dark} at ${opacity} (dark)`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('every light colour has one dark variant, and the stylesheet swaps each', () => {
    const css = paletteCss();
    const all = [...Object.values(marks), ...Object.values(SURFACES), TEXT.muted, TEXT.alert];
    for (const { light, dark } of all) {
      expect(darkVariant(light)).toBe(dark);
      if (light !== dark) expect(css).toContain(`[fill="${light}"]{fill:light-dark(${light},${dark})}`);
    }
    for (const { light, dark } of STROKES) if (light !== dark) expect(css).toContain(`[stroke="${light}"]{stroke:light-dark(${light},${dark})}`);
  });

  it('the charts draw only with palette colours, so none is left out of dark mode', () => {
    const fills = new Set([...[...Object.values(marks), ...Object.values(SURFACES), ...Object.values(TEXT)].map((c) => c.light), INK, PAPER]);
    const strokes = new Set([...STROKES.map((c) => c.light), PAPER]);
    const dir = new URL('../output/charts/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.svg') && f !== 'context-heatmap.svg')) {
      const svg = readFileSync(new URL(file, dir), 'utf8');
      for (const [, attribute, color] of svg.matchAll(/(fill|stroke)="(#[0-9a-f]{3,6}|white|black|rgb[^"]*)"/gi)) {
        expect((attribute === 'fill' ? fills : strokes).has(color!), `${file}: ${attribute} ${color}`).toBe(true);
      }
    }
  });
});

describe('site colours (src/styles/site.css), in both schemes', () => {
  const css = readFileSync(new URL('../../src/styles/site.css', import.meta.url), 'utf8');
  const vars = Object.fromEntries(
    [...css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{3,6}),\s*(#[0-9a-f]{3,6})\)/gi)].map(([, name, light, dark]) => [name!, { light: long(light!), dark: long(dark!) }]),
  );

  it('declares paper, ink and muted as palette.ts does', () => {
    expect(vars.paper).toEqual(BACKGROUND);
    expect(vars.ink).toEqual(TEXT.ink);
    expect(vars.muted).toEqual(TEXT.muted);
  });

  for (const scheme of SCHEMES) {
    it(`text reaches 4.5:1 and controls and focus 3:1 on every background, in the ${scheme} scheme`, () => {
      const get = (name: string) => vars[name]![scheme];
      for (const bg of ['paper', 'tint', 'tint-strong', 'code']) {
        for (const text of ['ink', 'muted', 'accent', 'matches', 'close', 'differs']) {
          expect(contrastRatio(get(text), get(bg)), `${text} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
        for (const ui of ['control', 'focus']) expect(contrastRatio(get(ui), get(bg)), `${ui} on ${bg}`).toBeGreaterThanOrEqual(3);
      }
      // A pressed toolbar button: paper on ink.
      expect(contrastRatio(get('paper'), get('ink'))).toBeGreaterThanOrEqual(4.5);
    });
  }
});

/** #abc → #aabbcc. */
function long(hex: string): string {
  return hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex.toLowerCase() === hex ? hex : hex.toLowerCase();
}

// Colour-vision deficiency, simulated with Machado, Oliveira & Fernandes (2009) at full severity, in linear RGB;
// distance is CIE76 ΔE in Lab.
const VISION = {
  typical: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

function lab(hex: string, vision: keyof typeof VISION): number[] {
  const linear = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = VISION[vision].map((row) => Math.min(1, Math.max(0, row[0]! * linear[0]! + row[1]! * linear[1]! + row[2]! * linear[2]!)));
  const x = (0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.9505;
  const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const z = (0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.089;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function deltaE(a: string, b: string, vision: keyof typeof VISION): number {
  const [p, q] = [lab(a, vision), lab(b, vision)];
  return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
}

describe('response types set apart', () => {
  it('label their bars in the page’s own text colour, so a label running past a short bar stays readable', () => {
    for (const color of [MARKS.reframing, MARKS.neutral, MARKS.noValues]) {
      expect(onMark(color)).toEqual({ fill: INK, class: 't-ip' });
    }
  });
});
