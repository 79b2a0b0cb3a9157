import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { chartView } from '../../src/charts/lib/view.ts';
import { buildModel } from '../../src/data/model.ts';
import { loadDataset, loadPaperFigures } from '../../src/data/load.ts';
import { cartridgeProblems } from '../../src/lessons/lib/cartridge-check.ts';
import { coursePackFiles, type CartridgeVersion } from '../../src/lessons/lib/course-pack.ts';
import { lessonFor } from '../../src/lessons/lib/registry.ts';
import { crc32, unzip, zip } from '../../src/lib/zip.ts';
import { descendants, parseXml } from '../../src/lib/xml.ts';
import { realDatasetDir } from './dataset-dir.ts';

const model = buildModel(loadDataset(realDatasetDir), loadPaperFigures());
const charts = CHARTS.map((chart) => ({ view: chartView(chart, model), lesson: lessonFor(chart.id).lesson(model) }));
const css = readFileSync('src/styles/classroom.css', 'utf8');
const ORIGIN = 'https://example.org';
const pack = (version: CartridgeVersion = '1.3') => new Map(coursePackFiles(charts, ORIGIN, version, css).map((f) => [f.name, new TextEncoder().encode(String(f.data))]));
const text = (files: Map<string, Uint8Array>, name: string) => new TextDecoder().decode(files.get(name));
const edit = (files: Map<string, Uint8Array>, name: string, change: (text: string) => string) => new Map(files).set(name, new TextEncoder().encode(change(text(files, name))));

describe('zip', () => {
  it('writes archives it (and the standard CRC-32) can read back', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const files = unzip(zip([{ name: 'a.txt', data: 'hello '.repeat(100) }, { name: 'dir/ü.xml', data: '<a/>' }]));
    expect([...files.keys()]).toEqual(['a.txt', 'dir/ü.xml']);
    expect(new TextDecoder().decode(files.get('a.txt'))).toBe('hello '.repeat(100));
  });

  it('makes the same bytes from the same files, and refuses a damaged archive', () => {
    const entries = [{ name: 'a.txt', data: 'same' }];
    expect(zip(entries)).toEqual(zip(entries));
    const damaged = zip([{ name: 'a.txt', data: 'some text to damage' }]);
    damaged[40] = damaged[40]! ^ 0xff;
    expect(() => unzip(damaged)).toThrow();
  });
});

describe('XML reader', () => {
  it('reads elements, attributes and entities, and rejects what is not well-formed', () => {
    const root = parseXml('<?xml version="1.0"?><a x="1 &amp; 2"><b/>t &lt; u</a>');
    expect(root.attributes.x).toBe('1 & 2');
    expect(root.text).toBe('t < u');
    for (const bad of ['<a><b></a>', '<a x=1/>', '<a>&nbsp;</a>', '<a/><b/>', '<a>', '<a>1 < 2</a>', '<a x="1" x="2"/>']) expect(() => parseXml(bad), bad).toThrow(/XML/);
  });
});

describe('course pack (IMS Common Cartridge)', () => {
  for (const version of ['1.3', '1.1'] as const) {
    it(`${version}: has its manifest at the root, every file it names, unique identifiers and XML that parses`, () => {
      const files = pack(version);
      expect(cartridgeProblems(unzip(zip([...files].map(([name, data]) => ({ name, data })))))).toEqual([]);
      const manifest = parseXml(text(files, 'imsmanifest.xml'));
      expect(manifest.attributes.xmlns).toBe(`http://www.imsglobal.org/xsd/imscc${version === '1.3' ? 'v1p3' : 'v1p1'}/imscp_v1p1`);
      expect(descendants(manifest).find((el) => el.name === 'schemaversion')?.text).toBe(`${version}.0`);
      const types = descendants(manifest).filter((el) => el.name === 'resource').map((el) => el.attributes.type);
      expect(types).toContain(`imsqti_xmlv1p2/imscc_xml${version === '1.3' ? 'v1p3' : 'v1p1'}/question-bank`);
    });
  }

  it('holds one module with a page and a handout per chart, and every handout question in the bank', () => {
    const files = pack();
    const manifest = parseXml(text(files, 'imsmanifest.xml'));
    const module = descendants(manifest).find((el) => el.attributes.identifier === 'I_module')!;
    expect(module.children.filter((el) => el.name === 'item')).toHaveLength(2 * CHARTS.length);
    for (const { view, lesson } of charts) {
      const page = text(files, `charts/${view.id}.html`);
      expect(page).toContain(`<iframe src="${ORIGIN}/embed/${view.id}/"`);
      expect(page).toContain('Learning goal');
      expect(text(files, `handouts/${view.id}.html`)).toContain('What do you notice?');
      const bank = text(files, 'question-bank/questions.xml');
      expect(bank.match(new RegExp(`ident="Q_${view.id}_\\d+"`, 'g'))).toHaveLength(lesson.gettingStarted.length + lesson.goingFurther.length);
    }
    const items = descendants(parseXml(text(files, 'question-bank/questions.xml'))).filter((el) => el.name === 'item');
    const profiles = items.map((item) => descendants(item).find((el) => el.name === 'fieldentry')!.text);
    expect(new Set(profiles)).toEqual(new Set(['cc.multiple_choice.v0p1', 'cc.essay.v0p1']));
  });

  it('fails the check on a broken reference, a missing file, a duplicate identifier or XML that does not parse', () => {
    const files = pack();
    expect(cartridgeProblems(edit(files, 'imsmanifest.xml', (t) => t.replace('href="handouts/mirroring.html"/>', 'href="handouts/mirroring.htm"/>')))).toEqual(
      expect.arrayContaining([expect.stringMatching(/names handouts\/mirroring\.htm, which the zip lacks/)]),
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
