import { escapeHtml } from '../lib/escape.ts';
import { SNIPPETS, type SnippetKind } from './embed-code.ts';

/*
 * Parts of a figure's Embed and Cite panels as HTML, from one place: chart and embed pages print them
 * (src/components/Toolbar.astro), and on the report the toolbar's script writes them when the panel first opens
 * (src/scripts/toolbar.ts), so both show the same markup.
 */

/** The labelled embed-code fields; without `code`, empty (the script fills them from the chart's current options). */
export function snippetFieldsHtml(id: string, code?: Record<SnippetKind, string>): string {
  return SNIPPETS.map(({ kind, label, rows }) => {
    const field = escapeHtml(`${id}-embed-${kind}`);
    return `<label for="${field}">${escapeHtml(label)}</label><textarea id="${field}" readonly rows="${rows}" data-snippet="${kind}">${escapeHtml(code?.[kind] ?? '')}</textarea>`;
  }).join('');
}

/** The caption to paste beneath the chart's image, under a heading of this level, ready for its copy button. */
export function captionSectionHtml(id: string, caption: string, level: number): string {
  return `<section class="citation"><h${level}>Caption to paste beneath the image</h${level}><p id="${escapeHtml(id)}-caption" data-copy-label="Copy caption">${escapeHtml(caption)}</p></section>`;
}
