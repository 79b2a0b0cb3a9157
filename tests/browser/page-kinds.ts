/** One page of each kind the site builds, for checks that run over every kind. */
export const PAGE_KINDS: Record<string, string> = {
  report: '/',
  'embed (sunburst)': '/embed/taxonomy-sunburst/',
  'embed (top values)': '/embed/top-values/',
  gallery: '/charts/',
  data: '/data/',
};
