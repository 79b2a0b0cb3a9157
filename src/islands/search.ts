import { percentAdaptive } from '../charts/lib/format.ts';
import { escapeHtml } from '../lib/escape.ts';
import { entryHref, search, type SearchIndex } from '../data/search-index.ts';

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
    (loading ??= fetch('/values/search-index.json')
      .then((r) => r.json() as Promise<SearchIndex>)
      .then((data) => {
        index = data;
      }));

  const pathOf = (i: number) => {
    const names: string[] = [];
    for (let p = index!.parent[i]!; p >= 0; p = index!.parent[p]!) names.unshift(index!.name[p]!);
    return names.join(' › ');
  };

  function render() {
    if (!index) return;
    const results = search(index, input.value, { category: Number(category.value) });
    hrefs = results.map((r) => entryHref(index!, r.index));
    active = -1;
    list.innerHTML = results
      .map(({ index: i }, n) => {
        const kind = LEVEL_NAMES[index!.level[i]!];
        const measure = index!.level[i] === 0 ? 'of conversations' : 'of expressions';
        return `<li role="option" id="search-option-${n}" aria-selected="false" data-n="${n}"><span class="result-name">${escapeHtml(index!.name[i])}</span> <span class="result-kind">${kind}</span><span class="result-path">${escapeHtml(pathOf(i))} · ${percentAdaptive(index!.frequency[i]!)} ${measure}</span></li>`;
      })
      .join('');
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
