/**
 * One colour per top-level category, used by every chart on the site. Okabe & Ito's palette, chosen to stay
 * distinguishable with the common forms of colour blindness; every coloured mark also carries a text label.
 */
export const CATEGORY_COLORS: Record<string, string> = {
  'Practical values': '#0072B2',
  'Epistemic values': '#E69F00',
  'Social values': '#009E73',
  'Protective values': '#D55E00',
  'Personal values': '#CC79A7',
};

const FALLBACK_COLOR = '#767676';
export const INK = '#1a1a1a';
export const PAPER = '#ffffff';

export function categoryColor(category: string): string {
  return CATEGORY_COLORS[category] ?? FALLBACK_COLOR;
}

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
