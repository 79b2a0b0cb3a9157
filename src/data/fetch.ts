import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir as cacheDirOf, dataBaseUrl, DATA_DIR_ENV, DATASET_FILES, fileUrl, localDataDir, type DatasetFile } from '../config.ts';

export class DatasetFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetFetchError';
  }
}

const DEFAULT_TIMEOUT_MS = 60_000;

const LOCAL_COPY_HINT =
  `To build from a local copy instead, set ${DATA_DIR_ENV} to a folder holding ` +
  `${DATASET_FILES.map((f) => f.name).join(' and ')}, e.g. ${DATA_DIR_ENV}=../shared/data/values-in-the-wild npm start`;

export interface EnsureDatasetOptions {
  env?: NodeJS.ProcessEnv;
  cacheDir?: string;
  baseUrl?: string;
  timeoutMs?: number;
  log?: (message: string) => void;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Make sure both dataset files are on disk and return their folder: the folder in $VITW_DATA_DIR as it is, or the
 * cache, downloading from the pinned revision what is missing. A download is written to a temporary file, checked
 * (length and sha256), and only then renamed into the cache, so a bad or partial download never lands.
 */
export async function ensureDataset(options: EnsureDatasetOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const localDir = localDataDir(env);
  if (localDir) return useLocalCopy(path.resolve(localDir), log);

  const cacheDir = path.resolve(options.cacheDir || cacheDirOf(env));
  const baseUrl = options.baseUrl || dataBaseUrl(env);
  mkdirSync(cacheDir, { recursive: true });
  for (const file of DATASET_FILES) {
    const target = path.join(cacheDir, file.name);
    if (existsSync(target)) {
      if (!statSync(target).isFile()) throw new DatasetFetchError(`${target} is not a file (a directory?); expected the cached ${file.name}, or nothing there. Remove it and try again.`);
      if (matchesPin(target, file)) continue;
      log(`${target} does not match its pinned checksum; downloading it again.`);
      rmSync(target);
    }
    await download(file, fileUrl(file, baseUrl), target, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    log(`Downloaded ${file.name} (${file.bytes} bytes, sha256 verified).`);
  }
  return cacheDir;
}

function useLocalCopy(dir: string, log: (message: string) => void): string {
  for (const file of DATASET_FILES) {
    const local = path.join(dir, file.name);
    if (!existsSync(local)) {
      throw new DatasetFetchError(`${DATA_DIR_ENV} points at ${dir}, but ${file.name} is not there. ${LOCAL_COPY_HINT}`);
    }
    if (!matchesPin(local, file)) {
      log(`Note: ${local} differs from the pinned revision (fine for test fixtures; the build validates it).`);
    }
  }
  return dir;
}

/** Whether a file is the pinned one: a regular file of the pinned size (checked before reading) and checksum. */
function matchesPin(target: string, file: DatasetFile): boolean {
  const info = statSync(target);
  return info.isFile() && info.size === file.bytes && sha256(readFileSync(target)) === file.sha256;
}

async function download(file: DatasetFile, url: string, target: string, timeoutMs: number): Promise<void> {
  const fail = (what: string) => new DatasetFetchError(`Could not download the dataset from ${url}: ${what}. ${LOCAL_COPY_HINT}`);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) throw fail(`HTTP ${response.status} ${response.statusText}`.trim());
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof DatasetFetchError) throw error;
    if (controller.signal.aborted) throw fail(`no complete response within ${timeoutMs / 1000} s (timed out)`);
    const cause = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
    throw fail(`network error: ${cause}`);
  } finally {
    clearTimeout(timer);
  }
  if (bytes.length !== file.bytes) throw fail(`truncated or wrong size: got ${bytes.length} of ${file.bytes} bytes`);
  const digest = sha256(bytes);
  if (digest !== file.sha256) throw fail(`checksum mismatch: sha256 ${digest}, expected ${file.sha256}`);

  const temporary = `${target}.${randomUUID()}.part`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}
