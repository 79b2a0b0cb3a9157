import { integer, percent, percentAdaptive } from '../lib/format.ts';
import { capitalize, ordinal, plural } from '../lib/text.ts';
import type { ModelFacts } from './model-types.ts';
import { provenance, type Sourced } from './paper.ts';
import type { ValueNode } from './taxonomy.ts';

export interface Mention {
  text: string;
  source: string;
  /** Set for grade-C figures: shown with the mention, always. */
  caveat: string;
}

const mention = (text: string, row: Sourced): Mention => ({ text, source: provenance(row), caveat: row.confidence === 'C' ? row.caveat : '' });

/**
 * How a value traced to jailbreaks stands: in few conversations (the paper's sense of rare, each under its ceiling),
 * but rare among values only if it is in the long tail, the site's one definition of a rare value.
 */
function jailbreakStanding(model: ModelFacts, value: ValueNode): string {
  const conversations = model.scope('subjective_conversations').value;
  const few = `It appears in few conversations, ${percentAdaptive(value.pctConvos)} (about ${integer(Math.round((value.pctConvos / 100) * conversations))} of ${integer(conversations)}), under the paper’s ${model.jailbreakValues.ceiling}% for each`;
  const among = model.inLongTail(value)
    ? `it is also rare among values, in the long tail under ${model.longTail.cutoff}%`
    : `but it is not rare among values: it is commoner than ${percent(value.commonerThan)} of them, above the long tail’s ${model.longTail.cutoff}%`;
  return `${few}; ${among}.`;
}

/** Every figure transcribed from the paper that names this value (as Claude's value, or as a user's). */
export function paperMentions(model: ModelFacts, value: ValueNode): Mention[] {
  const { paper } = model;
  const { name } = value;
  const found: Mention[] = [];
  for (const r of paper.taskResiduals.filter((r) => r.ai_value === name)) {
    found.push(mention(r.residual === null ? `A characteristic value in ${r.task} conversations` : `Over-represented in ${r.task} conversations (adjusted residual ${r.residual})`, r));
  }
  for (const r of paper.variation.filter((r) => r.value === name)) {
    found.push(mention(`Coefficient of variation ${r.cv} for ${r.set} (lower = steadier)`, r));
  }
  for (const r of paper.valuePairs.filter((r) => r.ai_value === name || r.human_value === name)) {
    const figure = r.figure ? ` (${r.figure})` : '';
    found.push(mention(`${capitalize(r.pattern)}: a user’s “${r.human_value}” met by Claude’s “${r.ai_value}”${figure}`, r));
  }
  for (const r of paper.humanValues.filter((r) => r.value === name)) {
    found.push(mention(`Also among users’ own most common values: ${r.pct_convos}% of conversations`, r));
  }
  for (const r of paper.rareValues.filter((r) => r.value === name)) {
    found.push(
      mention(
        `One of the ${plural(paper.rareValues.length, 'value')} the study traced to attempts to get around Claude’s safeguards (jailbreaks, which the paper calls the most likely explanation). ${jailbreakStanding(model, value)}`,
        r,
      ),
    );
  }
  // The paper lists the values that stand out among the conversations with each kind of response: where a value turns
  // up, not how Claude usually answers it.
  for (const r of paper.responsePatterns.filter((r) => r.value === name)) {
    const text =
      r.role === 'user value'
        ? `As a user’s value: one of those the paper finds characteristic of the conversations in which Claude responded with ${r.response_type}. That says where the value turns up, not how Claude usually answers it: how often users who hold it met ${r.response_type} is not reported`
        : r.role === 'Claude value'
          ? `One of the values the paper finds characteristic of Claude’s replies in the conversations in which it responded with ${r.response_type}`
          : `One of the values Claude most often states explicitly. Explicit statements make up a larger part of Claude’s replies when it resists or reframes what a user wants than when it supports, as the paper reports; since resistance and reframing are a small share of conversations, that is a higher rate, which need not mean that most explicit statements are made there`;
    found.push(mention(text, r));
  }
  for (const r of paper.modelTopValues.filter((r) => r.value === name)) {
    found.push(mention(`${capitalize(ordinal(r.rank))} among the values of ${r.model}, in the paper’s comparison of models`, r));
  }
  return found;
}
