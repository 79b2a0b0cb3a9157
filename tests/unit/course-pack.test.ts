import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { chartView } from '../../src/charts/lib/view.ts';
import { buildModel } from '../../src/data/model.ts';
import { loadDataset, loadPaperFigures } from '../../src/data/load.ts';
import { cartridgeProblems, descendants, parseXml } from '../../src/lessons/lib/cartridge-check.ts';
import { coursePackFiles, type CartridgeVersion } from '../../src/lessons/lib/course-pack.ts';
import { numberedQuestions } from '../../src/lessons/lib/lesson-html.ts';
import { chartImageAlt } from '../../src/charts/lib/links.ts';
import { escapeHtml } from '../../src/lib/escape.ts';
import { lessonFor } from '../../src/lessons/lib/registry.ts';
import { unzipPack, zipPack } from '../../src/lessons/lib/pack-zip.ts';
import { realDatasetDir } from './dataset-dir.ts';

const model = buildModel(loadDataset(realDatasetDir), loadPaperFigures());
/** A stand-in for the chart image (the build draws the real one; this test reads the pack's text). */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HANDOUT_PNG = { png: new Uint8Array([...PNG, 1]), width: 640, height: 300 };
const charts = CHARTS.map((chart) => ({ view: chartView(chart, model), lesson: lessonFor(chart.id).lesson(model), png: PNG, handout: HANDOUT_PNG }));
const css = readFileSync('src/styles/classroom.css', 'utf8');
const ORIGIN = 'https://example.org';
const bytes = (data: string | Uint8Array) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);
const pack = (version: CartridgeVersion = '1.3', origin = ORIGIN) => new Map(coursePackFiles(charts, origin, version, css).map((f) => [f.name, bytes(f.data)]));
const text = (files: Map<string, Uint8Array>, name: string) => new TextDecoder().decode(files.get(name));
const edit = (files: Map<string, Uint8Array>, name: string, change: (text: string) => string) => new Map(files).set(name, new TextEncoder().encode(change(text(files, name))));

const root = (xml: string) => parseXml(xml).documentElement!;
const child = (el: Element, name: string) => Array.from(el.childNodes).find((n): n is Element => n.nodeType === 1 && (n as Element).localName === name);
type Element = ReturnType<typeof root>;

describe('the pack as a zip (fflate)', () => {
  it('round-trips through fflate\'s reader, names and bytes, UTF-8 names included', () => {
    const files = [...pack('1.3'), ['dir/ü.xml', new TextEncoder().encode('<a/>')] as const];
    const read = unzipSync(zipPack(files.map(([name, data]) => ({ name, data }))));
    expect(Object.keys(read)).toEqual(files.map(([name]) => name));
    for (const [name, data] of files) expect(read[name], name).toEqual(data);
  });

  it('makes the same bytes from the same files, and refuses a name given twice', () => {
    const entries = [{ name: 'a.txt', data: 'same' }];
    expect(zipPack(entries)).toEqual(zipPack(entries));
    expect(() => zipPack([...entries, ...entries])).toThrow(/a\.txt twice/);
  });

  it.skipIf(spawnSync('unzip', ['-v']).error)('is accepted by Info-ZIP\'s unzip -t (every entry\'s CRC checked)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vitw-pack-'));
    try {
      const file = path.join(dir, 'pack.imscc');
      writeFileSync(file, zipPack([...pack('1.1')].map(([name, data]) => ({ name, data }))));
      const test = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(test.status, test.stdout + test.stderr).toBe(0);
      expect(test.stdout).toMatch(/No errors detected/);
      const damaged = readFileSync(file);
      damaged[200] = damaged[200]! ^ 0xff;
      writeFileSync(file, damaged);
      expect(spawnSync('unzip', ['-t', file], { encoding: 'utf8' }).status, 'a damaged pack fails').not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('XML check (@xmldom/xmldom, stopping at any error)', () => {
  it('reads elements, attributes and entities, and rejects what is not well-formed', () => {
    const a = root('<?xml version="1.0"?><a x="1 &amp; 2"><b/>t &lt; u</a>');
    expect(a.getAttribute('x')).toBe('1 & 2');
    expect(a.textContent).toBe('t < u');
    for (const bad of ['<a><b></a>', '<a x=1/>', '<a>&nbsp;</a>', '<a/><b/>', '<a>', '<a>1 < 2</a>', '<a x="1" x="2"/>', '<a><p:b/></a>']) expect(() => parseXml(bad), bad).toThrow();
  });
});

describe('course pack (IMS Common Cartridge)', () => {
  for (const version of ['1.3', '1.1'] as const) {
    it(`${version}: has its manifest at the root, every file it names, unique identifiers and XML that parses`, () => {
      const files = pack(version);
      expect(cartridgeProblems(unzipPack(zipPack([...files].map(([name, data]) => ({ name, data })))))).toEqual([]);
      const manifest = root(text(files, 'imsmanifest.xml'));
      expect(manifest.namespaceURI).toBe(`http://www.imsglobal.org/xsd/imscc${version === '1.3' ? 'v1p3' : 'v1p1'}/imscp_v1p1`);
      expect(descendants(manifest).find((el) => el.localName === 'schemaversion')?.textContent).toBe(`${version}.0`);
      const types = descendants(manifest).filter((el) => el.localName === 'resource').map((el) => el.getAttribute('type'));
      expect(types).toContain(`imsqti_xmlv1p2/imscc_xml${version === '1.3' ? 'v1p3' : 'v1p1'}/question-bank`);
    });
  }

  it('holds one module with four pages per chart (student page and handout, teacher page and answer key), and every handout question in the bank', () => {
    const files = pack();
    const manifest = root(text(files, 'imsmanifest.xml'));
    const module = descendants(manifest).find((el) => el.getAttribute('identifier') === 'I_module')!;
    expect(Array.from(module.childNodes).filter((n) => (n as Element).localName === 'item')).toHaveLength(4 * CHARTS.length);
    for (const { view, lesson } of charts) {
      const dir = `web_resources/${view.id}`;
      const student = text(files, `${dir}/student.html`);
      expect(student).toContain(`<img src="chart.png" alt="${escapeHtml(chartImageAlt(view))}"`);
      expect(student).toContain(`<a href="${ORIGIN}/charts/${view.id}/">Open the interactive chart`);
      expect(student).toContain('What do you notice?');
      for (const q of numberedQuestions(lesson)) expect(student).toContain(escapeHtml(q.question.ask));
      // Students see no answer and no teacher's note; the teacher's pages have them.
      expect(student + text(files, `${dir}/handout.html`)).not.toContain('class="answer"');
      expect(student + text(files, `${dir}/handout.html`)).not.toContain('Learning goal');
      expect(text(files, `${dir}/teacher.html`)).toContain('Learning goal');
      expect(text(files, `${dir}/answer-key.html`)).toContain('class="answer"');
      const handout = text(files, `${dir}/handout.html`);
      expect(handout).toContain('What do you notice?');
      // The handout's chart is the one laid out for the printed page, printed at its own size.
      expect(handout).toContain('<img class="handout-chart-image" src="handout-chart.png" alt=');
      expect(handout).toContain('width="640" height="300"');
      expect(files.get(`${dir}/handout-chart.png`)).toEqual(HANDOUT_PNG.png);
      for (const name of ['student', 'handout', 'teacher', 'answer-key']) expect(text(files, `${dir}/${name}.html`), name).not.toMatch(/<iframe|<svg|<script/);
      expect(files.get(`${dir}/chart.png`)).toEqual(PNG);
      const bank = text(files, 'question-bank/questions.xml');
      expect(bank.match(new RegExp(`ident="Q_${view.id}_\\d+"`, 'g'))).toHaveLength(lesson.gettingStarted.length + lesson.goingFurther.length);
    }
    const items = descendants(root(text(files, 'question-bank/questions.xml'))).filter((el) => el.localName === 'item');
    const profiles = items.map((item) => descendants(item).find((el) => el.localName === 'fieldentry')!.textContent);
    expect(new Set(profiles)).toEqual(new Set(['cc.multiple_choice.v0p1', 'cc.essay.v0p1']));
  });

  for (const version of ['1.3', '1.1'] as const) {
    it(`${version}: marks the teacher's page and the answer key intendedEndUserRole Instructor, the students' pages Learner`, () => {
      const manifest = root(text(pack(version), 'imsmanifest.xml'));
      const v = version === '1.3' ? 'v1p3' : 'v1p1';
      expect(manifest.getAttribute('xmlns:lom')).toBe(`http://ltsc.ieee.org/xsd/imscc${v}/LOM/resource`);
      expect(manifest.getAttribute('xsi:schemaLocation')).toContain(`http://ltsc.ieee.org/xsd/imscc${v}/LOM/resource http://www.imsglobal.org/profile/cc/cc${v}/LOM/cc${v}_lomresource_v1p0.xsd`);
      const roles = Object.fromEntries(
        descendants(manifest)
          .filter((el) => el.localName === 'resource' && el.getAttribute('type') === 'webcontent')
          .map((r) => {
            const role = descendants(r).find((el) => el.tagName === 'lom:intendedEndUserRole')!;
            expect(child(role, 'source')?.textContent).toBe(`IMSGLC_CC_Roles${v}`);
            return [r.getAttribute('identifier'), child(role, 'value')?.textContent];
          }),
      );
      for (const { view } of charts) {
        expect([roles[`R_${view.id}`], roles[`R_${view.id}_handout`], roles[`R_${view.id}_teacher`], roles[`R_${view.id}_key`]], view.id).toEqual(['Learner', 'Learner', 'Instructor', 'Instructor']);
      }
    });
  }

  it('takes every absolute address in the pack from the origin it is given, or from the chart’s own sources', () => {
    const origin = 'https://pack-origin.example';
    const files = pack('1.3', origin);
    const allowed = new Set(charts.flatMap(({ view }) => view.sources.map((s) => s.href)));
    const schemas = /^https?:\/\/(www\.imsglobal\.org|ltsc\.ieee\.org|www\.w3\.org)\//;
    const found = [...files].filter(([name]) => !name.endsWith('.png')).flatMap(([name, data]) => [...new TextDecoder().decode(data).matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => [name, m[0]!]));
    expect(found.filter(([, url]) => url.startsWith(origin)).length).toBeGreaterThan(CHARTS.length);
    expect(found.filter(([, url]) => !url.startsWith(`${origin}/`) && !allowed.has(url) && !schemas.test(url))).toEqual([]);
  });

  it('fails the check on role metadata the importers would not read', () => {
    const files = pack('1.1');
    const roleProblem = (from: string, to: string) => cartridgeProblems(edit(files, 'imsmanifest.xml', (t) => t.replace(from, to)));
    expect(roleProblem('<lom:value>Instructor</lom:value>', '<lom:value>Teacher</lom:value>')).toEqual([expect.stringMatching(/role "Teacher" is not one of Instructor, Learner, Mentor/)]);
    expect(roleProblem('<lom:source>IMSGLC_CC_Rolesv1p1</lom:source>', '<lom:source>LOMv1.0</lom:source>')).toEqual([expect.stringMatching(/role source "LOMv1.0" is not IMSGLC_CC_Rolesv1p1/)]);
    expect(roleProblem('xmlns:lom="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"', 'xmlns:lom="http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource"')).toEqual(
      expect.arrayContaining([expect.stringMatching(/lom:intendedEndUserRole is not in http:\/\/ltsc\.ieee\.org\/xsd\/imsccv1p1\/LOM\/resource/)]),
    );
    const moved = text(files, 'imsmanifest.xml').replace(/(<resource identifier="R_mirroring_teacher"[^>]*>)(<metadata>.*?<\/metadata>)(<file[^>]*>)/, '$1$3$2');
    expect(cartridgeProblems(new Map(files).set('imsmanifest.xml', new TextEncoder().encode(moved)))).toEqual([expect.stringMatching(/R_mirroring_teacher.*metadata must come before its files/)]);
  });

  it('fails the check on a broken reference, a missing file, a duplicate identifier or XML that does not parse', () => {
    const files = pack();
    expect(cartridgeProblems(edit(files, 'imsmanifest.xml', (t) => t.replace('<file href="web_resources/mirroring/handout.html"/>', '<file href="web_resources/mirroring/handout.htm"/>')))).toEqual(
      expect.arrayContaining([expect.stringMatching(/names web_resources\/mirroring\/handout\.htm, which the zip lacks/)]),
    );
    const withoutFile = new Map(files);
    withoutFile.delete('question-bank/questions.xml');
    expect(cartridgeProblems(withoutFile)).toEqual([expect.stringMatching(/R_questions.*question-bank\/questions\.xml, which the zip lacks/)]);
    expect(cartridgeProblems(edit(files, 'imsmanifest.xml', (t) => t.replace('identifierref="R_mirroring"', 'identifierref="R_nothing"')))).toEqual([
      expect.stringMatching(/item "I_mirroring" points to no resource/),
    ]);
    expect(cartridgeProblems(edit(files, 'imsmanifest.xml', (t) => t.replace('identifier="I_mirroring_handout"', 'identifier="I_mirroring"')))).toEqual(
      expect.arrayContaining([expect.stringMatching(/"I_mirroring" is used more than once/)]),
    );
    expect(cartridgeProblems(edit(files, 'question-bank/questions.xml', (t) => t.replace('</objectbank>', '')))).toEqual([expect.stringMatching(/questions\.xml: XML/)]);
    const noManifest = new Map(files);
    noManifest.delete('imsmanifest.xml');
    expect(cartridgeProblems(noManifest)).toEqual(['imsmanifest.xml is missing from the root of the zip']);
  });
});
