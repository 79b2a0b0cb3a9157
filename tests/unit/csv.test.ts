import { describe, expect, it } from 'vitest';
import { csvField, tableToCsv } from '../../src/charts/lib/csv.ts';
import { parseCsv } from '../../src/data/csv.ts';

describe('CSV a spreadsheet opens safely', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['+1+cmd|calc', "'+1+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('neutralises %j', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it('keeps numbers numbers, negative ones and numeric text included', () => {
    expect(csvField(-0.25)).toBe('-0.25');
    expect(csvField('-0.25')).toBe('-0.25');
    expect(csvField('+3')).toBe('+3');
    expect(csvField(1e-5)).toBe('0.00001');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a, b')).toBe('"a, b"');
  });

  it('round-trips through a CSV reader as the neutralised text', () => {
    const csv = tableToCsv(
      { columns: [{ key: 'name', label: 'Name' }, { key: 'n', label: 'N' }], rows: [{ name: '=1+1', n: -3 }, { name: 'ok', n: 2 }] },
      ['title'],
    );
    const parsed = parseCsv(csv.split('\n').filter((l) => !l.startsWith('#')).join('\n'), 'test.csv');
    expect(parsed.columns).toEqual(['name', 'n']);
    expect(parsed.rows.map((r) => r.values)).toEqual([["'=1+1", '-3'], ['ok', '2']]);
  });
});
