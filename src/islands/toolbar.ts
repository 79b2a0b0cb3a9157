import { embedCode, type SnippetKind } from '../components/embed-code.ts';
import { captionSectionHtml, previewNoticeHtml, snippetFieldsHtml } from '../components/tool-panels.ts';
import { announce, ensureLiveRegion } from './announce.ts';
import { figureAbout } from './figure-parts.ts';
import { viewLink } from './view-state.ts';
import { chartCaption } from '../charts/lib/links.ts';

/**
 * The figure toolbar, one control group: the Table switch (it takes over from the "Data table" disclosure, the way to
 * the table without a script, so a reader sees one way), Listen, downloads of what is drawn right now (CSV, SVG, PNG at 2×) and of the slide image,
 * embed code with the current view, the caption and citations, copy buttons (text, and the slide image) and Copy link
 * (the address of the current view, view-state.ts), which announce themselves to screen readers.
 */
export function initToolbar(figure: HTMLElement): void {
  const toolbar = figure.querySelector<HTMLElement>('.figure-toolbar');
  if (!toolbar) return;
  const { title, source, url } = figureAbout(figure);
  const about = () => ({ title, source, url });
  const panel = (tool: string) => toolbar.querySelector<HTMLDetailsElement>(`details[data-tool="${tool}"]`)!;
  figure.classList.add('has-tools');
  ensureLiveRegion();

  // The image snippet is of the default view (its PNG is drawn at build time): its summary is the one the page came with.
  const [width, height] = (figure.dataset.imageSize ?? '0x0').split('x').map(Number) as [number, number];
  const image = { takeaway: figure.querySelector('.chart-takeaway')?.textContent ?? '', summary: figure.querySelector('.chart-summary')?.textContent ?? '', imageSize: { width, height } };
  // Keep the embed code in step with the chart's current options (set by its island as data-query and data-embed-height).
  const refreshEmbedCode = () => {
    const chart = { id: figure.id, title, ...image, embedHeight: JSON.parse(figure.dataset.embedHeight!) };
    const code = embedCode(location.origin, chart, figure.dataset.query ?? '');
    for (const snippet of toolbar.querySelectorAll<HTMLTextAreaElement>('[data-snippet]')) snippet.value = code[snippet.dataset.snippet as SnippetKind];
  };

  const tableButton = toolButton('Table', 'table');
  const listenButton = toolButton('Listen', 'listen');
  panel('download').before(tableButton, listenButton);
  const linkButton = button('Copy link', { 'data-action': 'copy-link', 'aria-label': `Copy link to “${title}”` });
  linkButton.className = 'tool-button';
  toolbar.append(linkButton);
  linkButton.addEventListener('click', () => void copyLink());
  // What a panel offers only with a script is made when it first opens: the page carries no hidden controls.
  onFirstOpen(panel('download'), (details) => {
    details.querySelector('[data-download="svg"]')!.after(button('Image (PNG, 2×)', { 'data-download': 'png' }));
    // Copy image only where the browser can put a PNG on the clipboard.
    if (typeof ClipboardItem === 'function') details.querySelector('[data-slide]')!.after(button('Copy image', { 'data-download': 'copy-image' }));
  });
  onFirstOpen(panel('embed'), (details) => {
    if (!details.querySelector('[data-snippets]')) panelBox(details).insertAdjacentHTML('afterbegin', `<div data-snippets>${snippetFieldsHtml(figure.id)}</div>`);
    for (const snippet of details.querySelectorAll<HTMLTextAreaElement>('[data-snippet]')) {
      snippet.after(button(COPY_LABELS[snippet.dataset.snippet as SnippetKind], { 'data-copy': snippet.id }));
    }
    refreshEmbedCode();
    notePreview(details);
  });
  onFirstOpen(panel('cite'), (details) => {
    if (details.dataset.headingLevel) {
      const caption = chartCaption({ id: figure.id, title, sources: [{ text: source }] }, location.origin);
      panelBox(details).insertAdjacentHTML('afterbegin', captionSectionHtml(figure.id, caption, Number(details.dataset.headingLevel)));
    }
    for (const text of details.querySelectorAll<HTMLElement>('[data-copy-label]')) text.after(button(text.dataset.copyLabel!, { 'data-copy': text.id }));
    notePreview(details);
  });

  // A local preview's addresses work only on the computer that built it: say so where they are handed out.
  function notePreview(details: HTMLDetailsElement) {
    if (toolbar!.dataset.preview !== undefined) panelBox(details).insertAdjacentHTML('afterbegin', previewNoticeHtml(toolbar!.dataset.origin!));
  }

  tableButton.addEventListener('click', () => {
    const showTable = tableButton.getAttribute('aria-pressed') !== 'true';
    tableButton.setAttribute('aria-pressed', String(showTable));
    figure.classList.toggle('show-table', showTable);
    const details = figure.querySelector<HTMLDetailsElement>('details.chart-table')!;
    details.open = showTable;
  });

  // Sonification is loaded only when asked for: a press of Listen, or of one of its keys inside the figure.
  const listen = () => import('./listen-panel.ts').then((m) => m.listening(figure, listenButton));
  listenButton.addEventListener('click', () => void listen().then((l) => l.toggle()));
  figure.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (!LISTEN_KEYS.includes(event.key) || event.ctrlKey || event.metaKey || event.altKey || target.closest('input, textarea, select, [contenteditable]')) return;
    event.preventDefault();
    void listen().then((l) => l.key(event.key));
  });

  toolbar.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-download], [data-copy]');
    if (!target) return;
    if (target.dataset.copy) return void copy(target.dataset.copy, target.textContent ?? 'Copied');
    event.preventDefault();
    const kind = target.dataset.download!;
    void import('./toolbar-actions.ts').then((actions) => actions.download(kind, figure, { ...about(), query: figure.dataset.query, id: figure.id }));
  });

  async function copy(id: string, label: string) {
    const source = document.getElementById(id)!;
    const text = source instanceof HTMLTextAreaElement ? source.value : (source.textContent ?? '');
    try {
      await navigator.clipboard.writeText(text);
      announce(`${label.replace(/^Copy /, '')} copied to the clipboard.`);
    } catch {
      if (source instanceof HTMLTextAreaElement) source.select();
      announce('Could not copy automatically; the text is selected, press Ctrl+C or Cmd+C.');
    }
  }

  const copyLink = async () => {
    const link = viewLink(figure);
    toolbar.querySelector('.link-field')?.remove();
    try {
      await navigator.clipboard.writeText(link);
      announce(`Link to this view of “${title}” copied to the clipboard.`);
    } catch {
      // Where the clipboard is refused, the link is shown selected, to copy by hand.
      const box = document.createElement('p');
      box.className = 'tool-panel link-field';
      const label = document.createElement('label');
      label.textContent = 'Link to this view ';
      const field = document.createElement('input');
      field.type = 'text';
      field.readOnly = true;
      field.value = link;
      label.append(field);
      box.append(label);
      toolbar.append(box);
      field.select();
      field.focus();
      announce('Could not copy the link automatically; it is selected in the field, press Ctrl+C or Cmd+C.');
    }
  };

  new MutationObserver(refreshEmbedCode).observe(figure, { attributes: true, attributeFilter: ['data-query'] });
}

/** Listen's keys (listen-panel.ts), as chart2music has them. */
const LISTEN_KEYS = ['?', '[', ']', '.', ','];

const COPY_LABELS: Record<SnippetKind, string> = { withScript: 'Copy embed code', scriptFree: 'Copy script-free code', image: 'Copy image code' };

function button(label: string, attrs: Record<string, string>): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  return element;
}

function toolButton(label: string, action: string): HTMLButtonElement {
  const element = button(label, { 'data-action': action, 'aria-pressed': 'false' });
  element.className = 'tool-button';
  return element;
}

/** A panel to add to: a panel that is one sentence (the report's) becomes a box holding it, when something joins it. */
function panelBox(details: HTMLDetailsElement): HTMLElement {
  const panel = details.querySelector<HTMLElement>('.tool-panel')!;
  if (panel.tagName === 'DIV') return panel;
  const box = document.createElement('div');
  box.className = 'tool-panel';
  panel.removeAttribute('class');
  panel.replaceWith(box);
  box.append(panel);
  return box;
}

/** Run `build` the first time the panel opens, before the reader sees it (a toggle event comes after the change). */
function onFirstOpen(details: HTMLDetailsElement, build: (details: HTMLDetailsElement) => void): void {
  let built = false;
  const buildOnce = () => {
    if (built) return;
    built = true;
    build(details);
  };
  if (details.open) return buildOnce();
  details.querySelector('summary')!.addEventListener('click', buildOnce);
  details.addEventListener('toggle', () => details.open && buildOnce());
}
