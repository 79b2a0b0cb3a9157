/** The copy-paste code a teacher puts in a page: the iframe, and the optional auto-height script. */
export function embedCode(origin: string, chart: { id: string; title: string; embedHeight?: number }, query = ''): { iframe: string; script: string } {
  const base = origin.replace(/\/$/, '');
  const src = `${base}/embed/${chart.id}/${query ? `?${query}` : ''}`;
  const title = chart.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return {
    iframe: `<iframe src="${src.replace(/&/g, '&amp;')}" title="${title}" width="100%" height="${chart.embedHeight ?? 600}" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    script: `<script src="${base}/embed.js" async></script>`,
  };
}
