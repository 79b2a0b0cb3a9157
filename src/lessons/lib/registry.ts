import { siteModel } from '../../data/model.ts';
import type { Lesson, LessonSource } from './lesson.ts';
import studyFlow from '../study-flow.ts';
import taxonomySunburst from '../taxonomy-sunburst.ts';
import categoryShares from '../category-shares.ts';
import topValues from '../top-values.ts';
import longTail from '../long-tail.ts';
import valueFamily from '../value-family.ts';
import stableCore from '../stable-core.ts';
import contextHeatmap from '../context-heatmap.ts';
import humanVsAi from '../human-vs-ai.ts';
import valuePairs from '../value-pairs.ts';
import responseTypes from '../response-types.ts';
import mirroring from '../mirroring.ts';
import modelVariants from '../model-variants.ts';
import rareValues from '../rare-values.ts';

/** One lesson per chart of the report (tests/unit/lessons.test.ts checks that every chart has one). */
export const LESSONS: readonly LessonSource[] = [
  studyFlow,
  taxonomySunburst,
  categoryShares,
  topValues,
  longTail,
  valueFamily,
  stableCore,
  contextHeatmap,
  humanVsAi,
  valuePairs,
  responseTypes,
  mirroring,
  modelVariants,
  rareValues,
];

export function lessonFor(chartId: string): LessonSource {
  const lesson = LESSONS.find((l) => l.chartId === chartId);
  if (!lesson) throw new Error(`No lesson for the chart "${chartId}": add src/lessons/${chartId}.ts and list it in LESSONS.`);
  return lesson;
}

const lessons = new Map<string, Lesson>();

/** A chart's lesson with this build's figures, worked out once. */
export function siteLesson(chartId: string): Lesson {
  if (!lessons.has(chartId)) lessons.set(chartId, lessonFor(chartId).lesson(siteModel()));
  return lessons.get(chartId)!;
}
