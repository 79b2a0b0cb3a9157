import type { ChartTable } from './types.ts';

/** One stage of the study's pipeline, from the sample to the statistics. */
export interface FlowStep {
  title: string;
  detail: string;
  /** Where the figures in this step come from. */
  source: string;
}

const WIDTH = 420;
const BOX = 74;
const GAP = 30;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** The pipeline as a vertical flow of boxes joined by arrows (drawn by hand: Plot has no flow mark). */
export function renderStudyFlow(steps: FlowStep[], document: Document): SVGSVGElement {
  const height = steps.length * BOX + (steps.length - 1) * GAP + 8;
  const el = (name: string, attrs: Record<string, string | number>, text?: string) => {
    const node = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, class: 'flow', 'font-family': 'system-ui, sans-serif', 'aria-hidden': 'true' }) as SVGSVGElement;
  const defs = el('defs', {});
  const marker = el('marker', { id: 'flow-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
  marker.append(el('path', { d: 'M0,0L10,5L0,10Z', fill: '#1a1a1a' }));
  defs.append(marker);
  svg.append(defs);
  steps.forEach((step, i) => {
    const y = 4 + i * (BOX + GAP);
    const g = el('g', { transform: `translate(4,${y})` });
    g.append(el('rect', { width: WIDTH - 8, height: BOX, rx: 6, fill: i === steps.length - 1 ? '#eef2f6' : '#ffffff', stroke: '#1a1a1a', 'stroke-width': 1.25 }));
    g.append(el('text', { x: 14, y: 28, 'font-size': 16, 'font-weight': 'bold', fill: '#1a1a1a' }, step.title));
    g.append(el('text', { x: 14, y: 50, 'font-size': 12, fill: '#444' }, step.detail));
    g.append(el('text', { x: 14, y: 66, 'font-size': 10, fill: '#666' }, step.source));
    svg.append(g);
    if (i < steps.length - 1) {
      svg.append(el('line', { x1: WIDTH / 2, x2: WIDTH / 2, y1: y + BOX + 2, y2: y + BOX + GAP - 3, stroke: '#1a1a1a', 'stroke-width': 1.5, 'marker-end': 'url(#flow-arrow)' }));
    }
  });
  return svg;
}

export function studyFlowTable(steps: FlowStep[]): ChartTable {
  return {
    columns: [
      { key: 'step', label: 'Step', format: 'integer' },
      { key: 'title', label: 'Stage' },
      { key: 'detail', label: 'Detail' },
      { key: 'source', label: 'Source' },
    ],
    rows: steps.map((s, i) => ({ step: i + 1, ...s })),
  };
}

export function studyFlowSummary(steps: FlowStep[]): string {
  return `Flow diagram of the study in ${steps.length} steps: ${steps.map((s) => `${s.title} (${s.detail})`).join('; then ')}.`;
}
