import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { localDataDir } from '../../src/config.ts';

/** The real dataset for tests: $VITW_DATA_DIR (read like the build reads it), else the shared copy beside the project. Never copied into the repo. */
export const realDatasetDir =
  localDataDir(process.env) ?? path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/data/values-in-the-wild');
