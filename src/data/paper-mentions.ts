import { capitalize, ordinal, plural } from '../lib/text.ts';
import { provenance, type PaperFigures, type Sourced } from './paper.ts';

export interface Mention {
  text: string;
  source: string;
  /** Set for grade-C figures: shown with the mention, always. */
  caveat: string;
}

const mention = (text: string, row: Sourced): Mention => ({ text, source: provenance(row), caveat: row.confidence === 'C' ? row.caveat : '' });

/** Every figure transcribed from the paper that names this value (as Claude's value, or as a user's). */
export function paperMentions(paper: PaperFigures, name: string): Mention[] {
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
        `One of the ${plural(paper.rareValues.length, 'rare value')} the study traced to attempts to get around Claude’s safeguards (jailbreaks, which the paper calls the most likely explanation)`,
        r,
      ),
    );
  }
  for (const r of paper.responsePatterns.filter((r) => r.value === name)) {
    const text =
      r.role === 'user value'
        ? `As a user’s value: one that Claude typically meets with ${r.response_type}`
        : r.role === 'Claude value'
          ? `A value Claude’s replies show when it responds to users with ${r.response_type}`
          : `One of the values Claude states explicitly, mostly when it resists or reframes what a user wants`;
    found.push(mention(text, r));
  }
  for (const r of paper.modelTopValues.filter((r) => r.value === name)) {
    found.push(mention(`${capitalize(ordinal(r.rank))} among the values of ${r.model}, in the paper’s comparison of models`, r));
  }
  return found;
}
