import { plural } from '../lib/text.ts';
import type { DataProblem } from './types.ts';

export interface CsvRecord {
  /** 1-based line where the record starts (the header is line 1). */
  line: number;
  values: string[];
}

export interface ParsedCsv {
  columns: string[];
  rows: CsvRecord[];
  problems: DataProblem[];
}

/**
 * The most data rows a file may hold: the published files have 3,603 and 3,307, and a synthetic dataset at 30× their
 * size about 108,000. A file far longer is not the dataset; refusing it at this row keeps memory bounded.
 */
export const MAX_ROWS = 250_000;
/**
 * Problems reported per file before reading stops: enough to show a pattern, few enough that a file of a million
 * empty lines cannot fill memory with problems.
 */
export const MAX_PROBLEMS = 50;

/** Append without spreading (a spread of a long list into push() overflows the call stack). */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

const fields = (n: number) => plural(n, 'field');

/**
 * RFC 4180 CSV, one record at a time: strips a UTF-8 BOM, accepts CRLF or LF, quoted fields with commas, doubled
 * quotes and line breaks, and a missing final newline. Records the line each record starts on, so later checks can
 * point at it. The first record is the header; rows with the wrong number of fields are reported in `problems` and
 * not yielded. Reading stops, with a problem naming the line, past MAX_ROWS rows or MAX_PROBLEMS problems, so no input
 * (a flood of empty lines, a million short rows) makes memory grow with the file.
 * Kept by hand on purpose: every record keeps the line it starts on (a quoted field may span lines), so the checks
 * after it name the file, line and column of a bad value, with what was found and what was expected, and collect
 * every problem rather than stopping at the first. The CSV libraries we looked at give no such line-and-column
 * errors (d3-dsv reports none at all), so this stays ours while the zip, XML and static-server code went to libraries.
 */
export function* csvRecords(text: string, file: string, problems: DataProblem[], limits = { rows: MAX_ROWS, problems: MAX_PROBLEMS }): Generator<CsvRecord, void, undefined> {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const length = input.length;
  const startProblems = problems.length;
  let line = 1;
  let i = 0;
  let columns = -1;
  let rows = 0;
  const ownProblems = () => problems.length - startProblems;

  while (i < length) {
    const recordLine = line;
    const values: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value: string;
      if (input.charCodeAt(i) === 0x22 /* " */) {
        const quoteStartLine = line;
        let parts = '';
        let from = i + 1;
        for (;;) {
          const close = input.indexOf('"', from);
          if (close < 0) {
            problems.push({ file, line: quoteStartLine, column: '(row)', found: 'a quoted field that never closes', expected: 'a closing double quote' });
            return;
          }
          parts += input.slice(from, close);
          if (input.charCodeAt(close + 1) === 0x22) {
            parts += '"';
            from = close + 2;
            continue;
          }
          i = close + 1;
          break;
        }
        for (let n = parts.indexOf('\n'); n >= 0; n = parts.indexOf('\n', n + 1)) line++;
        value = parts;
        // Text after the closing quote, up to the next separator, is kept (as the previous parser did).
        const end = nextSeparator(input, i);
        value += input.slice(i, end);
        i = end;
      } else {
        const end = nextSeparator(input, i);
        value = input.slice(i, end);
        i = end;
      }
      values.push(value);
      const c = input.charCodeAt(i);
      if (c === 0x2c /* , */) {
        i++;
        if (i >= length) values.push('');
        else continue;
      }
      if (c === 0x0d && input.charCodeAt(i + 1) === 0x0a) i += 2;
      else if (c === 0x0a) i++;
      line++;
      endOfRecord = true;
    }
    if (columns < 0) {
      columns = values.length;
      yield { line: recordLine, values };
      continue;
    }
    if (values.length === columns) {
      if (++rows > limits.rows) {
        problems.push({ file, line: recordLine, column: '(file)', found: `more than ${limits.rows.toLocaleString('en')} rows`, expected: `at most ${limits.rows.toLocaleString('en')} rows (reading stopped here)` });
        return;
      }
      yield { line: recordLine, values };
    } else if (values.length === 1 && values[0]!.trim() === '') {
      const found = values[0] === '' ? 'an empty line' : 'a line with only white space';
      problems.push({ file, line: recordLine, column: '(row)', found, expected: `a row of ${fields(columns)} (delete the line)` });
    } else {
      problems.push({ file, line: recordLine, column: '(row)', found: fields(values.length), expected: `${fields(columns)}, one per column` });
    }
    if (ownProblems() >= limits.problems) {
      problems.push({ file, line: recordLine, column: '(file)', found: `${limits.problems} problems by this line`, expected: 'fewer problems: reading stopped here; fix these first' });
      return;
    }
  }
}

/** The index of the next comma, CR+LF or LF from `from` (or the end of the text). */
function nextSeparator(input: string, from: number): number {
  for (let j = from; j < input.length; j++) {
    const c = input.charCodeAt(j);
    if (c === 0x2c || c === 0x0a || (c === 0x0d && input.charCodeAt(j + 1) === 0x0a)) return j;
  }
  return input.length;
}

/** The whole file at once, for small files (paper tables, downloads in tests): the header, the good rows, the problems. */
export function parseCsv(text: string, file: string): ParsedCsv {
  const problems: DataProblem[] = [];
  const rows: CsvRecord[] = [];
  let columns: string[] | undefined;
  for (const record of csvRecords(text, file, problems)) {
    if (columns) rows.push(record);
    else columns = record.values;
  }
  return { columns: columns ?? [], rows, problems };
}
