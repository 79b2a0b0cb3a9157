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
 * virtual module `virtual:palette.css`, see astro.config.mjs) is generated from these tables, so they stay the only
 * copy. `light-dark()` picks by the element's `color-scheme`, which follows the system (or an embed's `?theme=`, see
 * src/styles/site.css); a browser without `light-dark()` drops the rules and shows the light colours. A chart whose
 * colour scale cannot be swapped (the heatmap's continuous blues) sits on a light card (`.light-card`) instead.
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

export const CATEGORIES: Record<string, SchemeColor> = {
  'Practical values': { light: '#0072B2', dark: '#52ABDD' },
  'Epistemic values': { light: '#BD8600', dark: '#ECB63D' },
  'Social values': { light: '#009E73', dark: '#009E73' },
  'Protective values': { light: '#BC500F', dark: '#E36414' },
  'Personal values': { light: '#CC79A7', dark: '#D38AB2' },
};

/** Marks that are not a category: series, highlights, reference lines. Each reaches 3:1 on its background too. */
export const MARKS = {
  fallback: { light: '#767676', dark: '#8C8C8C' },
  blue: CATEGORIES['Practical values']!,
  paleBlue: { light: '#3D8CC4', dark: '#A6D8F7' },
  vermilion: { light: '#D55E00', dark: '#E36414' },
  pink: CATEGORIES['Personal values']!,
  /** Mild support and resistance beside their strong blue and vermilion (response-types). */
  mildBlue: { light: '#3B8FC4', dark: '#2C73A3' },
  mildVermilion: { light: '#C8783C', dark: '#A9561F' },
  /** Greys from strongest to faintest: humans beside the AI, reframing, neutral, no values, other members. */
  grey: { light: '#6B6B6B', dark: '#9E9E9E' },
  grey2: { light: '#6E6E6E', dark: '#A8A8A8' },
  grey3: { light: '#858585', dark: '#8A8A8A' },
  grey4: { light: '#949494', dark: '#6E6E6E' },
  other: { light: '#8A8A8A', dark: '#6F6F6F' },
} satisfies Record<string, SchemeColor>;

/**
 * Surfaces behind marks and faint guides, which carry no data of their own (a shaded region, cells with nothing
 * reported, the stems of a lollipop chart): they follow the scheme but need no 3:1.
 */
export const SURFACES = {
  band: { light: '#f0f0f0', dark: '#262626' },
  empty: { light: '#f4f4f4', dark: '#242424' },
  stem: { light: '#c8c8c8', dark: '#4a4a4a' },
  tint: { light: '#eef2f6', dark: '#1e2a36' },
} satisfies Record<string, SchemeColor>;

/** Text on a mark is one of these two in either scheme. */
export const INK = TEXT.ink.light;
export const PAPER = BACKGROUND.light;

export type Scheme = keyof SchemeColor;

export function categoryColor(category: string, scheme: Scheme = 'light'): string {
  return (CATEGORIES[category] ?? MARKS.fallback)[scheme];
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

/** Ink or paper, whichever reads better on the given fill. */
export function textColorOn(fill: string): string {
  return contrastRatio(fill, INK) >= contrastRatio(fill, PAPER) ? INK : PAPER;
}

/** The dark variant of a light colour the charts draw with (the colour itself if it has none). */
export function darkVariant(light: string): string {
  return SWAPS.find((c) => c.light.toLowerCase() === light.toLowerCase())?.dark ?? light;
}

/** The colour a fill shows at the given opacity over a background. */
export function blend(hex: string, opacity: number, background: string = PAPER): string {
  const channel = (i: number) => Math.round(parseInt(hex.slice(i, i + 2), 16) * opacity + parseInt(background.slice(i, i + 2), 16) * (1 - opacity));
  return `#${[1, 3, 5].map((i) => channel(i).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The text colour for a label on a mark of the given light colour (drawn at an opacity over the background), and
 * the class that turns it to the other one in dark mode when the mark's dark variant needs that: `t-ip` (ink in the
 * light scheme, paper in the dark one) or `t-pi`.
 */
export function onMark(light: string, opacity = 1): { fill: string; class?: string } {
  const fill = textColorOn(blend(light, opacity));
  const dark = textColorOn(blend(darkVariant(light), opacity, BACKGROUND.dark));
  return fill === dark ? { fill } : { fill, class: fill === INK ? 't-ip' : 't-pi' };
}

/** Every colour that changes with the scheme: marks and surfaces (attribute swaps) and chart text. */
const SWAPS: SchemeColor[] = [...Object.values(CATEGORIES), ...Object.values(MARKS), ...Object.values(SURFACES), TEXT.muted, TEXT.alert];

/** The stylesheet that swaps chart colours for their dark variants (see the comment at the top). */
export function paletteCss(): string {
  const seen = new Set<string>();
  const rules: string[] = [];
  for (const { light, dark } of SWAPS) {
    if (light === dark || seen.has(light)) continue;
    seen.add(light);
    const value = `light-dark(${light},${dark})`;
    rules.push(`svg [fill="${light}"]{fill:${value}}`, `svg [stroke="${light}"]{stroke:${value}}`);
  }
  // Strokes in the background colour that set marks apart (never fills: labels on marks may be paper-coloured).
  rules.push(`svg [stroke="${PAPER}"]{stroke:light-dark(${PAPER},${BACKGROUND.dark})}`);
  // Labels on marks whose dark variant needs the other text colour.
  rules.push(`.t-ip,.t-ip text{fill:light-dark(${INK},${PAPER})}`, `.t-pi,.t-pi text{fill:light-dark(${PAPER},${INK})}`);
  return `/* Generated by paletteCss() in src/charts/lib/palette.ts. */\n${rules.join('\n')}\n`;
}
