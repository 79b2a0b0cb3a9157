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
 * RFC 4180 CSV: strips a UTF-8 BOM, accepts CRLF or LF, quoted fields with commas, doubled quotes and line breaks,
 * and a missing final newline. Records the line each record starts on, so later checks can point at it.
 * Kept by hand on purpose: every record keeps the line it starts on (a quoted field may span lines), so the checks
 * after it name the file, line and column of a bad value, with what was found and what was expected, and collect
 * every problem rather than stopping at the first. The CSV libraries we looked at give no such line-and-column
 * errors (d3-dsv reports none at all), so this stays ours while the zip, XML and static-server code went to libraries.
 */
export function parseCsv(text: string, file: string): ParsedCsv {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: DataProblem[] = [];
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let quoteStartLine = 0;

  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, values: fields });
    fields = [];
    field = '';
  };

  while (i < input.length) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteStartLine = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' && input[i + 1] === '\n') {
      // CRLF: the \n below ends the record.
    } else if (c === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
    i++;
  }
  if (quoted) {
    problems.push({ file, line: quoteStartLine, column: '(row)', found: 'a quoted field that never closes', expected: 'a closing double quote' });
  }
  if (field !== '' || fields.length > 0) endRecord();

  const [header, ...rows] = records;
  const columns = header?.values ?? [];
  for (const row of rows) {
    if (row.values.length === columns.length) continue;
    if (row.values.length === 1 && row.values[0]!.trim() === '') {
      const found = row.values[0] === '' ? 'an empty line' : 'a line with only white space';
      problems.push({ file, line: row.line, column: '(row)', found, expected: `a row of ${columns.length} fields (delete the line)` });
    } else {
      const fields = (n: number) => plural(n, 'field');
      problems.push({ file, line: row.line, column: '(row)', found: fields(row.values.length), expected: `${fields(columns.length)}, one per column` });
    }
  }
  return { columns, rows: rows.filter((r) => r.values.length === columns.length), problems };
}
