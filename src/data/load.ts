import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PAPER_DIR } from '../config.ts';
import { PAPER_TABLES, parsePaperFigures, type PaperFigures } from './paper.ts';
import { DataValidationError, type Dataset } from './types.ts';
import { FREQUENCIES_FILE, TREE_FILE, validateDataset } from './validate.ts';

/** Read, parse and validate the two CSVs in `dir`; throws DataValidationError listing every problem. */
export function loadDataset(dir: string): Dataset {
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  const { dataset, problems } = validateDataset(read(TREE_FILE), read(FREQUENCIES_FILE));
  if (!dataset) throw new DataValidationError(problems);
  return dataset;
}

/** Read and validate every paper table in data/paper; throws DataValidationError listing every problem. */
export function loadPaperFigures(dir = path.resolve(PAPER_DIR)): PaperFigures {
  const texts: Record<string, string> = {};
  for (const schema of Object.values(PAPER_TABLES)) {
    try {
      texts[schema.file] = readFileSync(path.join(dir, schema.file), 'utf8');
    } catch {
      // reported as a missing file below
    }
  }
  const { figures, problems } = parsePaperFigures(texts);
  if (problems.length) throw new DataValidationError(problems);
  return figures;
}

