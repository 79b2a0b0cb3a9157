/**
 * The site's settings in one place: where it is served, the paper, the dataset (pinned revision, files, licence) and
 * the environment variables that change where data comes from. Imports nothing, so every layer may import it.
 */

/** The public origin used in embed codes, citations and downloads when SITE_URL is not set (a local preview). */
export const DEFAULT_SITE_URL = 'http://localhost:4321';
export const SITE_URL_ENV = 'SITE_URL';
export const SITE_TITLE = 'Values in the Wild — an explorable report';

/** The origin the site is built for: Astro's `site` (from SITE_URL) or the local preview. */
export function siteOrigin(site?: URL | string): string {
  return new URL(site ?? DEFAULT_SITE_URL).origin;
}

/**
 * A build without SITE_URL is a local preview: the absolute addresses written into its files (course packs, oEmbed
 * answers, handouts, slides, citations) name the build machine and work only there.
 */
export function isLocalPreview(site?: URL | string): boolean {
  return siteOrigin(site) === siteOrigin(DEFAULT_SITE_URL);
}

/** How long (s) an oEmbed consumer may keep a chart's answer, and a host may cache it (it changes with a build). */
export const OEMBED_CACHE_AGE = 86400;

export const PAPER_URL = 'https://arxiv.org/abs/2504.15236';
export const PAPER_ID = 'arXiv:2504.15236';
export const PAPER_SHORT = 'Huang et al., “Values in the Wild” (2025)';

/** The open dataset this report is built from, pinned to one Hugging Face revision (see PROVENANCE.md). */
export const DATASET_REVISION = 'ab3f8507ad9513889edfbc5a9ec56b0072ae632c';
export const DATASET_PAGE = 'https://huggingface.co/datasets/Anthropic/values-in-the-wild';
export const DATASET_LICENSE = 'CC BY 4.0';
export const DATASET_LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';

/** Environment variable naming a local folder that already holds the two CSVs (skips the download). */
export const DATA_DIR_ENV = 'VITW_DATA_DIR';
/** Environment variable overriding the download cache folder (default data/cache). */
export const DATA_CACHE_ENV = 'VITW_CACHE_DIR';
/** Environment variable overriding where files are downloaded from (used by tests with a local server). */
export const DATA_BASE_URL_ENV = 'VITW_DATA_BASE_URL';
/** Environment variable naming a folder that holds DejaVu Sans, for the slide images (default: the npm package's). */
export const FONT_DIR_ENV = 'VITW_FONT_DIR';

export interface DatasetFile {
  name: 'values_tree.csv' | 'values_frequencies.csv';
  bytes: number;
  sha256: string;
}

export const DATASET_FILES: readonly DatasetFile[] = [
  {
    name: 'values_tree.csv',
    bytes: 440691,
    sha256: '614df191874375562c872cb15b4881040911e71028bda72254e882adfb768366',
  },
  {
    name: 'values_frequencies.csv',
    bytes: 82628,
    sha256: '9cb874631323a6124414963f46b5673526f3a77a6f62d1ca95d1ffaf508073ac',
  },
];

export const DEFAULT_BASE_URL = `${DATASET_PAGE}/resolve/${DATASET_REVISION}`;

export function fileUrl(file: DatasetFile, baseUrl = DEFAULT_BASE_URL): string {
  return `${baseUrl.replace(/\/$/, '')}/${file.name}`;
}

/**
 * Where the project keeps its data, relative to the project root (every command runs from there: npm scripts, the
 * Astro build, the tests). Not derived from import.meta.url, which points into the bundle during a build.
 */
export const CACHE_DIR = 'data/cache';
export const PAPER_DIR = 'data/paper';

type Env = Record<string, string | undefined>;

/** An environment setting, or undefined when it is unset, empty or only spaces: an empty setting means the default. */
function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** The local folder named by VITW_DATA_DIR, if any (the dataset is then used from there as it is). */
export function localDataDir(env: Env): string | undefined {
  return setting(env, DATA_DIR_ENV);
}

export const VALUE_PAGES_ENV = 'VITW_VALUE_PAGES';

/**
 * VITW_VALUE_PAGES=N: pages for the N most frequent values only, for data too large for a host's file limit (the
 * others are listed, with an anchor, on their cluster's page, and found by the search); unset: a page for every value.
 */
export function valuePagesLimit(env: Env): number | undefined {
  const text = setting(env, VALUE_PAGES_ENV);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`${VALUE_PAGES_ENV} must be a whole number of at least 1 (found ${JSON.stringify(text)}).`);
  return Number(text);
}

/** The download cache: VITW_CACHE_DIR, else data/cache. Relative paths are from the project root. */
export function cacheDir(env: Env): string {
  return setting(env, DATA_CACHE_ENV) ?? CACHE_DIR;
}

/** The folder the build reads the two CSVs from: VITW_DATA_DIR when set, else the download cache. */
export function datasetDir(env: Env): string {
  return localDataDir(env) ?? cacheDir(env);
}

/** The folder searched for the slide images' font: VITW_FONT_DIR when set, else `packaged` (never the system's fonts). */
export function fontDir(env: Env, packaged: string): string {
  return setting(env, FONT_DIR_ENV) ?? packaged;
}

/** Where the dataset is downloaded from: VITW_DATA_BASE_URL, else the pinned Hugging Face revision. */
export function dataBaseUrl(env: Env): string {
  return setting(env, DATA_BASE_URL_ENV) ?? DEFAULT_BASE_URL;
}
