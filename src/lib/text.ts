import { integer } from './format.ts';

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

const PLURAL_RULES = new Intl.PluralRules('en-US');

/** The noun that agrees with the count: "category" for 1, "categories" for 5 (and for 0 or 1.5, as English has it). */
export function pluralNoun(count: number, one: string, many = `${one}s`): string {
  return PLURAL_RULES.select(count) === 'one' ? one : many;
}

/** "1 category", "5 categories": the count with the noun that agrees with it. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${integer(count)} ${pluralNoun(count, one, many)}`;
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

/** Words set into lines that each `fit` (a word too long for any line gets a line of its own). */
export function wrap(text: string, fit: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && !fit(`${line} ${word}`)) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/**
 * A label on one line or, split at the space nearest its middle, on two, each line at most `width` wide as `measure`
 * gives it; undefined when neither fits.
 */
export function fitLines(text: string, width: number, measure: (line: string) => number): string[] | undefined {
  if (measure(text) <= width) return [text];
  const lines = splitInTwo(text);
  return lines?.every((line) => measure(line) <= width) ? lines : undefined;
}

/** Text split in two lines at the space nearest its middle (fitLines' second choice); undefined with no space. */
export function splitInTwo(text: string): [string, string] | undefined {
  const middle = text.length / 2;
  let at = -1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) if (at < 0 || Math.abs(i - middle) < Math.abs(at - middle)) at = i;
  return at < 0 ? undefined : [text.slice(0, at), text.slice(at + 1)];
}
