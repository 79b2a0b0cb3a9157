import { percentAdaptive } from '../charts/lib/format.ts';
import { entryHref, search, type SearchIndex } from '../data/search-index.ts';
import { loadSearchIndex } from './search-index-loader.ts';

const LEVEL_NAMES = ['value', 'cluster', 'group', 'category'];

/**
 * Type-ahead search over every value and cluster (ARIA combobox with a listbox): arrows move through the results,
 * Enter opens one. The index loads once, on first focus of the box.
 */
export function initSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('#search-input')!;
  const category = form.querySelector<HTMLSelectElement>('#search-category')!;
  const list = form.querySelector<HTMLUListElement>('#search-results')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  let index: SearchIndex | undefined;
  let loading: Promise<void> | undefined;
  let active = -1;
  let hrefs: string[] = [];

  const load = () =>
    (loading ??= loadSearchIndex().then((data) => {
      index = data;
    }));

  const pathOf = (i: number) => {
    const names: string[] = [];
    for (let p = index!.parent[i]!; p >= 0; p = index!.parent[p]!) names.unshift(index!.name[p]!);
    return names.join(' › ');
  };

  /** One row per result slot, made once and reused: a keystroke rewrites only the rows whose entry changed. */
  const rows: { li: HTMLLIElement; entry: number }[] = [];
  const rowAt = (n: number) => {
    if (!rows[n]) {
      const li = document.createElement('li');
      li.setAttribute('role', 'option');
      li.id = `search-option-${n}`;
      li.dataset.n = String(n);
      li.innerHTML = '<span class="result-name"></span> <span class="result-kind"></span><span class="result-path"></span>';
      rows[n] = { li, entry: -1 };
    }
    return rows[n]!;
  };

  function fill(row: { li: HTMLLIElement; entry: number }, i: number) {
    const [name, kind, path] = row.li.children as unknown as HTMLElement[];
    const measure = index!.level[i] === 0 ? 'of conversations' : 'of expressions';
    name!.textContent = index!.name[i]!;
    kind!.textContent = LEVEL_NAMES[index!.level[i]!]!;
    path!.textContent = `${pathOf(i)} · ${percentAdaptive(index!.frequency[i]!)} ${measure}`;
    row.entry = i;
  }

  function render() {
    if (!index) return;
    const results = search(index, input.value, { category: Number(category.value) });
    hrefs = results.map((r) => entryHref(index!, r.index));
    active = -1;
    results.forEach(({ index: i }, n) => {
      const row = rowAt(n);
      if (row.entry !== i) fill(row, i);
      row.li.setAttribute('aria-selected', 'false');
      if (row.li.parentNode !== list) list.append(row.li);
    });
    for (const row of rows.slice(results.length)) {
      row.li.remove();
      row.entry = -1;
    }
    input.setAttribute('aria-expanded', String(results.length > 0));
    input.removeAttribute('aria-activedescendant');
    status.textContent = input.value.trim() ? `${results.length === 20 ? 'The first 20' : results.length} result${results.length === 1 ? '' : 's'}.` : '';
    form.dataset.results = String(results.length);
    performance.mark('search-rendered');
  }

  function highlight(n: number) {
    const options = [...list.querySelectorAll<HTMLLIElement>('[role="option"]')];
    if (!options.length) return;
    active = (n + options.length) % options.length;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', options[active]!.id);
    options[active]!.scrollIntoView({ block: 'nearest' });
  }

  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (hrefs.length) location.assign(hrefs[Math.max(active, 0)]!);
  });
  input.addEventListener('focus', () => void load().then(render), { once: true });
  input.addEventListener('input', () => void load().then(render));
  category.addEventListener('change', () => void load().then(render));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') highlight(active + 1);
    else if (event.key === 'ArrowUp') highlight(active - 1);
    else if (event.key === 'Escape') {
      input.value = '';
      render();
      return;
    } else return;
    event.preventDefault();
  });
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest<HTMLLIElement>('[role="option"]');
    if (option) location.assign(hrefs[Number(option.dataset.n)]!);
  });
  performance.mark('interactive-ready');
}
