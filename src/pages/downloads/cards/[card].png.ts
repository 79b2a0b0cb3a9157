import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS, siteChartView } from '../../../charts/lib/registry.ts';
import { slideSvg } from '../../../charts/lib/slide-svg.ts';
import { sourceLine } from '../../../charts/lib/view.ts';
import { chartLink, REPORT_CARD, SHARE_CARD } from '../../../charts/lib/links.ts';
import { percent } from '../../../charts/lib/format.ts';
import { siteModel } from '../../../data/model.ts';
import { plural } from '../../../lib/text.ts';
import { svgToPng } from '../../../site/raster.ts';
import { SITE_TITLE, siteOrigin } from '../../../config.ts';

/**
 * Share cards (the image a link shows in a chat or a course forum): the slide layout at the card's 1.9:1 shape, drawn
 * at build time from the same chart code. One per chart; one for the report and its other pages (the five
 * categories); one per category for the value and cluster pages under it, so 3,600 pages share five images.
 */
const LAYOUT = { width: 1920, height: Math.round((1920 * SHARE_CARD.height) / SHARE_CARD.width) };

export const getStaticPaths: GetStaticPaths = () => [
  ...CHARTS.map((chart) => ({ params: { card: chart.id } })),
  { params: { card: REPORT_CARD } },
  ...siteModel().taxonomy.categories.map((c) => ({ params: { card: c.slug } })),
];

export const GET: APIRoute = ({ params, site }) => {
  const origin = siteOrigin(site);
  const { taxonomy, categories } = siteModel();
  const chart = CHARTS.find((c) => c.id === params.card);
  const view = siteChartView(chart?.id ?? 'category-shares');
  const category = categories.find((c) => taxonomy.nodes.find((n) => n.slug === params.card && n.name === c.category));
  const text = chart
    ? { title: view.title, takeaway: view.takeaway, url: chartLink(origin, view.id) }
    : category
      ? {
          title: `${category.category} · Values in the Wild`,
          takeaway: `${percent(category.share)} of all value expressions (each time a conversation showed a value): ${plural(category.values, 'value')} in ${plural(category.level1Clusters, 'cluster')}, each with its own page.`,
          url: new URL(category.href, origin).href,
        }
      : { title: SITE_TITLE, takeaway: view.takeaway, url: new URL('/', origin).href };
  const svg = slideSvg(view.svg, { ...text, source: sourceLine(view), caveats: view.caveats }, LAYOUT);
  return new Response(svgToPng(svg, SHARE_CARD.width), { headers: { 'Content-Type': 'image/png' } });
};
