import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * A `.br` and a `.gz` beside every text file of a build, for hosts that serve precompressed files instead of
 * compressing each response (nginx `gzip_static`/`brotli_static`, Caddy `file_server { precompressed }`, sirv and
 * serve-static-style Node servers, Apache with rewrite rules): brotli saves about a quarter over gzip on the report's
 * HTML. Netlify, Cloudflare Pages, GitHub Pages and Vercel
 * compress on their own and ignore these files; set VITW_PRECOMPRESS=0 to leave them out (a third of the files).
 */
export const TEXT_EXTENSIONS = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.csv', '.webmanifest']);

const brotli = promisify(brotliCompress);
/**
 * Brotli's best quality (11) for files of 32 KiB and more (the report, the big data files: a few dozen, where a
 * reader's first load is), quality 7 for the thousands of small pages: 11 takes about ten times as long, and would
 * double the build's time at 1× (measured: 70 ms against 6 ms a value page, on a loaded machine).
 */
const BEST_FROM_BYTES = 32 * 1024;
const gz = promisify(gzip);

/** Whether a build writes the precompressed files (on unless VITW_PRECOMPRESS is 0, off or false). */
export function precompressWanted(env: Record<string, string | undefined> = process.env): boolean {
  return !/^(0|off|false|no)$/i.test(env.VITW_PRECOMPRESS ?? '');
}

async function textFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && TEXT_EXTENSIONS.has(path.extname(entry.name)) && !entry.name.startsWith('.')) files.push(path.join(entry.parentPath, entry.name));
  }
  return files;
}

/** Write file.br and file.gz beside every text file under `dir`; returns how many files and bytes it wrote. */
export async function precompress(dir: string, concurrency = 4): Promise<{ files: number; bytes: number }> {
  const queue = await textFiles(dir);
  let files = 0;
  let bytes = 0;
  const worker = async () => {
    for (let file = queue.pop(); file; file = queue.pop()) {
      const body = await readFile(file);
      const [br, gzipped] = await Promise.all([
        brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: body.length >= BEST_FROM_BYTES ? constants.BROTLI_MAX_QUALITY : 7, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        gz(body, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
      files += 2;
      bytes += br.length + gzipped.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { files, bytes };
}
