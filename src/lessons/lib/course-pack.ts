import { chartLink, chartPaths } from '../../charts/lib/links.ts';
import type { RegistryChartView } from '../../charts/lib/view.ts';
import { embedCode } from '../../components/embed-code.ts';
import { SITE_TITLE } from '../../config.ts';
import { escapeHtml as e } from '../../lib/escape.ts';
import type { ZipEntry } from '../../lib/zip.ts';
import type { Lesson } from './lesson.ts';
import { handoutHtml, numberedQuestions, teacherNotesHtml } from './lesson-html.ts';
import { questionBankXml } from './question-bank.ts';

/**
 * The course pack: an IMS Common Cartridge holding one module with, per chart, a page (the embedded chart, its
 * takeaway and the teacher's notes) and the printable handout, plus a question bank of every handout question.
 * Version 1.3 is the download; Moodle's importer reads Common Cartridge 1.0 and 1.1 only, so the same pack is also
 * written as 1.1 for it.
 */
export const COURSE_PACK_PATH = '/downloads/values-in-the-wild-course-pack.imscc';
export const COURSE_PACK_MOODLE_PATH = '/downloads/values-in-the-wild-course-pack-cc1.1.imscc';

export type CartridgeVersion = '1.3' | '1.1';

export function cartridgeProfile(version: CartridgeVersion) {
  const v = version === '1.3' ? 'v1p3' : 'v1p1';
  const profile = `http://www.imsglobal.org/profile/cc/cc${v}`;
  return {
    schemaVersion: `${version}.0`,
    namespace: `http://www.imsglobal.org/xsd/imscc${v}/imscp_v1p1`,
    lomManifest: `http://ltsc.ieee.org/xsd/imscc${v}/LOM/manifest`,
    schemaLocations: [
      [`http://www.imsglobal.org/xsd/imscc${v}/imscp_v1p1`, `${profile}/cc${v}_imscp_v1p2_v1p0.xsd`],
      [`http://ltsc.ieee.org/xsd/imscc${v}/LOM/manifest`, `${profile}/LOM/cc${v}_lommanifest_v1p0.xsd`],
    ],
    qtiSchema: `${profile}/cc${v}_qtiasiv1p2p1_v1p0.xsd`,
    questionBankType: `imsqti_xmlv1p2/imscc_xml${v}/question-bank`,
  };
}

export interface PackChart {
  view: RegistryChartView;
  lesson: Lesson;
}

const STYLE = 'body{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}iframe{display:block}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}';

function page(title: string, body: string, css = ''): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title><style>${STYLE}${css}</style></head><body>${body}</body></html>\n`;
}

/** The chart's page in the module: the live chart in an iframe, its takeaway, source, and the notes for the teacher. */
function chartPage({ view, lesson }: PackChart, origin: string): string {
  const paths = chartPaths(view.id);
  const url = (path: string) => new URL(path, origin).href;
  const sources = view.sources.map((s) => `<a href="${e(s.href)}">${e(s.text)}</a>`).join(' · ');
  return page(
    view.title,
    `<h1>${e(view.title)}</h1><p>${e(view.takeaway)}</p>` +
      embedCode(origin, view).scriptFree +
      view.caveats.map((c) => `<p><small>${e(c)}</small></p>`).join('') +
      `<p><small>${sources} · <a href="${e(chartLink(origin, view.id))}">Open the chart</a></small></p>` +
      `<h2>For the teacher</h2>${teacherNotesHtml(lesson, 3)}` +
      `<h3>In class</h3><ul><li><a href="${e(url(paths.handout))}">Printable handout</a> with answer key (also in this module)</li>` +
      `<li><a href="${e(url(paths.slide))}">Slide image</a> (PNG, 1920×1080)</li><li><a href="${e(url(paths.teach))}">Teacher’s page</a></li></ul>`,
  );
}

function manifest(charts: PackChart[], version: CartridgeVersion, title: string): string {
  const p = cartridgeProfile(version);
  const items = charts
    .map(({ view }) => `<item identifier="I_${view.id}" identifierref="R_${view.id}"><title>${e(view.title)}</title></item><item identifier="I_${view.id}_handout" identifierref="R_${view.id}_handout"><title>${e(`Handout: ${view.title}`)}</title></item>`)
    .join('');
  const webcontent = (id: string, href: string) => `<resource identifier="${id}" type="webcontent" href="${href}"><file href="${href}"/></resource>`;
  const resources = charts.map(({ view }) => webcontent(`R_${view.id}`, `charts/${view.id}.html`) + webcontent(`R_${view.id}_handout`, `handouts/${view.id}.html`)).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<manifest identifier="values-in-the-wild-course-pack" xmlns="${p.namespace}" xmlns:lomimscc="${p.lomManifest}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${p.schemaLocations.flat().join(' ')}">` +
    `<metadata><schema>IMS Common Cartridge</schema><schemaversion>${p.schemaVersion}</schemaversion>` +
    `<lomimscc:lom><lomimscc:general><lomimscc:title><lomimscc:string language="en">${e(title)}</lomimscc:string></lomimscc:title></lomimscc:general></lomimscc:lom></metadata>` +
    `<organizations><organization identifier="O_1" structure="rooted-hierarchy"><item identifier="I_root"><item identifier="I_module"><title>${e(title)}</title>${items}</item></item></organization></organizations>` +
    `<resources>${resources}<resource identifier="R_questions" type="${p.questionBankType}"><file href="question-bank/questions.xml"/></resource></resources>` +
    `</manifest>\n`
  );
}

/** Every file of the cartridge; `handoutCss` is the handout's own stylesheet, so the printout matches the site's. */
export function coursePackFiles(charts: PackChart[], origin: string, version: CartridgeVersion, handoutCss: string): ZipEntry[] {
  const title = `${SITE_TITLE}: charts for teaching`;
  const questions = charts.flatMap(({ view, lesson }) =>
    numberedQuestions(lesson).map(({ number, question }) => ({ ident: `Q_${view.id}_${number}`, title: `${view.title}, question ${number}`, question })),
  );
  return [
    { name: 'imsmanifest.xml', data: manifest(charts, version, title) },
    ...charts.map((chart) => ({ name: `charts/${chart.view.id}.html`, data: chartPage(chart, origin) })),
    ...charts.map(({ view, lesson }) => {
      const links = { chart: chartLink(origin, view.id), teach: new URL(chartPaths(view.id).teach, origin).href };
      return { name: `handouts/${view.id}.html`, data: page(`Handout: ${view.title}`, `<article class="handout">${handoutHtml(view, lesson, links)}</article>`, handoutCss) };
    }),
    { name: 'question-bank/questions.xml', data: questionBankXml('values-in-the-wild-questions', questions, cartridgeProfile(version).qtiSchema) },
  ];
}
