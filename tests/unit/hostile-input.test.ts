import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS, MAX_ROWS } from '../../src/data/csv.ts';
import { loadPaperFigures } from '../../src/data/load.ts';
import { buildModel } from '../../src/data/model.ts';
import { DataValidationError, type DataProblem } from '../../src/data/types.ts';
import { validateDataset } from '../../src/data/validate.ts';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { chartView } from '../../src/charts/lib/view.ts';
import { CATEGORY_NAMES, syntheticDataset } from '../fixtures/synthetic-dataset.ts';

/**
 * Input made to break the build: floods under the size cap, look-alike names, control characters, noncharacters,
 * lone surrogates, and names that are also the keys of every JavaScript object. Each must be refused (or, for the
 * object keys, built) with a message naming the file, the line and the column.
 */
const TREE = 'values_tree.csv';
const FREQ = 'values_frequencies.csv';
const good = syntheticDataset();
const TREE_HEADER = 'cluster_id,description,name,level,parent_cluster_id,pct_total_occurrences';

function problemsOf(tree: string, frequencies: string): DataProblem[] {
  const result = validateDataset(tree, frequencies);
  expect(result.dataset).toBeUndefined();
  return result.problems;
}
const messages = (problems: DataProblem[]) => new DataValidationError(problems).message;

describe('floods under the 16 MiB cap are refused early, naming the line', () => {
  it('a flood of newlines: stops after the first problems instead of running out of memory', () => {
    const tree = `${TREE_HEADER}\n${'\n'.repeat(15 * 1024 * 1024)}`;
    const problems = problemsOf(tree, good.frequencies).filter((p) => p.file === TREE);
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[0]).toEqual({ file: TREE, line: 2, column: '(row)', found: 'an empty line', expected: 'a row of 6 fields (delete the line)' });
    expect(problems.at(-1)).toEqual({
      file: TREE, line: MAX_PROBLEMS + 1, column: '(file)', found: `${MAX_PROBLEMS} problems by this line`, expected: 'fewer problems: reading stopped here; fix these first',
    });
  });

  it('1.2 million short rows: refused at the row past the cap, with no stack overflow', () => {
    const frequencies = `value,pct_convos\n${'a,1\n'.repeat(1_200_000)}`;
    const problems = problemsOf(good.tree, frequencies).filter((p) => p.file === FREQ);
    expect(problems).toContainEqual({
      file: FREQ, line: MAX_ROWS + 2, column: '(file)', found: `more than ${MAX_ROWS.toLocaleString('en')} rows`,
      expected: `at most ${MAX_ROWS.toLocaleString('en')} rows (reading stopped here)`,
    });
    // 1.2 million rows of one field each in a six-column file: the first problems, then a stop.
    const tree = `${TREE_HEADER}\n${'x\n'.repeat(1_200_000)}`;
    const treeProblems = problemsOf(tree, good.frequencies).filter((p) => p.file === TREE);
    expect(treeProblems).toHaveLength(MAX_PROBLEMS + 1);
    expect(treeProblems[0]).toEqual({ file: TREE, line: 2, column: '(row)', found: '1 field', expected: '6 fields, one per column' });
  });

  it('rows that parse but each fail a check: stops after the first problems', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `v${i},,v${i},9,,0.1`).join('\n');
    const problems = problemsOf(`${TREE_HEADER}\n${rows}`, good.frequencies).filter((p) => p.file === TREE);
    expect(problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
    expect(problems.at(-1)!.expected).toBe('fewer problems: reading stopped here; fix these first');
  });
});

describe('look-alike names are refused, naming both lines', () => {
  const cases: [string, string[], string][] = [
    ['leading white space', ['helpfulness', ' helpfulness'], 'white space or invisible characters'],
    ['a space inside', ['helpfulness', 'help fulness'], 'white space or invisible characters'],
    ['a zero-width space', ['helpfulness', 'help\u200bfulness'], 'white space or invisible characters'],
    ['letter case', ['helpfulness', 'HELPFULNESS'], 'letter case'],
    ['NFKC: a ligature', ['fidelity', '\ufb01delity'], 'Unicode normalisation (NFKC)'],
    ['NFKC: full-width letters', ['clarity', '\uff43\uff4c\uff41\uff52\uff49\uff54\uff59'], 'Unicode normalisation (NFKC)'],
  ];
  for (const [what, names, how] of cases) {
    it(what, () => {
      const { tree, frequencies } = syntheticDataset({ names });
      const problems = problemsOf(tree, frequencies);
      expect(problems).toContainEqual({
        file: TREE, line: 3, column: 'name', found: expect.stringMatching(new RegExp(`which differs from "${names[0]}" on line 2 (\\(.*\\) )?only in ${how.replace(/[()]/g, '\\$&')}`)),
        expected: 'each value name once, ignoring letter case, white space, invisible characters and Unicode normalisation (NFKC)',
      });
    });
  }

  it('leading or trailing white space is refused on its own, in each file', () => {
    const { tree, frequencies } = syntheticDataset({ names: ['kindness ', ' honesty'] });
    const problems = problemsOf(tree, frequencies);
    expect(problems).toContainEqual({
      file: TREE, line: 2, column: 'name', found: '"kindness ", with trailing white space',
      expected: 'no white space before or after the text (it would read the same as a name without it)',
    });
    expect(problems).toContainEqual(expect.objectContaining({ file: TREE, line: 3, column: 'name', found: '" honesty", with leading white space' }));
    expect(problems).toContainEqual(expect.objectContaining({ file: FREQ, column: 'value', found: '" honesty", with leading white space' }));
  });

  it('cluster names are refused the same way (exact repeats stay allowed)', () => {
    const { tree, frequencies } = syntheticDataset({ clusterNames: ['methodical rigor', 'methodical\u200brigor'] });
    expect(problemsOf(tree, frequencies)).toContainEqual(expect.objectContaining({
      column: 'name', found: expect.stringContaining('only in white space or invisible characters (U+006D'),
      expected: 'cluster names that differ in more than letter case, white space, invisible characters or Unicode normalisation (NFKC)',
    }));
  });
});

describe('control characters, noncharacters and lone surrogates are refused, naming file, line and column', () => {
  const cases: [string, string, string][] = [
    ['U+0001 at the start (crashed the image renderer)', '\u0001helpfulness', 'a control character, U+0001, at character 1 of "\\u0001helpfulness"'],
    ['BEL', 'help\u0007fulness', 'a control character, U+0007, at character 5 of "help\\u0007fulness"'],
    ['a C1 control', 'help\u0085fulness', 'a control character, U+0085, at character 5'],
    ['DEL', 'help\u007ffulness', 'a control character, U+007F, at character 5'],
    ['a tab in a name', 'help\tfulness', 'a control character, U+0009, at character 5'],
    ['U+FFFE', 'help\ufffefulness', 'a noncharacter, U+FFFE, at character 5'],
    ['U+FFFF', 'helpfulness\uffff', 'a noncharacter, U+FFFF, at character 12'],
    ['a lone high surrogate', 'help\ud800fulness', 'a lone surrogate, U+D800, at character 5'],
    ['a lone low surrogate', 'help\udc00fulness', 'a lone surrogate, U+DC00, at character 5'],
  ];
  for (const [what, name, found] of cases) {
    it(what, () => {
      const { tree, frequencies } = syntheticDataset({ names: [name] });
      const problems = problemsOf(tree, frequencies);
      const expected = 'text without control characters, noncharacters or lone surrogates';
      for (const [file, column] of [[TREE, 'cluster_id'], [TREE, 'name'], [FREQ, 'value']] as const) {
        expect(problems).toContainEqual({ file, line: 2, column, found: expect.stringContaining(found), expected });
      }
      expect(messages(problems)).toContain(`${TREE}:2 column "name": found ${found}`);
    });
  }

  it('descriptions may hold a tab and line breaks, not other controls', () => {
    const tabbed = syntheticDataset({ descriptions: ['a\ttab', 'two\nlines', 'plain'] });
    expect(validateDataset(tabbed.tree, tabbed.frequencies).problems).toEqual([]);
    const belled = syntheticDataset({ descriptions: ['a\u0007bell', 'plain'] });
    expect(problemsOf(belled.tree, belled.frequencies)).toContainEqual(expect.objectContaining({
      file: TREE, column: 'description', found: 'a control character, U+0007, at character 2 of "a\\u0007bell"',
      expected: 'text without control characters (tab and line breaks aside), noncharacters or lone surrogates',
    }));
  });

  it('a surrogate pair (an emoji) is fine', () => {
    const { tree, frequencies } = syntheticDataset({ names: ['🤖 helpfulness'] });
    expect(validateDataset(tree, frequencies).problems).toEqual([]);
  });
});

describe('names that are also keys of every JavaScript object', () => {
  it('top categories named constructor, __proto__, toString, hasOwnProperty and valueOf: the model builds and every chart draws', () => {
    const categoryNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const { tree, frequencies } = syntheticDataset({ categoryNames, names: ['__proto__', 'constructor'], clusterNames: ['prototype', '__defineGetter__'] });
    const { dataset, problems } = validateDataset(tree, frequencies);
    expect(problems).toEqual([]);
    const model = buildModel(dataset!, loadPaperFigures());
    expect(model.categories.map((c) => c.category).sort()).toEqual([...categoryNames].sort());
    expect(model.value('__proto__')?.name).toBe('__proto__');
    for (const chart of CHARTS) {
      const view = chartView(chart, model);
      expect(view.svg, chart.id).toMatch(/^<svg/);
    }
    expect(CATEGORY_NAMES).toHaveLength(5);
  });
});

describe('a look-alike cannot take another value\'s page', () => {
  it('a name with punctuation at either end comes after the name it imitates for the shared slug', () => {
    const { tree, frequencies } = syntheticDataset({ names: ['-helpfulness', 'helpfulness!', 'helpfulness', '¡helpfulness'] });
    const { dataset, problems } = validateDataset(tree, frequencies);
    expect(problems).toEqual([]);
    const model = buildModel(dataset!, loadPaperFigures());
    expect(model.value('helpfulness')!.href).toBe('/values/helpfulness/');
    expect(['-helpfulness', 'helpfulness!', '¡helpfulness'].map((n) => model.value(n)!.slug).sort()).toEqual(['helpfulness-2', 'helpfulness-3', 'helpfulness-4']);
  });
});
