import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHARTS, siteChartSvg, siteChartView } from '../../charts/lib/registry.ts';
import { siteOrigin } from '../../config.ts';
import { cartridgeProblems } from '../../lessons/lib/cartridge-check.ts';
import { COURSE_PACK_MOODLE_PATH, COURSE_PACK_PATH, coursePackFiles, type CartridgeVersion } from '../../lessons/lib/course-pack.ts';
import { siteLesson } from '../../lessons/lib/registry.ts';
import { unzipPack, zipPack } from '../../lessons/lib/pack-zip.ts';
import { chartImagePng, laidOutChartPng } from '../../components/chart-image.ts';
import { handoutChart } from '../../lessons/lib/lesson-html.ts';

/** The course pack, as Common Cartridge 1.3 and (for Moodle) 1.1, checked before it is written: a broken pack stops the build. */
const PACKS: [string, CartridgeVersion][] = [
  [COURSE_PACK_PATH, '1.3'],
  [COURSE_PACK_MOODLE_PATH, '1.1'],
];
const name = (path: string) => path.replace(/^\/downloads\//, '').replace(/\.imscc$/, '');

export const getStaticPaths: GetStaticPaths = () => PACKS.map(([path, version]) => ({ params: { pack: name(path) }, props: { version } }));

export const GET: APIRoute = ({ props, site }) => {
  const charts = CHARTS.map((chart) => {
    const view = siteChartView(chart.id);
    // The handout's chart laid out for the printed page, as on the site's handout, so it prints as legibly.
    const handout = laidOutChartPng(handoutChart(view, (room) => siteChartSvg(chart.id, room)).svg);
    return { view, lesson: siteLesson(chart.id), png: chartImagePng(view), handout };
  });
  // The handout's print stylesheet travels with the pack (read from the project root, where every build runs).
  const css = readFileSync('src/styles/classroom.css', 'utf8');
  const bytes = zipPack(coursePackFiles(charts, siteOrigin(site), props.version as CartridgeVersion, css));
  const problems = cartridgeProblems(unzipPack(bytes));
  if (problems.length) throw new Error(`The course pack (Common Cartridge ${props.version}) is broken:\n  ${problems.join('\n  ')}`);
  return new Response(bytes, { headers: { 'Content-Type': 'application/zip' } });
};
