import path from 'node:path';
import { readInputFile } from './input-file.ts';
import { DataValidationError, type Dataset } from './types.ts';
import { FREQUENCIES_FILE, TREE_FILE, validateDataset } from './validate.ts';

/**
 * Read, parse and validate the two CSVs in `dir`; throws DataValidationError listing every problem, including a file
 * that is missing, a directory, too large, empty or not UTF-8 (never a raw file-system error).
 */
export function loadDataset(dir: string): Dataset {
  const tree = readInputFile(path.join(dir, TREE_FILE), TREE_FILE);
  const frequencies = readInputFile(path.join(dir, FREQUENCIES_FILE), FREQUENCIES_FILE);
  if (tree.text === undefined || frequencies.text === undefined) throw new DataValidationError([...tree.problems, ...frequencies.problems]);
  const { dataset, problems } = validateDataset(tree.text, frequencies.text);
  if (!dataset) throw new DataValidationError(problems);
  return dataset;
}
