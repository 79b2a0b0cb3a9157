// Fetch (or find) the dataset and validate it, with the figures transcribed from the paper. Runs before every build; exits non-zero with one clear message.
import { DatasetFetchError, ensureDataset } from '../src/data/fetch.ts';
import { loadDataset } from '../src/data/load.ts';
import { loadPaperFigures } from '../src/data/load.ts';
import { DataValidationError } from '../src/data/types.ts';

try {
  const dir = await ensureDataset({ log: (message) => console.log(message) });
  const dataset = loadDataset(dir);
  console.log(`Dataset OK in ${dir}: ${dataset.tree.numRows()} taxonomy rows, ${dataset.frequencies.numRows()} values.`);
  const paper = loadPaperFigures();
  console.log(`Paper figures OK: ${Object.values(paper).reduce((n, rows) => n + rows.length, 0)} rows in data/paper/.`);
} catch (error) {
  if (error instanceof DatasetFetchError || error instanceof DataValidationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
