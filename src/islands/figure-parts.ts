import type { ChartTable } from '../charts/lib/contract.ts';
import { dataTableHtml } from '../components/data-table.ts';

/**
 * What a figure says about itself, read from what it shows: its title (the heading without its figure number), its
 * source line (the caption's links, as sourceLine() writes them) and the first source's address.
 */
export function figureAbout(figure: HTMLElement): { title: string; source: string; url?: string } {
  const heading = figure.querySelector('.chart-title');
  const number = heading?.querySelector('.figure-number')?.textContent ?? '';
  const caption = figure.querySelector('.chart-source');
  return {
    title: (heading?.textContent ?? figure.id).slice(number.length).trim(),
    source: caption?.textContent?.trim() ?? '',
    url: caption?.querySelector('a')?.href,
  };
}

/** The parts of a server-rendered Figure an island updates when it redraws. */
export function figureParts(figure: HTMLElement) {
  const q = <T extends Element>(selector: string) => figure.querySelector<T>(selector)!;
  return {
    area: q<HTMLElement>('.chart-area'),
    summary: q<HTMLElement>('.chart-summary'),
    tableScroll: q<HTMLElement>('.table-scroll'),
    replaceTable(table: ChartTable) {
      this.tableScroll.innerHTML = dataTableHtml(table, `${figure.id}-title`);
      // The report prints part of a long table; a redrawn table is whole.
      figure.querySelector('.table-part')?.remove();
      figure.dispatchEvent(new Event('table-replaced'));
    },
  };
}

/** Fetch JSON once, however many times it is asked for. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
