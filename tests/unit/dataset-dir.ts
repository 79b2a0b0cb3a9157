import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real dataset for tests: $VITW_DATA_DIR, else the shared copy beside the project. Never copied into the repo. */
export const realDatasetDir =
  process.env.VITW_DATA_DIR ?? path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/data/values-in-the-wild');
