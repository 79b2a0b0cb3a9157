import { chartImageAlt, chartLink, chartPaths } from '../../charts/lib/links.ts';
import { chartImageSize, type RegistryChartView } from '../../charts/lib/view.ts';
import { imageCode } from '../../components/embed-code.ts';
import { SITE_TITLE } from '../../config.ts';
import { escapeHtml as e } from '../../lib/escape.ts';
import { HANDOUT_TEXT, type Lesson } from './lesson.ts';
import { answerKeyHtml, numberedQuestions, questionsWithAnswersHtml, studentHandoutHtml, studentQuestionsHtml, teacherNotesHtml } from './lesson-html.ts';
import type { PackFile } from './pack-zip.ts';
import { questionBankXml } from './question-bank.ts';

/**
 * The course pack: an IMS Common Cartridge holding one module with four pages per chart: for students, the chart page
 * (the chart as an image, notice and wonder, the questions) and the printable handout; for the teacher, the teacher's
 * page (goal, misconception, discussion, answers) and the answer key, both marked intendedEndUserRole Instructor, so
 * Canvas imports them locked and unpublished and Moodle hidden. Plus a question bank of every handout question.
 * Version 1.3 is the download; Moodle's importer reads Common Cartridge 1.0 and 1.1 only, so the same pack is also
 * written as 1.1 for it.
 *
 * Pages and images sit together under web_resources/<chart id>/ and refer to each other by bare file name: Canvas
 * files them without the web_resources/ prefix (as Files, or rewritten links when it converts them to Pages) and
 * Moodle keeps each resource's files side by side, so `chart.png` resolves in all three. No iframe, inline SVG or
 * <style> is needed to read them: Moodle's HTML Purifier removes all three.
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
    lomResource: `http://ltsc.ieee.org/xsd/imscc${v}/LOM/resource`,
    /** The intendedEndUserRole vocabulary: ccv1p1_lomresource_v1p0.xsd enumerates IMSGLC_CC_Rolesv1p1 as the only source. */
    rolesVocabulary: `IMSGLC_CC_Roles${v}`,
    schemaLocations: [
      [`http://www.imsglobal.org/xsd/imscc${v}/imscp_v1p1`, `${profile}/cc${v}_imscp_v1p2_v1p0.xsd`],
      [`http://ltsc.ieee.org/xsd/imscc${v}/LOM/manifest`, `${profile}/LOM/cc${v}_lommanifest_v1p0.xsd`],
      [`http://ltsc.ieee.org/xsd/imscc${v}/LOM/resource`, `${profile}/LOM/cc${v}_lomresource_v1p0.xsd`],
    ],
    qtiSchema: `${profile}/cc${v}_qtiasiv1p2p1_v1p0.xsd`,
    questionBankType: `imsqti_xmlv1p2/imscc_xml${v}/question-bank`,
  };
}

export interface PackChart {
  view: RegistryChartView;
  lesson: Lesson;
  /** The chart image (chartImagePng): shipped in the pack beside the pages that show it. */
  png: Uint8Array;
  /** The chart laid out for the printed handout (laidOutChartPng), at twice its size in CSS px. */
  handout: { png: Uint8Array; width: number; height: number };
}

/** Who a page is for: the pages for the teacher carry intendedEndUserRole Instructor. */
type Role = 'Learner' | 'Instructor';

/** One page of the module per chart: its file, its title and who it is for. */
const PAGES = [
  { key: '', file: 'student.html', role: 'Learner', title: (t: string) => t, image: 'chart.png' },
  { key: '_handout', file: 'handout.html', role: 'Learner', title: (t: string) => `Handout: ${t}`, image: 'handout-chart.png' },
  { key: '_teacher', file: 'teacher.html', role: 'Instructor', title: (t: string) => `For the teacher: ${t}`, image: undefined },
  { key: '_key', file: 'answer-key.html', role: 'Instructor', title: (t: string) => `${HANDOUT_TEXT.answerKey}: ${t}`, image: undefined },
] as const satisfies readonly { key: string; file: string; role: Role; title: (t: string) => string; image: string | undefined }[];

/** The chart image of the student page (the chart with its title, caveats and source), and the handout's, laid out for print. */
export const IMAGE_FILE = 'chart.png';
export const HANDOUT_IMAGE_FILE = 'handout-chart.png';
export const folderOf = (id: string) => `web_resources/${id}`;

const STYLE = 'body{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}img{max-width:100%;height:auto}.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}';

function page(title: string, body: string, css = ''): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title><style>${STYLE}${css}</style></head><body>${body}</body></html>\n`;
}

const sourceHtml = (view: RegistryChartView) =>
  view.caveats.map((c) => `<p><small>${e(c)}</small></p>`).join('') + `<p><small>${view.sources.map((s) => `<a href="${e(s.href)}">${e(s.text)}</a>`).join(' · ')}</small></p>`;

/** For students: the chart as an image (alt text, long description, link to the interactive chart), notice and wonder, the questions. */
function studentPage({ view, lesson }: PackChart, origin: string): string {
  return page(
    view.title,
    `<h1>${e(view.title)}</h1><p>${e(HANDOUT_TEXT.intro)}</p>` +
      imageCode(origin, { ...view, imageSize: chartImageSize(view) }, IMAGE_FILE) +
      sourceHtml(view) +
      `<h2>Notice and wonder</h2><ul>${HANDOUT_TEXT.prompts.map((p) => `<li>${e(p)}</li>`).join('')}</ul>` +
      studentQuestionsHtml(lesson, 'screen'),
  );
}

/** For the teacher: the learning goal, the misconception, discussion questions and the answers. */
function teacherPage({ view, lesson }: PackChart, origin: string): string {
  const paths = chartPaths(view.id);
  const url = (path: string) => e(new URL(path, origin).href);
  return page(
    `For the teacher: ${view.title}`,
    `<h1>For the teacher: ${e(view.title)}</h1><p>${e(view.takeaway)}</p>` +
      teacherNotesHtml(lesson, 2) +
      `<h2>The questions, with answers</h2>${questionsWithAnswersHtml(lesson, 3)}` +
      `<h2>In class</h2><ul><li><a href="${url(paths.page)}">The interactive chart</a></li><li><a href="${url(paths.handout)}">Printable handout</a> (also in this module, with its answer key)</li>` +
      `<li><a href="${url(paths.slide)}">Slide image</a> (PNG, 1920×1080)</li><li><a href="${url(paths.teach)}">Teacher’s page</a> online</li></ul>` +
      sourceHtml(view),
  );
}

function pageHtml(chart: PackChart, key: (typeof PAGES)[number]['key'], origin: string, handoutCss: string): string {
  const { view, lesson } = chart;
  const links = { chart: chartLink(origin, view.id), teach: new URL(chartPaths(view.id).teach, origin).href };
  const image = { src: HANDOUT_IMAGE_FILE, alt: chartImageAlt(view), width: chart.handout.width, height: chart.handout.height };
  if (key === '') return studentPage(chart, origin);
  if (key === '_teacher') return teacherPage(chart, origin);
  if (key === '_handout') return page(`Handout: ${view.title}`, `<article class="handout">${studentHandoutHtml(view, lesson, links, { image })}</article>`, handoutCss);
  return page(`${HANDOUT_TEXT.answerKey}: ${view.title}`, `<article class="handout">${answerKeyHtml(view, lesson, links, 1)}</article>`, handoutCss);
}

/** Resource-level LOM metadata naming who the resource is for (CC profile of IEEE LOM: educational/intendedEndUserRole). */
function roleMetadata(role: Role, vocabulary: string): string {
  return `<metadata><lom:lom><lom:educational><lom:intendedEndUserRole><lom:source>${vocabulary}</lom:source><lom:value>${role}</lom:value></lom:intendedEndUserRole></lom:educational></lom:lom></metadata>`;
}

function manifest(charts: PackChart[], version: CartridgeVersion, title: string): string {
  const p = cartridgeProfile(version);
  const items = charts
    .flatMap(({ view }) => PAGES.map((pg) => `<item identifier="I_${view.id}${pg.key}" identifierref="R_${view.id}${pg.key}"><title>${e(pg.title(view.title))}</title></item>`))
    .join('');
  const resources = charts
    .flatMap(({ view }) =>
      PAGES.map((pg) => {
        const href = `${folderOf(view.id)}/${pg.file}`;
        const files = [href, ...(pg.image ? [`${folderOf(view.id)}/${pg.image}`] : [])].map((file) => `<file href="${file}"/>`).join('');
        return `<resource identifier="R_${view.id}${pg.key}" type="webcontent" href="${href}">${roleMetadata(pg.role, p.rolesVocabulary)}${files}</resource>`;
      }),
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<manifest identifier="values-in-the-wild-course-pack" xmlns="${p.namespace}" xmlns:lomimscc="${p.lomManifest}" xmlns:lom="${p.lomResource}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${p.schemaLocations.flat().join(' ')}">` +
    `<metadata><schema>IMS Common Cartridge</schema><schemaversion>${p.schemaVersion}</schemaversion>` +
    `<lomimscc:lom><lomimscc:general><lomimscc:title><lomimscc:string language="en">${e(title)}</lomimscc:string></lomimscc:title></lomimscc:general></lomimscc:lom></metadata>` +
    `<organizations><organization identifier="O_1" structure="rooted-hierarchy"><item identifier="I_root"><item identifier="I_module"><title>${e(title)}</title>${items}</item></item></organization></organizations>` +
    `<resources>${resources}<resource identifier="R_questions" type="${p.questionBankType}"><file href="question-bank/questions.xml"/></resource></resources>` +
    `</manifest>\n`
  );
}

/** Every file of the cartridge; `handoutCss` is the handout's own stylesheet, so the printout matches the site's. */
export function coursePackFiles(charts: PackChart[], origin: string, version: CartridgeVersion, handoutCss: string): PackFile[] {
  const title = `${SITE_TITLE}: charts for teaching`;
  const questions = charts.flatMap(({ view, lesson }) =>
    numberedQuestions(lesson).map(({ number, question }) => ({ ident: `Q_${view.id}_${number}`, title: `${view.title}, question ${number}`, question })),
  );
  return [
    { name: 'imsmanifest.xml', data: manifest(charts, version, title) },
    ...charts.flatMap((chart) => [
      ...PAGES.map((pg) => ({ name: `${folderOf(chart.view.id)}/${pg.file}`, data: pageHtml(chart, pg.key, origin, handoutCss) })),
      { name: `${folderOf(chart.view.id)}/${IMAGE_FILE}`, data: chart.png },
      { name: `${folderOf(chart.view.id)}/${HANDOUT_IMAGE_FILE}`, data: chart.handout.png },
    ]),
    { name: 'question-bank/questions.xml', data: questionBankXml('values-in-the-wild-questions', questions, cartridgeProfile(version).qtiSchema) },
  ];
}
