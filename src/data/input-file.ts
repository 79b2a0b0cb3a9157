import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DataProblem } from './types.ts';

/**
 * The largest input file read, checked (stat) before reading: 16 MiB. The published files are 440,691 bytes
 * (values_tree.csv) and 82,628 bytes (values_frequencies.csv), the paper figures a few KB each; a file far larger is
 * not the dataset, and reading it whole could exhaust memory.
 */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** Byte-order marks of encodings other than UTF-8, longest first (UTF-32 LE starts like UTF-16 LE). */
const FOREIGN_BOMS: [string, number[]][] = [
  ['UTF-32 LE', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32 BE', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16 LE', [0xff, 0xfe]],
  ['UTF-16 BE', [0xfe, 0xff]],
];

const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
const SAVE_AS_UTF8 = 'UTF-8 text (save the file as UTF-8)';

export interface InputText {
  /** The decoded text, or undefined when the file cannot be read as UTF-8 text. */
  text?: string;
  problems: DataProblem[];
}

/**
 * Read an input file as UTF-8 text, refusing with a precise problem, and never a raw exception: a missing path, a
 * directory, a file over MAX_INPUT_BYTES (checked before reading), an empty file, and text that is not UTF-8 (a
 * UTF-16/UTF-32 byte-order mark, NUL bytes, or invalid UTF-8, with the line it is on).
 */
export function readInputFile(filePath: string, file = path.basename(filePath), maxBytes = MAX_INPUT_BYTES): InputText {
  const problem = (found: string, expected: string, line = 0, column = '(file)'): InputText => ({
    problems: [{ file, line, column, found, expected }],
  });
  let info;
  try {
    info = statSync(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return problem(code === 'ENOENT' ? `no file at ${filePath}` : `a path that cannot be read (${code})`, 'the file');
  }
  if (info.isDirectory()) return problem(`a directory at ${filePath}`, 'a file');
  if (!info.isFile()) return problem(`something that is not a regular file at ${filePath}`, 'a file');
  if (info.size > maxBytes) {
    return problem(`a file of ${info.size.toLocaleString('en')} bytes`, `at most ${maxBytes.toLocaleString('en')} bytes`);
  }
  if (info.size === 0) return problem('nothing: the file is empty (0 bytes)', 'a header line and one row per line');
  return decodeInput(readFileSync(filePath), file);
}

/** Decode bytes that must be UTF-8 text (an optional UTF-8 byte-order mark is kept; the CSV parser strips it). */
export function decodeInput(bytes: Uint8Array, file: string): InputText {
  const problem = (found: string, line = 0): InputText => ({
    problems: [{ file, line, column: '(encoding)', found, expected: SAVE_AS_UTF8 }],
  });
  for (const [encoding, bom] of FOREIGN_BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return problem(`${encoding} text (it starts with the byte-order mark ${hex(bom)})`);
  }
  const lineOf = (offset: number) => {
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    return line;
  };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return problem('a NUL byte (0x00), as in UTF-16 text without a byte-order mark', lineOf(nul));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
    return problem(
      `a byte that is not UTF-8 (0x${hex([bytes[offset]!])} at byte ${offset - lineStart + 1} of the line; Latin-1 or Windows-1252 text?)`,
      lineOf(offset),
    );
  }
  if (text.replace(/^\ufeff/, '').trim() === '') return { problems: [{ file, line: 0, column: '(file)', found: 'nothing: the file is empty (only white space)', expected: 'a header line and one row per line' }] };
  return { text, problems: [] };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (bytes.length if there is none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (length > 1) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
      } catch {
        return i;
      }
    }
    i += length;
  }
  return bytes.length;
}
