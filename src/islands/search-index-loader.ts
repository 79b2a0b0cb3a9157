import { prepareSearch, type SearchIndex } from '../data/search-index.ts';
import { fetchJson, once } from './figure-parts.ts';

/** The site's search index, fetched and made ready for typing once per page: the search box and the atlas share it. */
export const loadSearchIndex = once(async () => {
  const index = await fetchJson<SearchIndex>('/values/search-index.json');
  prepareSearch(index);
  return index;
});
