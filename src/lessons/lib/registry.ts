import { chartById } from '../../charts/lib/registry.ts';
import { siteModel } from '../../data/model.ts';
import type { Model } from '../../data/model.ts';
import { genericLesson, LessonDataError, type Lesson, type LessonSource } from './lesson.ts';

/** One lesson per chart of the report, each in src/lessons/<chart id>.ts (tests/unit/lessons.test.ts checks that every chart has one). */
const MODULES = import.meta.glob<{ default: LessonSource }>('../*.ts', { eager: true });
export const LESSONS: readonly LessonSource[] = Object.values(MODULES).map((module) => module.default);

export function lessonFor(chartId: string): LessonSource {
  const lesson = LESSONS.find((l) => l.chartId === chartId);
  if (!lesson) throw new Error(`No lesson for the chart "${chartId}": write src/lessons/${chartId}.ts.`);
  return lesson;
}

/** A chart's lesson from this model, or the generic one (with a warning) when its own does not fit the data. */
export function lessonOrGeneric(chartId: string, model: Model): Lesson {
  try {
    return lessonFor(chartId).lesson(model);
  } catch (error) {
    if (!(error instanceof LessonDataError)) throw error;
    console.warn(`Lesson for ${chartId}: ${error.message}; using the generic lesson.`);
    return genericLesson(chartById(chartId));
  }
}

const lessons = new Map<string, Lesson>();

/** A chart's lesson with this build's figures, worked out once. */
export function siteLesson(chartId: string): Lesson {
  if (!lessons.has(chartId)) lessons.set(chartId, lessonOrGeneric(chartId, siteModel()));
  return lessons.get(chartId)!;
}
