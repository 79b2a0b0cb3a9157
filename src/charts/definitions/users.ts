import type { SiteData } from '../../data/site-data.ts';
import { provenance, type Sourced } from '../../data/paper.ts';
import { DATASET_SOURCE, paperNotes, paperSource, svgOf, type ChartDefinition } from '../definition.ts';
import { percent } from '../format.ts';
import { humanVsAiSummary, humanVsAiTable, leaderRatio, renderHumanVsAi, type TopValueOf } from '../human-vs-ai.ts';
import { mirroringSummary, mirroringTable, renderMirroring, type MirroringRate } from '../mirroring.ts';
import { modelVariantsSummary, modelVariantsTable, renderModelVariants, type ModelMetric } from '../model-variants.ts';
import { renderResponseTypes, responseTypesSummary, responseTypesTable, type ResponseType } from '../response-types.ts';
import { serverDocument } from '../server-document.ts';
import { renderValuePairs, valuePairsSummary, valuePairsTable, type ValuePair } from '../value-pairs.ts';

export function humanVsAiRows(data: SiteData): TopValueOf[] {
  const human = data.paper.humanValues.map((r): TopValueOf => ({ who: 'Users (human values)', value: String(r.value), pct: r.pct_convos as number, category: '', source: provenance(r) }));
  const ai = data.taxonomy.nodes
    .filter((n) => n.level === 0)
    .sort((a, b) => a.rank! - b.rank!)
    .slice(0, human.length)
    .map((n): TopValueOf => ({ who: 'Claude (AI values)', value: n.name, pct: n.pctConvos!, category: n.category, source: 'Open dataset' }));
  return [...human, ...ai];
}

export const humanVsAi: ChartDefinition = {
  id: 'human-vs-ai',
  title: 'What users bring, beside what Claude brings',
  embedHeight: 720,
  teaching: {
    shows: 'The ten values users expressed most often next to Claude’s ten, on the same scale.',
    question: 'Users’ values are spread far more thinly than Claude’s. What does that suggest about who sets the tone of a conversation?',
  },
  view(data) {
    const rows = humanVsAiRows(data);
    const [human] = rows.filter((r) => r.who === 'Users (human values)');
    return {
      takeaway: `Users’ most common value, ${human?.value}, appears in just ${percent(human?.pct ?? 0)} of conversations; Claude’s leading value is ${leaderRatio(rows).toFixed(0)} times as frequent — users’ values are spread much more thinly.`,
      svg: svgOf(renderHumanVsAi(rows, serverDocument())),
      summary: humanVsAiSummary(rows),
      table: humanVsAiTable(rows),
      sources: [paperSource(data.paper.humanValues), ...DATASET_SOURCE],
      notes: paperNotes(data.paper.humanValues, (r) => String(r.value)),
      legend: data.taxonomy.categories.map((c) => c.name),
    };
  },
};

export function valuePairRows(data: SiteData): ValuePair[] {
  return data.paper.valuePairs.map((r) => ({
    pattern: r.pattern as ValuePair['pattern'],
    human: String(r.human_value),
    ai: String(r.ai_value),
    figure: String(r.figure ?? ''),
    confidence: r.confidence,
    source: provenance(r),
  }));
}

export const valuePairs: ChartDefinition = {
  id: 'value-pairs',
  title: 'Mirroring, complementing, opposing',
  embedHeight: 620,
  teaching: {
    shows: 'Three ways Claude’s values relate to the values a user brings: it can share them, add a value that supports them, or push against them.',
    question: 'When is mirroring a user’s values helpful, and when could it become sycophancy?',
  },
  view(data) {
    const rows = valuePairRows(data);
    const efficiency = rows.find((r) => r.pattern === 'mirroring' && r.figure);
    return {
      takeaway: `Claude often meets a value with the same one — ${efficiency?.human} with ${efficiency?.ai} (${efficiency?.figure}) — but answers deception and rule-breaking with ethical integrity and harm prevention.`,
      svg: svgOf(renderValuePairs(rows, serverDocument())),
      summary: valuePairsSummary(rows),
      table: valuePairsTable(rows),
      sources: [paperSource(data.paper.valuePairs)],
      notes: paperNotes(data.paper.valuePairs, (r) => `${r.human_value} → ${r.ai_value} ${r.figure} (marked *)`),
    };
  },
};

export function responseTypeRows(data: SiteData): ResponseType[] {
  return data.paper.responseTypes.map((r) => ({ type: String(r.response_type), group: r.group as ResponseType['group'], pct: r.pct_of_conversations as number, source: provenance(r) }));
}

export const responseTypes: ChartDefinition = {
  id: 'response-types',
  title: 'Support, reframing, resistance',
  embedHeight: 560,
  teaching: {
    shows: 'How Claude responded to the values users expressed, as shares of all conversations: support on the left, resistance on the right, the rest set apart.',
    question: 'Resistance is rare. Is that reassuring or worrying? What would you want to know about the conversations where Claude resisted?',
  },
  view(data) {
    const rows = responseTypeRows(data);
    const sum = (group: string) => rows.filter((r) => r.group === group).reduce((s, r) => s + r.pct, 0);
    return {
      takeaway: `Claude supported the user’s values in ${percent(sum('support'))} of conversations and resisted them in ${percent(sum('resistance'))}; reframing (${percent(sum('reframing'))}) sits in between.`,
      svg: svgOf(renderResponseTypes(rows, serverDocument())),
      summary: responseTypesSummary(rows),
      table: responseTypesTable(rows),
      sources: [paperSource(data.paper.responseTypes)],
      notes: [
        'Shares of all 308,210 conversations; the six response types together cover the conversations in which users expressed values, and “no values” the rest.',
        ...paperNotes(data.paper.responseTypes, (r) => String(r.response_type)),
      ],
    };
  },
};

export function mirroringRows(data: SiteData): MirroringRate[] {
  return data.paper.mirroring.map((r) => ({ responseType: String(r.response_type), pct: r.pct_mirroring as number, source: provenance(r) }));
}

export const mirroring: ChartDefinition = {
  id: 'mirroring',
  title: 'Mirroring by response type',
  embedHeight: 360,
  teaching: {
    shows: 'How often Claude expressed the very value the user expressed, for each kind of response.',
    question: 'Why would mirroring almost vanish when Claude resists?',
  },
  view(data) {
    const rows = mirroringRows(data);
    const [support] = rows;
    return {
      takeaway: `When Claude supports a user it mirrors their value ${percent(support?.pct ?? 0)} of the time; when it strongly resists, almost never (${percent(rows.at(-1)?.pct ?? 0)}).`,
      svg: svgOf(renderMirroring(rows, serverDocument())),
      summary: mirroringSummary(rows),
      table: mirroringTable(rows),
      sources: [paperSource(data.paper.mirroring)],
      notes: paperNotes(data.paper.mirroring, (r) => String(r.response_type)),
    };
  },
};

export function modelRows(data: SiteData): ModelMetric[] {
  return data.paper.modelVariants.map((r) => ({ model: String(r.model), metric: String(r.metric), pct: r.pct as number, source: provenance(r) }));
}

export const modelVariants: ChartDefinition = {
  id: 'model-variants',
  title: 'Different models, different values',
  embedHeight: 560,
  teaching: {
    shows: 'Three Claude models compared on how often they strongly supported or strongly resisted users’ values, and how often users expressed none.',
    question: 'Claude 3 Opus both supports and resists more. Why might a model be more “opinionated” in both directions? Note its much smaller sample.',
  },
  view(data) {
    const rows = modelRows(data);
    const samples = data.paper.modelSamples.map((r) => ({ model: String(r.model), subjective: r.subjective as number }));
    const opus = (metric: string) => rows.find((r) => r.model === 'Claude 3 Opus' && r.metric === metric)?.pct ?? 0;
    const sonnet = (metric: string) => rows.find((r) => r.model === 'Claude 3.5 Sonnet' && r.metric === metric)?.pct ?? 0;
    const all = [...data.paper.modelVariants, ...data.paper.modelSamples] as (Sourced & Record<string, unknown>)[];
    return {
      takeaway: `Claude 3 Opus strongly supported users’ values in ${percent(opus('strong support'))} of conversations and strongly resisted in ${percent(opus('strong resistance'))}, against ${percent(sonnet('strong support'))} and ${percent(sonnet('strong resistance'))} for Claude 3.5 Sonnet.`,
      svg: svgOf(renderModelVariants(rows, samples, serverDocument())),
      summary: modelVariantsSummary(rows),
      table: modelVariantsTable(rows, samples),
      sources: [paperSource(all)],
      notes: [
        'n = subjective conversations analysed for each model; the Claude 3.5 Sonnet figures come from the main sample, 91% of which that model answered.',
        ...data.paper.modelVariants.filter((r) => r.caveat && r.confidence !== 'C').map((r) => `${r.model}, ${r.metric}: ${r.caveat}`),
        ...paperNotes(all, (r) => `${r.model} ${r.metric ?? ''}`),
      ],
    };
  },
};
