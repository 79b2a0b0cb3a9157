/** Cut text to at most `max` characters, ending in an ellipsis when cut (labels that must fit a chart's margin). */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * About how wide text is set in a sans-serif at `fontSize` px, without a browser to measure it (the build has none):
 * narrow letters, wide letters and the rest get typical widths. Good to a few pixels for labels.
 */
export function approximateWidth(text: string, fontSize = 12): number {
  let ems = 0;
  // Widths of DejaVu Sans, the widest common fallback for system-ui, so that a label that fits here fits everywhere.
  for (const c of text) ems += /[ijl.,:;'|!]/.test(c) ? 0.28 : /[ft() ]/.test(c) ? 0.36 : /[mwMW@%]/.test(c) ? 0.9 : /[A-Z0-9]/.test(c) ? 0.68 : 0.6;
  return ems * fontSize;
}

/**
 * About how wide text is under WCAG 1.4.12's text spacing, which a reader may set (letters 0.12 em and words 0.16 em
 * further apart): for labels that must still fit where they are drawn.
 */
export function spacedWidth(text: string, fontSize = 12): number {
  return approximateWidth(text, fontSize) + [...text].length * 0.12 * fontSize + (text.split(' ').length - 1) * 0.16 * fontSize;
}

/** Cut text with an ellipsis so that it fits `width` px at `fontSize`, as `measure` estimates (approximateWidth). */
export function truncateToWidth(text: string, width: number, fontSize = 12, measure: (text: string, fontSize: number) => number = approximateWidth): string {
  if (measure(text, fontSize) <= width) return text;
  let cut = text;
  while (cut.length > 1 && measure(`${cut}…`, fontSize) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1 category", "5 categories": the noun agrees with the count. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** 1 → "first", 12 → "12th": ranks as prose reads them. */
export function ordinal(n: number): string {
  if (ORDINALS[n - 1]) return ORDINALS[n - 1]!;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** What goes before item `i` of `count` in a list set in prose: "", ", " … and " and " (or " or ") before the last. */
export function listSeparator(i: number, count: number, conjunction: 'and' | 'or' = 'and'): string {
  return i === 0 ? '' : i === count - 1 ? ` ${conjunction} ` : ', ';
}
