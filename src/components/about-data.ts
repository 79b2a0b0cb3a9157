import type { Model } from '../data/model.ts';
import { integer } from '../charts/lib/format.ts';

/** The sample and method behind every chart, for its "About this data" panel, with each figure read from the model. */
export function aboutStudy(model: Model): { sample: string; method: string } {
  const subjective = model.scope('subjective_conversations').value;
  // The main sample's dates are recorded in its row of the model-samples table (the one with this many conversations),
  // followed by a note in brackets.
  const period = model.paper.modelSamples.find((row) => row.subjective === subjective)?.period?.replace(/\s*\(.*\)$/, '');
  if (!period) throw new Error(`data/paper/model-samples.csv has no dated row with ${subjective} subjective conversations (scope.csv subjective_conversations)`);
  const [values, level1, level2, categories] = model.taxonomy.levelCounts.map(integer);
  return {
    sample: `${integer(subjective)} subjective conversations of ${integer(model.scope('conversations_sampled').value)} sampled on Claude.ai, ${period}.`,
    method: `Claude read each conversation privately and named the values expressed; Claude’s ${values} values were grouped into ${level1} clusters, ${level2} broader ones and ${categories} categories. A value counts once per conversation.`,
  };
}
