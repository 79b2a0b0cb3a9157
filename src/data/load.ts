import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataValidationError, type Dataset } from './types.ts';
import { FREQUENCIES_FILE, TREE_FILE, validateDataset } from './validate.ts';

/** Read, parse and validate the two CSVs in `dir`; throws DataValidationError listing every problem. */
export function loadDataset(dir: string): Dataset {
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  const { dataset, problems } = validateDataset(read(TREE_FILE), read(FREQUENCIES_FILE));
  if (!dataset) throw new DataValidationError(problems);
  return dataset;
}
