import type { ChartRoom } from '../../charts/lib/contract.ts';
import type { ChartView } from '../../charts/lib/view.ts';
import { chartSize } from '../../charts/lib/standalone-svg.ts';
import { sourceLine } from '../../charts/lib/view.ts';
import { escapeHtml as e } from '../../lib/escape.ts';
import { HANDOUT_TEXT, orderedChoices, type Lesson, type Question } from './lesson.ts';

/**
 * A lesson as HTML, for the site's pages and the course pack alike: the student handout (page 1 the chart and the
 * questions), the answer key (page 2, or the teacher's own page in the pack) and the teacher's notes. Every piece of
 * text is escaped.
 */
export interface LessonLinks {
  /** The chart online, printed on the handout as the way back. */
  chart: string;
  /** The teacher's page, named on the answer key. */
  teach: string;
}

/**
 * The chart as an image file beside the page (the course pack), instead of inline SVG, which editors such as Moodle's
 * remove: drawn for the printed page (handoutChart), printed at `width` × `height` CSS px.
 */
export interface ChartImage {
  src: string;
  alt: string;
  width: number;
  height: number;
}

const lines = (count: number) => count === 0 ? '' : `<span class="write-lines" aria-hidden="true">${'<span></span>'.repeat(count)}</span>`;

function choicesHtml(question: Question, choose: string = HANDOUT_TEXT.choose): string {
  if (!question.choices) return '';
  const items = orderedChoices(question.choices).map((c) => `<li>${e(c.text)}</li>`).join('');
  return `<p class="choose">${e(choose)}</p><ol class="choices" type="a">${items}</ol>`;
}

function questionsHtml(questions: Question[], start: number, writingLines: number, choose?: string): string {
  const items = questions.map((q) => `<li><p>${e(q.ask)}</p>${q.choices ? choicesHtml(q, choose) : lines(writingLines)}</li>`).join('');
  return `<ol class="questions" start="${start}">${items}</ol>`;
}

/** Every question of the lesson, numbered as on the handout, with the level it belongs to. */
export function numberedQuestions(lesson: Lesson): { level: string; number: number; question: Question }[] {
  return [
    ...lesson.gettingStarted.map((question) => ({ level: HANDOUT_TEXT.gettingStarted, question })),
    ...lesson.goingFurther.map((question) => ({ level: HANDOUT_TEXT.goingFurther, question })),
  ].map((q, i) => ({ ...q, number: i + 1 }));
}

function answerHtml(question: Question): string {
  const right = question.choices ? orderedChoices(question.choices).findIndex((c) => c.right) : -1;
  const letter = right >= 0 ? `(${String.fromCharCode(97 + right)}) ` : '';
  return `<p class="answer">${e(letter)}${e(question.answer)}</p>`;
}

/** The source under the chart: caveats of uncertain figures first, then the source and licence. */
function chartSourceHtml(view: ChartView): string {
  const caveats = view.caveats.map((c) => `<p class="handout-caveat">${e(c)}</p>`).join('');
  return `<figcaption>${caveats}<p>${e(sourceLine(view))}</p></figcaption>`;
}

/** The questions at both levels, numbered as on the handout: on paper with lines to write on, or on screen without. */
export function studentQuestionsHtml(lesson: Lesson, medium: 'paper' | 'screen' = 'paper'): string {
  const [started, further] = medium === 'paper' ? [1, 2] : [0, 0];
  const choose = medium === 'paper' ? HANDOUT_TEXT.choose : HANDOUT_TEXT.chooseOnScreen;
  return (
    `<section><h2>${e(HANDOUT_TEXT.gettingStarted)}</h2>${questionsHtml(lesson.gettingStarted, 1, started, choose)}</section>` +
    `<section><h2>${e(HANDOUT_TEXT.goingFurther)}</h2>${questionsHtml(lesson.goingFurther, lesson.gettingStarted.length + 1, further, choose)}</section>`
  );
}

/**
 * The rooms (CSS px, printed at one SVG unit a pixel, so the chart's 14-unit text prints at 10.5 pt) a handout's chart
 * is laid out for: across the page's column (A4's is 182 mm, about 688 px, with classroom.css's margins; Letter's
 * wider), or, for a chart that cannot keep within that height, beside the notice-and-wonder boxes. Their heights keep
 * the students' sheet on one page of US Letter, the shorter paper (tests/browser/print.test.ts).
 */
export const HANDOUT_ROOMS = { across: { width: 640, height: 360 }, beside: { width: 360, height: 440 } } as const;
/** The printed height (px) of a line of a caveat under the chart, and about how many characters it holds: a chart with caveats gives them its room. */
const CAVEAT_LINE = { height: 14, chars: 110 };

/** Draws a chart for a room: the chart's own render, laid out for the space (src/charts/lib/registry.ts siteChartSvg). */
export type DrawIn = (room: ChartRoom) => string;

/** The chart laid out for the handout when it can be (`drawIn`), else the page's drawing, shrunk to its box. */
export function handoutChart(view: ChartView, drawIn?: DrawIn): { svg: string; tall: boolean; laidOut: boolean } {
  if (!drawIn) {
    const size = chartSize(view.svg);
    return { svg: view.svg, tall: size.h > size.w, laidOut: false };
  }
  const caveats = view.caveats.reduce((sum, c) => sum + Math.ceil(c.length / CAVEAT_LINE.chars) * CAVEAT_LINE.height, 0);
  const room = (r: ChartRoom) => ({ width: r.width, height: r.height - caveats });
  const across = drawIn(room(HANDOUT_ROOMS.across));
  if (chartSize(across).h <= room(HANDOUT_ROOMS.across).height) return { svg: across, tall: false, laidOut: true };
  return { svg: drawIn(room(HANDOUT_ROOMS.beside)), tall: true, laidOut: true };
}

/** How the handout shows its chart: inline SVG (laid out for the page with `drawIn`), or an image file (the course pack). */
export interface HandoutChartSource {
  drawIn?: DrawIn;
  image?: ChartImage;
}

/** The chart on the handout: inline SVG described by the summary, or the image file with the summary as its long description. */
function handoutChartHtml(view: ChartView, { drawIn, image }: HandoutChartSource): { html: string; tall: boolean } {
  const summaryId = `${view.id}-handout-summary`;
  const drawn = image ? undefined : handoutChart(view, drawIn);
  const tall = image ? image.height > image.width : drawn!.tall;
  const chart = image
    ? `<img class="handout-chart-image" src="${e(image.src)}" alt="${e(image.alt)}" width="${image.width}" height="${image.height}" />`
    : `<div class="handout-chart-image${drawn!.laidOut ? ' laid-out' : ''}" role="img" aria-label="${e(view.title)}" aria-describedby="${summaryId}">${drawn!.svg}</div>`;
  return { html: `<figure class="handout-chart">${chart}<p class="visually-hidden" id="${summaryId}">${e(view.summary)}</p>${chartSourceHtml(view)}</figure>`, tall };
}

/**
 * The printable handout: student sheet, then the answer key on a page of its own. With `drawIn`, the chart is laid out
 * for the printed page (HANDOUT_ROOMS) rather than shrunk to it.
 */
export function handoutHtml(view: ChartView, lesson: Lesson, links: LessonLinks, drawIn?: DrawIn): string {
  return studentHandoutHtml(view, lesson, links, { drawIn }) + answerKeyHtml(view, lesson, links);
}

/** The student sheet: the chart, notice and wonder, the questions at two levels, the source and the way back to the chart. */
export function studentHandoutHtml(view: ChartView, lesson: Lesson, links: Pick<LessonLinks, 'chart'>, chart: HandoutChartSource = {}): string {
  // A tall chart sits beside the notice-and-wonder boxes, where it can be drawn larger than across the page.
  const { html: chartHtml, tall } = handoutChartHtml(view, chart);
  return (
    `<section class="handout-sheet" aria-labelledby="${view.id}-handout-title">` +
    `<p class="handout-name" aria-hidden="true"><span>Name</span><span>Date</span></p>` +
    `<h1 id="${view.id}-handout-title">${e(view.title)}</h1>` +
    `<p class="handout-intro">${e(HANDOUT_TEXT.intro)}</p>` +
    `<div class="handout-top${tall ? ' handout-tall' : ''}">` +
    chartHtml +
    `<div class="notice-wonder">${HANDOUT_TEXT.prompts.map((p) => `<div><h2>${e(p)}</h2>${lines(tall ? 5 : 3)}</div>`).join('')}</div>` +
    `</div>` +
    `<div class="handout-questions">${studentQuestionsHtml(lesson)}</div>` +
    `<p class="handout-link">See the chart online: <a href="${e(links.chart)}">${e(links.chart.replace(/^https?:\/\//, ''))}</a></p>` +
    `</section>`
  );
}

/** The answer key: every question with its answer, numbered as on the handout, and where the teacher's notes are. */
export function answerKeyHtml(view: ChartView, lesson: Lesson, links: Pick<LessonLinks, 'teach'>, level: 1 | 2 = 2): string {
  const key = numberedQuestions(lesson)
    .map(({ level, number, question }) => `<li value="${number}"><p class="asked"><span class="level">${e(level)}.</span> ${e(question.ask)}</p>${answerHtml(question)}</li>`)
    .join('');
  return (
    `<section class="handout-key" aria-labelledby="${view.id}-key-title">` +
    `<h${level} id="${view.id}-key-title">${e(HANDOUT_TEXT.answerKey)}: ${e(view.title)}</h${level}>` +
    `<ol class="key">${key}</ol>` +
    `<p class="handout-link">For teachers: the learning goal, a common misreading and discussion questions are at <a href="${e(links.teach)}">${e(links.teach.replace(/^https?:\/\//, ''))}</a></p>` +
    `</section>`
  );
}

/** The teacher's notes: learning goal, the misconception to address, discussion questions. `level` is their headings' level. */
export function teacherNotesHtml(lesson: Lesson, level: 2 | 3 = 2): string {
  const h = (text: string) => `<h${level}>${e(text)}</h${level}>`;
  return (
    h('Learning goal') +
    `<p>${e(lesson.goal)}</p>` +
    h('A misconception to address') +
    `<p><strong>Students may think:</strong> ${e(lesson.misconception.wrong)}</p>` +
    `<p><strong>In fact:</strong> ${e(lesson.misconception.right)}</p>` +
    h('Discussion questions') +
    `<ol>${lesson.discussion.map((d) => `<li>${e(d)}</li>`).join('')}</ol>`
  );
}

/** The handout's questions with their answers, numbered as on the handout, as the teacher sees them. */
export function questionsWithAnswersHtml(lesson: Lesson, level: 2 | 3 = 2): string {
  const levels: [string, Question[], number][] = [
    [HANDOUT_TEXT.gettingStarted, lesson.gettingStarted, 1],
    [HANDOUT_TEXT.goingFurther, lesson.goingFurther, lesson.gettingStarted.length + 1],
  ];
  return levels
    .map(([title, questions, start]) => `<h${level}>${e(title)}</h${level}><ol start="${start}">${questions.map((q) => `<li><p>${e(q.ask)}</p>${choicesHtml(q)}${answerHtml(q)}</li>`).join('')}</ol>`)
    .join('');
}
