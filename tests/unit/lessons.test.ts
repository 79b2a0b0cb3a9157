import { describe, expect, it, vi } from 'vitest';
import { CHARTS, chartById } from '../../src/charts/lib/registry.ts';
import { buildModel } from '../../src/data/model.ts';
import { loadDataset, loadPaperFigures } from '../../src/data/load.ts';
import { genericLesson, HANDOUT_TEXT, orderedChoices, studentText, type Lesson } from '../../src/lessons/lib/lesson.ts';
import { LESSONS, lessonFor, lessonOrGeneric } from '../../src/lessons/lib/registry.ts';
import { aboveGrade, readingLevel, syllables } from '../../src/lib/reading-level.ts';
import { realDatasetDir } from './dataset-dir.ts';
import { validateDataset } from '../../src/data/validate.ts';
import { HOSTILE_TEXTS, syntheticDataset } from '../fixtures/synthetic-dataset.ts';

const freshModel = () => buildModel(loadDataset(realDatasetDir), loadPaperFigures());
const model = freshModel();
const lessons: [string, Lesson][] = LESSONS.map((l) => [l.chartId, l.lesson(model)]);
const MAX_GRADE = 9;

describe('reading level (Flesch–Kincaid grade)', () => {
  it('counts syllables by rule well enough for plain words', () => {
    expect(['chart', 'value', 'makes', 'asked', 'wanted', 'table', 'helpfulness', 'conversation', 'over-represented'].map(syllables)).toEqual([1, 2, 1, 1, 2, 2, 3, 4, 6]);
  });

  it('rates a plain sentence low and a dense one high', () => {
    expect(readingLevel('The cat sat on the mat. It was warm.').grade).toBeLessThan(2);
    expect(readingLevel('Helpfulness appears in 23.4% of chats.').sentences).toBe(1);
  });

  it(`fails a deliberately hard sentence (the check can fail)`, () => {
    const hard = 'The heterogeneous distribution of anthropomorphic characteristics necessitates sophisticated methodological considerations regarding generalizability.';
    expect(aboveGrade([hard, 'Which value did Claude show most?'], MAX_GRADE).map((t) => t.text)).toEqual([hard]);
  });

  it(`keeps every handout's student text at grade ${MAX_GRADE} or below`, () => {
    const shared = [HANDOUT_TEXT.intro, ...HANDOUT_TEXT.prompts, HANDOUT_TEXT.choose, HANDOUT_TEXT.chooseOnScreen];
    expect(aboveGrade(shared, MAX_GRADE)).toEqual([]);
    for (const [id, lesson] of lessons) expect(aboveGrade(studentText(lesson), MAX_GRADE), id).toEqual([]);
  });
});

describe('lessons', () => {
  it('exist for every chart, one each', () => {
    expect(LESSONS.map((l) => l.chartId).sort()).toEqual(CHARTS.map((c) => c.id).sort());
    for (const chart of CHARTS) expect(lessonFor(chart.id).chartId).toBe(chart.id);
  });

  it('ask two or three questions at each level, with distinct choices and one right answer', () => {
    for (const [id, lesson] of lessons) {
      for (const level of [lesson.gettingStarted, lesson.goingFurther]) expect(level.length, id).toBeGreaterThanOrEqual(2);
      for (const level of [lesson.gettingStarted, lesson.goingFurther]) expect(level.length, id).toBeLessThanOrEqual(3);
      for (const q of [...lesson.gettingStarted, ...lesson.goingFurther].filter((q) => q.choices)) {
        const choices = orderedChoices(q.choices!);
        expect(new Set(choices.map((c) => c.text)).size, `${id}: ${q.ask}`).toBe(choices.length);
        expect(choices.filter((c) => c.right), `${id}: ${q.ask}`).toHaveLength(1);
        expect(choices.length).toBeGreaterThanOrEqual(2);
      }
      expect(lesson.goal && lesson.misconception.wrong && lesson.misconception.right, id).toBeTruthy();
      expect(lesson.discussion.length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('read their figures from the model', () => {
    const changed = freshModel();
    changed.value('accuracy')!.pctConvos = 7.77;
    expect(lessonFor('top-values').lesson(changed).misconception.wrong).toContain('7.8%');
    expect(lessons.find(([id]) => id === 'top-values')![1].misconception.wrong).toContain(`${model.value('accuracy')!.pctConvos.toFixed(1)}%`);
  });

  it('fit this build’s data: no chart falls back to the generic lesson', () => {
    for (const chart of CHARTS) expect(() => lessonFor(chart.id).lesson(model), chart.id).not.toThrow();
  });

  it('give way to the generic lesson, which claims no figure, when the data no longer bears out what a question says', () => {
    const changed = freshModel();
    for (const row of changed.paper.mirroring) row.pct_mirroring = row.response_type === 'support' ? 0.5 : 30;
    expect(() => lessonFor('mirroring').lesson(changed)).toThrow(/mirroring is rarest under strong resistance/);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fallback = lessonOrGeneric('mirroring', changed);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Lesson for mirroring: .*generic lesson/));
    warn.mockRestore();
    expect(fallback).toEqual(genericLesson(chartById('mirroring')));
    expect(JSON.stringify(fallback)).not.toMatch(/\d/);
    expect(aboveGrade(studentText(fallback), MAX_GRADE)).toEqual([]);
  });

  it('are written, own or generic, for a build from made-up, hostile data (nothing else goes wrong)', () => {
    const fixture = syntheticDataset({ names: HOSTILE_TEXTS, clusterNames: HOSTILE_TEXTS });
    const hostile = buildModel(validateDataset(fixture.tree, fixture.frequencies).dataset!, loadPaperFigures());
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const chart of CHARTS) expect(lessonOrGeneric(chart.id, hostile).gettingStarted.length, chart.id).toBeGreaterThan(0);
    warn.mockRestore();
  });

  it('order figure choices by size and names alphabetically', () => {
    expect(orderedChoices({ right: '22.9%', wrong: ['6.6%', '308,210'] }).map((c) => c.text)).toEqual(['6.6%', '22.9%', '308,210']);
    expect(orderedChoices({ right: 'b', wrong: ['c', 'a'] }).map((c) => c.right)).toEqual([false, true, false]);
  });
});
