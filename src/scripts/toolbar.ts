import { embedCode, type SnippetKind } from '../components/embed-code.ts';

/**
 * The figure toolbar, one control group: the Table switch (it takes over from the "Data table" disclosure, the way to
 * the table without a script, so a reader sees one way), Listen, downloads of what is drawn right now (CSV, SVG, PNG at 2×) and of the slide image,
 * embed code with the current options, the caption and citations, and copy buttons (text, and the slide image) that
 * announce themselves to screen readers.
 */
export function initToolbar(figure: HTMLElement): void {
  const toolbar = figure.querySelector<HTMLElement>('.figure-toolbar');
  if (!toolbar) return;
  const announce = toolbar.querySelector<HTMLElement>('[data-announce]')!;
  const title = figure.dataset.title ?? figure.id;
  const about = () => ({ title, source: figure.dataset.source ?? '', url: figure.dataset.sourceUrl });
  for (const hidden of toolbar.querySelectorAll<HTMLElement>('button[hidden], [data-snippets]')) hidden.hidden = false;
  figure.classList.add('has-tools');
  // Copy image stays hidden where the browser cannot put a PNG on the clipboard.
  if (typeof ClipboardItem !== 'function') toolbar.querySelector<HTMLElement>('[data-download="copy-image"]')!.hidden = true;

  const tableButton = toolbar.querySelector<HTMLButtonElement>('[data-action="table"]')!;
  tableButton.addEventListener('click', () => {
    const showTable = tableButton.getAttribute('aria-pressed') !== 'true';
    tableButton.setAttribute('aria-pressed', String(showTable));
    figure.classList.toggle('show-table', showTable);
    const details = figure.querySelector<HTMLDetailsElement>('details.chart-table')!;
    details.open = showTable;
  });

  // Sonification is loaded only when asked for.
  const listenButton = toolbar.querySelector<HTMLButtonElement>('[data-action="listen"]');
  listenButton?.addEventListener('click', () => {
    void import('./sonify.ts').then((sonify) => {
      const wasPlaying = listenButton.getAttribute('aria-pressed') === 'true';
      sonify.stop();
      const done = () => {
        listenButton.setAttribute('aria-pressed', 'false');
        listenButton.textContent = 'Listen';
      };
      if (wasPlaying) return done();
      const count = sonify.play(figure, done);
      listenButton.setAttribute('aria-pressed', 'true');
      listenButton.textContent = 'Stop';
      announce.textContent = `Playing ${count} values in table order: higher tones are larger values.`;
    });
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
      announce.textContent = `${label.replace(/^Copy /, '')} copied to the clipboard.`;
    } catch {
      if (source instanceof HTMLTextAreaElement) source.select();
      announce.textContent = 'Could not copy automatically; the text is selected, press Ctrl+C or Cmd+C.';
    }
  }

  // Keep the embed code in step with the chart's current options (set by its island as data-query and data-embed-height).
  const refreshEmbedCode = () => {
    const chart = { id: figure.id, title, embedHeight: JSON.parse(figure.dataset.embedHeight!) };
    const code = embedCode(location.origin, chart, figure.dataset.query ?? '');
    for (const snippet of toolbar.querySelectorAll<HTMLTextAreaElement>('[data-snippet]')) snippet.value = code[snippet.dataset.snippet as SnippetKind];
  };
  refreshEmbedCode();
  new MutationObserver(refreshEmbedCode).observe(figure, { attributes: true, attributeFilter: ['data-query'] });
}
