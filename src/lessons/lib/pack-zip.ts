import { unzipSync, zipSync } from 'fflate';

/** A file of the course pack: its path inside the zip and its contents. */
export interface PackFile {
  name: string;
  data: Uint8Array | string;
}

/** Every entry carries this date (1 January 1980, the earliest a zip can say), so the same files make the same bytes. */
const FIXED_DATE = new Date(1980, 0, 1);

/** The files as a zip (deflated; UTF-8 names flagged), with fflate. */
export function zipPack(files: PackFile[]): Uint8Array<ArrayBuffer> {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const { name, data } of files) {
    if (name in entries) throw new Error(`The course pack names ${name} twice`);
    entries[name] = [typeof data === 'string' ? new TextEncoder().encode(data) : data, { mtime: FIXED_DATE }];
  }
  return zipSync(entries, { level: 9 }) as Uint8Array<ArrayBuffer>;
}

/** The files in a zip, by name, read with fflate. */
export function unzipPack(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}
