import type { SiteData } from '../../data/site-data.ts';
import { provenance, scopeFigure, type Sourced } from '../../data/paper.ts';
import { bonferroniZ } from '../../data/stats.ts';
import { DATASET_SOURCE, paperNotes, paperSource, svgOf, type ChartDefinition } from '../definition.ts';
import { integer, percent } from '../format.ts';
import { serverDocument } from '../server-document.ts';
import { renderStudyFlow, studyFlowSummary, studyFlowTable, type FlowStep } from '../study-flow.ts';

const SCOPE_KEYS = ['conversations_sampled', 'subjective_conversations', 'subjective_share', 'subjectivity_accuracy', 'extraction_accuracy', 'significance_threshold'];

export function studySteps(data: SiteData): FlowStep[] {
  const fig = (key: string) => scopeFigure(data.paper, key);
  const sampled = fig('conversations_sampled');
  const subjective = fig('subjective_conversations');
  const count = (level: number) => data.taxonomy.nodes.filter((n) => n.level === level).length;
  const threshold = bonferroniZ(count(0));
  return [
    { title: `${integer(sampled.value as number)} conversations`, detail: 'Claude.ai Free and Pro, one week of February 2025', source: `Paper ${provenance(sampled)}` },
    {
      title: `${integer(subjective.value as number)} subjective (${percent(fig('subjective_share').value as number, 0)})`,
      detail: `Kept where answers involve judgement; classifier ${fig('subjectivity_accuracy').value}% accurate`,
      source: `Paper ${provenance(subjective)}; accuracy ${provenance(fig('subjectivity_accuracy'))}`,
    },
    { title: '4 features per conversation', detail: 'AI values · human values · response type · task', source: `Paper §3, grade A; values ${fig('extraction_accuracy').value}% accurate` },
    {
      title: `${integer(count(0))} values → ${count(1)} → ${count(2)} → ${count(3)}`,
      detail: 'Similar values clustered into a four-level taxonomy',
      source: 'Counted from the open dataset',
    },
    { title: 'Chi-square tests', detail: `Adjusted residuals; significant above ${threshold.toFixed(2)} (Bonferroni)`, source: `Threshold derived from the ${integer(count(0))} values; paper ${provenance(fig('significance_threshold'))}` },
  ];
}

export const studyFlow: ChartDefinition = {
  id: 'study-flow',
  title: 'How the study worked',
  embedHeight: 720,
  teaching: {
    shows: 'The pipeline from a week of real conversations to a taxonomy of values and the statistics run on it.',
    question: 'At which step could a mistake change the results most, and how did the researchers check it?',
  },
  view(data) {
    const steps = studySteps(data);
    const rows = SCOPE_KEYS.map((k) => scopeFigure(data.paper, k)) as (Sourced & Record<string, unknown>)[];
    return {
      takeaway: `Fewer than half of the sampled conversations were subjective enough to analyse; from those, a model extracted the values that became a ${data.taxonomy.categories.length}-category taxonomy.`,
      svg: svgOf(renderStudyFlow(steps, serverDocument())),
      summary: studyFlowSummary(steps),
      table: studyFlowTable(steps),
      sources: [paperSource(rows), ...DATASET_SOURCE],
      notes: paperNotes(rows, (r) => String(r.label)),
    };
  },
};
