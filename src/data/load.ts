import path from 'node:path';
import { existsSync } from 'node:fs';
import { PAPER_DIR } from '../config.ts';
import { readInputFile } from './input-file.ts';
import { PAPER_TABLES, parsePaperFigures, type PaperFigures } from './paper.ts';
import { DataValidationError, type DataProblem, type Dataset } from './types.ts';
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

/** Read and validate every paper table in data/paper; throws DataValidationError listing every problem. */
export function loadPaperFigures(dir = path.resolve(PAPER_DIR)): PaperFigures {
  const texts: Record<string, string> = {};
  const unreadable: DataProblem[] = [];
  for (const schema of Object.values(PAPER_TABLES)) {
    const file = path.join(dir, schema.file);
    if (!existsSync(file)) continue; // reported as a missing file below
    const input = readInputFile(file, schema.file);
    if (input.text === undefined) unreadable.push(...input.problems);
    else texts[schema.file] = input.text;
  }
  if (unreadable.length) throw new DataValidationError(unreadable);
  const { figures, problems } = parsePaperFigures(texts);
  if (problems.length) throw new DataValidationError(problems);
  return figures;
}
