import type { SiteData } from '../../data/site-data.ts';
import { provenance, scopeFigure } from '../../data/paper.ts';
import { bonferroniZ } from '../../data/stats.ts';
import { contextHeatmapSummary, contextHeatmapTable, renderContextHeatmap, type HeatmapData } from '../context-heatmap.ts';
import { DATASET_SOURCE, paperNotes, paperSource, svgOf, type ChartDefinition } from '../definition.ts';
import { serverDocument } from '../server-document.ts';
import { renderStableCore, stableCoreSummary, stableCoreTable, type Variation } from '../stable-core.ts';

export function variationRows(data: SiteData): Variation[] {
  return data.paper.variation.map((r) => ({ set: String(r.set), value: String(r.value), cv: r.cv as number, source: provenance(r) }));
}

export const stableCore: ChartDefinition = {
  id: 'stable-core',
  title: 'A stable core',
  embedHeight: 520,
  teaching: {
    shows: 'How much the most common values vary in frequency from one context to another (the coefficient of variation: lower is steadier).',
    question: 'Why would helpfulness vary less across tasks than across the values users bring? What would a high number mean?',
  },
  view(data) {
    const rows = variationRows(data);
    const acrossTasks = rows.filter((r) => r.set === 'AI values, across tasks');
    return {
      takeaway: `Across tasks, ${acrossTasks.map((r) => r.value).join(', ')} vary least (coefficients ${acrossTasks.map((r) => r.cv).join(', ')}): they show up whatever the conversation is about.`,
      svg: svgOf(renderStableCore(rows, serverDocument())),
      summary: stableCoreSummary(rows),
      table: stableCoreTable(rows),
      sources: [paperSource(data.paper.variation)],
      notes: paperNotes(data.paper.variation, (r) => `${r.value} (${r.set})`),
    };
  },
};

export function heatmapData(data: SiteData): HeatmapData {
  const valueCount = data.taxonomy.nodes.filter((n) => n.level === 0).length;
  return {
    threshold: bonferroniZ(valueCount),
    cells: data.paper.taskResiduals.map((r) => ({ task: String(r.task), value: String(r.ai_value), residual: r.residual as number | null, confidence: r.confidence, source: provenance(r) })),
  };
}

export const contextHeatmap: ChartDefinition = {
  id: 'context-heatmap',
  title: 'Values that come with the task',
  embedHeight: 760,
  teaching: {
    shows: 'Which values the paper found most over-represented in particular tasks, measured by adjusted Pearson residuals; blank cells are not reported, not zero.',
    question: '“Healthy boundaries” is far above chance in relationship advice. Is that Claude’s value or the topic’s? How could you tell the difference?',
  },
  view(data) {
    const d = heatmapData(data);
    const top = [...d.cells].filter((c) => c.residual !== null).sort((a, b) => b.residual! - a.residual!)[0]!;
    return {
      takeaway: `The rarer values are tied to tasks: ${top.value} is over-represented in ${top.task} with a residual of ${top.residual}, about ${Math.round(top.residual! / d.threshold)} times the significance threshold of ${d.threshold.toFixed(2)}.`,
      svg: svgOf(renderContextHeatmap(d, serverDocument())),
      summary: contextHeatmapSummary(d),
      table: contextHeatmapTable(d),
      sources: [paperSource(data.paper.taskResiduals), { text: 'Threshold derived from the dataset', href: DATASET_SOURCE[0]!.href }, DATASET_SOURCE[1]!],
      notes: [
        `Significance threshold ${d.threshold.toFixed(2)}: the two-sided Bonferroni critical value at α = 0.05 over all values in the dataset (the paper reports ${scopeFigure(data.paper, 'significance_threshold').value}). “top” marks a value the paper names as a task’s most characteristic without giving its residual; “·” marks a combination the paper does not report, which is not the same as zero.`,
        ...paperNotes(data.paper.taskResiduals, (r) => `${r.ai_value} in ${r.task} (${r.residual}, marked *)`),
      ],
      island: 'tips',
      wide: true,
    };
  },
};
