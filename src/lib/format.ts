/** Number formats shared by the data layer, charts, tables and prose, so one figure reads the same everywhere. */
export function percent(value: number, digits = 1): string {
  return `${percentFigure(value, digits)}%`;
}

/** The figure percent() prints, without its sign: a range's first end, or a table cell that shows what the text says. */
export function percentFigure(value: number, digits = 1): string {
  return value.toFixed(digits);
}

/** Small percentages keep enough digits to be told apart (0.003% rather than 0.0%). */
export function percentAdaptive(value: number): string {
  if (value >= 10) return percent(value, 1);
  if (value >= 1) return percent(value, 2);
  return percent(value, 3);
}

/**
 * A count with en-US thousands separators ("3,307"). Whole numbers are grouped by hand, as toLocaleString('en-US')
 * would: a browser's first Intl number format loads its locale data, about 30 ms (120 ms at CPU ×4) at the moment a
 * reader taps the atlas. Anything else is left to toLocaleString.
 */
export function integer(value: number): string {
  if (!Number.isSafeInteger(value)) return value.toLocaleString('en-US');
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}


const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A count as prose writes it: in words up to twelve ("five"), in digits above ("1,204"). */
export function numberWord(value: number): string {
  return NUMBER_WORDS[value] ?? integer(value);
}
