import type { Model } from '../../data/model.ts';
import type { Chart } from '../../charts/lib/contract.ts';
import { chartData } from '../../charts/lib/view.ts';

/**
 * One chart's lesson: what the teacher's page, the handout and the course pack say about it, written once, as a
 * function of the model so every figure in it comes from the data. Student text (questions and answers) is written for
 * a 14-year-old reader and measured (tests/unit/lessons.test.ts); teacher text is for adults.
 */
export interface Question {
  ask: string;
  /** The answer key's answer (and the question bank's feedback). */
  answer: string;
  /** For a question with one right answer read off the chart: it and wrong ones, all from the data. */
  choices?: { right: string; wrong: string[] };
}

export interface Lesson {
  /** What a student should be able to do after the lesson (teacher text). */
  goal: string;
  /** A wrong reading of the chart that students are likely to make, and the right one (teacher text). */
  misconception: { wrong: string; right: string };
  /** Questions for a class discussion (teacher text). */
  discussion: string[];
  /** Student questions, first level: reading the chart. */
  gettingStarted: Question[];
  /** Student questions, second level: reasoning about it. */
  goingFurther: Question[];
}

export interface LessonSource {
  /** The chart the lesson is about (src/charts/<chartId>.ts). */
  chartId: string;
  lesson(model: Model): Lesson;
}

export function defineLesson(source: LessonSource): LessonSource {
  return source;
}

/** The words every handout shares (student text, measured like the questions). */
export const HANDOUT_TEXT = {
  intro: 'Look at the chart for a minute before you write. A chat is one talk between a person and Claude, an AI helper.',
  prompts: ['What do you notice?', 'What do you wonder?'],
  gettingStarted: 'Getting started',
  goingFurther: 'Going further',
  answerKey: 'Answer key',
  choose: 'Circle one.',
  /** The same, on a page read on screen (the course pack's student page). */
  chooseOnScreen: 'Choose one.',
};

/** Every piece of student text in a lesson: its questions, choices' questions and answers. */
export function studentText(lesson: Lesson): string[] {
  return [...lesson.gettingStarted, ...lesson.goingFurther].flatMap((q) => [q.ask, q.answer]);
}

/** A chart's data from the model, typed as the chart selects it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dataOf<Data>(chart: Chart<Data, any>, model: Model): Data {
  return chartData(chart, model) as Data;
}

/** Thrown when the data lacks what a lesson's questions are about, or no longer bears out what they say. */
export class LessonDataError extends Error {}

/** What a question is about; the lesson cannot be written, naming it, if the data does not have it. */
export function required<T>(found: T | undefined, what: string): T {
  if (found === undefined) throw new LessonDataError(`the lesson needs ${what}, which the data does not have`);
  return found;
}

/** The row a question is about (see `required`). */
export function find<T>(rows: readonly T[], test: (row: T) => boolean, what: string): T {
  return required(rows.find(test), what);
}

/** A statement a question relies on ("bigger", "more than half"); the build stops if the data no longer bears it out. */
export function holds(condition: boolean, statement: string): void {
  if (!condition) throw new LessonDataError(`the lesson says "${statement}", which the data does not bear out`);
}

/**
 * The lesson for a chart whose own lesson does not fit the data it was built from (a test or a changed dataset):
 * questions that read any chart and claim nothing about the figures. The tests require every chart's own lesson to
 * fit the real data, so the site never ships this by accident.
 */
export function genericLesson(chart: { title: string; teaching: { question: string } }): Lesson {
  return {
    goal: `Students can say in their own words what “${chart.title}” shows, read one figure from it, and name something it cannot tell them.`,
    misconception: {
      wrong: '“The chart shows what Claude believes.”',
      right: 'It shows how often values were expressed in conversations, as a language model read them. It does not measure belief, sincerity or behaviour.',
    },
    discussion: [chart.teaching.question, 'What would you want to know about how these numbers were made before you trusted them?'],
    gettingStarted: [
      { ask: 'What is the chart about? Say it in one sentence.', answer: 'Answers vary. A good answer says what is counted and who it is about.' },
      { ask: 'Find the biggest number or the longest bar. What does it stand for?', answer: 'Answers vary. A good answer reads the label and the number, and says what the number counts.' },
    ],
    goingFurther: [
      { ask: 'What is one thing this chart cannot tell you?', answer: 'Answers vary. For example, it cannot tell you why a value came up, or if Claude acted on it.' },
      { ask: 'Write a question you could answer with this chart. Then answer it.', answer: 'Answers vary. Check that the chart really holds the answer.' },
    ],
  };
}

/** The choices in the order students see them: by size when they are figures, else alphabetically. */
export function orderedChoices(choices: NonNullable<Question['choices']>): { text: string; right: boolean }[] {
  const all = [choices.right, ...choices.wrong].map((text) => ({ text, right: text === choices.right }));
  const number = (text: string) => Number(text.replace(/[^\d.]/g, ''));
  const numeric = all.every((c) => /^[\d.,]+%?$/.test(c.text));
  return all.sort((a, b) => (numeric ? number(a.text) - number(b.text) : a.text.localeCompare(b.text)));
}
