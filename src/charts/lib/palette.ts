/**
 * Every colour the charts draw with, in one place, for both colour schemes.
 *
 * One colour per top-level category, used by every chart on the site: Okabe & Ito's palette, chosen to stay
 * distinguishable with the common forms of colour blindness; every coloured mark also carries a text label. Each
 * colour has a variant per scheme that keeps its hue and reaches 3:1 against that scheme's background (Okabe-Ito's
 * orange is too pale on white, and its blue and vermilion too dark on black), checked in tests/unit/palette.test.ts.
 *
 * How dark mode reaches a chart: charts are SVG drawn at build time with their fills as presentation attributes,
 * which cannot refer to CSS variables. So every chart draws with the light colours (which downloaded SVG and PNG
 * files keep), and `paletteCss()` below writes one rule per colour, keyed on the attribute, that swaps in the dark
 * variant through CSS `light-dark()`: `[fill="#0072B2"]{fill:light-dark(#0072B2,#56B4E9)}`. The stylesheet (the
 * virtual module `virtual:palette.css`, see astro.config.mjs) is generated from these tables (and those of
 * chart-colors.ts, the marks that are not categories, kept apart so that pages load only the categories), so they
 * stay the only copy. `light-dark()` picks by the element's `color-scheme`, which follows the system (or an embed's `?theme=`, see
 * src/styles/site.css); a browser without `light-dark()` drops the rules and shows the light colours. Every chart
 * draws with these tables' colours only (a continuous scale could not be swapped this way; tests/unit/palette.test.ts).
 * Text drawn on a mark carries a class when the dark variant of the mark needs the other text colour (`onMark`).
 */
export interface SchemeColor {
  light: string;
  dark: string;
}

/** Page backgrounds and text, per scheme (site.css declares the same values as custom properties). */
export const BACKGROUND: SchemeColor = { light: '#ffffff', dark: '#141414' };
export const TEXT = {
  ink: { light: '#1a1a1a', dark: '#e6e6e6' },
  muted: { light: '#555555', dark: '#a6a6a6' },
  /** Text that names a rare value (rare-values chart), vermilion like its marks. */
  alert: { light: '#A03F00', dark: '#F08A4B' },
} satisfies Record<string, SchemeColor>;

export const CATEGORIES = {
  'Practical values': { light: '#0072B2', dark: '#52ABDD' },
  'Epistemic values': { light: '#BD8600', dark: '#ECB63D' },
  'Social values': { light: '#009E73', dark: '#009E73' },
  'Protective values': { light: '#BC500F', dark: '#E36414' },
  'Personal values': { light: '#CC79A7', dark: '#D38AB2' },
} as const satisfies Record<string, SchemeColor>;

/** The same colours by category name, as a Map: a name comes from the data, and "constructor" is no colour. */
const CATEGORY_PALETTE: ReadonlyMap<string, SchemeColor> = new Map(Object.entries(CATEGORIES));

/**
 * A second channel beside colour (WCAG 1.4.1): a shape per category, an Observable Plot symbol, for charts whose marks
 * are told apart by category and carry no name of it (their key shows the same shapes: SHAPE_CLIPS). Shapes stay
 * apart where colours cannot: for readers who do not see the colours, in print in black, and in forced colours.
 */
export type CategoryShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'star';
export const CATEGORY_SHAPES: Record<string, CategoryShape> = {
  'Practical values': 'circle',
  'Epistemic values': 'square',
  'Social values': 'triangle',
  'Protective values': 'diamond',
  'Personal values': 'star',
};

const SHAPE_BY_CATEGORY: ReadonlyMap<string, CategoryShape> = new Map(Object.entries(CATEGORY_SHAPES));

/** A category's shape (a Map lookup: the name comes from the data); a circle for a category the palette does not know. */
export function categoryShape(category: string): CategoryShape {
  return SHAPE_BY_CATEGORY.get(category) ?? 'circle';
}

/** Each shape as a CSS clip-path, for a key's swatch (a CSS box). */
export const SHAPE_CLIPS: Record<string, string> = {
  circle: 'circle(50%)',
  square: 'inset(6%)',
  triangle: 'polygon(50% 0,100% 92%,0 92%)',
  diamond: 'polygon(50% 0,100% 50%,50% 100%,0 50%)',
  star: 'polygon(50% 0,62% 35%,98% 35%,69% 57%,79% 91%,50% 70%,21% 91%,31% 57%,2% 35%,38% 35%)',
};

/** Each shape as a character (DejaVu Sans, which the PNGs are drawn with, has them all), for a label that shows it. */
export const SHAPE_GLYPHS: Record<CategoryShape, string> = { circle: '●', square: '■', triangle: '▲', diamond: '◆', star: '★' };

/** Marks of no known category. */
export const FALLBACK: SchemeColor = { light: '#767676', dark: '#8C8C8C' };

/** Text on a mark is one of these two in either scheme. */
export const INK = TEXT.ink.light;
export const PAPER = BACKGROUND.light;

export type Scheme = keyof SchemeColor;

/** A category's colour in both schemes. */
export function categoryColors(category: string): SchemeColor {
  return CATEGORY_PALETTE.get(category) ?? FALLBACK;
}

/** The class that gives a legend key its category's swatch (paletteCss writes the rules): "swatch-practical". */
export function swatchClass(category: string): string {
  return `swatch-${category.split(' ')[0]!.toLowerCase().replace(/[^a-z]/g, '')}`;
}

export function categoryColor(category: string, scheme: Scheme = 'light'): string {
  return categoryColors(category)[scheme];
}


/** The category colours in the light scheme, by category. */
export const CATEGORY_COLORS: Record<string, string> = Object.fromEntries(Object.entries(CATEGORIES).map(([k, v]) => [k, v.light]));

/** Short label for a category ("Practical values" → "Practical"). */
export function shortCategory(category: string): string {
  return category.replace(/ values$/i, '');
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Ink or paper (of the scheme's), whichever reads better on the given fill. */
export function textColorOn(fill: string, scheme: Scheme = 'light'): string {
  const [ink, paper] = [TEXT.ink[scheme], BACKGROUND[scheme]];
  return contrastRatio(fill, ink) >= contrastRatio(fill, paper) ? ink : paper;
}

/** The colour a fill shows at the given opacity over a background. */
export function blend(hex: string, opacity: number, background: string = PAPER): string {
  const channel = (i: number) => Math.round(parseInt(hex.slice(i, i + 2), 16) * opacity + parseInt(background.slice(i, i + 2), 16) * (1 - opacity));
  return `#${[1, 3, 5].map((i) => channel(i).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The text colour for a label on a mark of the given colour (drawn at an opacity over the background), and the class
 * that turns it to the other one in dark mode when the mark's dark variant needs that: `t-ip` (ink in the light
 * scheme, paper in the dark one) or `t-pi`.
 */
export function onMark(color: SchemeColor, opacity = 1): { fill: string; class?: string } {
  const fill = textColorOn(blend(color.light, opacity));
  const dark = textColorOn(blend(color.dark, opacity, BACKGROUND.dark));
  return fill === dark ? { fill } : { fill, class: fill === INK ? 't-ip' : 't-pi' };
}
