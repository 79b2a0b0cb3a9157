import { escapeHtml } from '../lib/escape.ts';
import { SNIPPETS, type SnippetKind } from './embed-code.ts';

/*
 * Parts of a figure's Embed and Cite panels as HTML, from one place: chart and embed pages print them
 * (src/components/Toolbar.astro), and on the report the toolbar's script writes them when the panel first opens
 * (src/islands/toolbar.ts), so both show the same markup.
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

/**
 * Said where a built site's own address travels (embed codes, citations, course packs) when the build had no public
 * address: what those links point at and that they work only on the computer that built the site. `brief` is the
 * same warning as a few words beside a download link.
 */
export function previewNoticeHtml(origin: string, brief = false): string {
  const at = escapeHtml(origin);
  if (brief) return `<small class="preview-notice" data-preview-notice>(local preview: its links point at ${at} and work only on the computer that built this site)</small>`;
  return (
    `<p class="preview-notice" data-preview-notice><strong>Local preview.</strong> This copy of the site was built without its public address ` +
    `(<code>SITE_URL</code>), so the links written into its files (course packs, handouts, slides, oEmbed answers, downloads) ` +
    `and into its pages as read without JavaScript point at ${at}, which works only on the computer that built it. To publish, build with <code>SITE_URL</code> set (see the README).</p>`
  );
}
