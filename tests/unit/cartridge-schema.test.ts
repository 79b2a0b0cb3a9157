import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { CHARTS } from '../../src/charts/lib/registry.ts';
import { chartView } from '../../src/charts/lib/view.ts';
import { buildModel } from '../../src/data/model.ts';
import { loadDataset, loadPaperFigures } from '../../src/data/load.ts';
import { coursePackFiles, type CartridgeVersion } from '../../src/lessons/lib/course-pack.ts';
import { lessonFor } from '../../src/lessons/lib/registry.ts';
import { realDatasetDir } from './dataset-dir.ts';

/**
 * Both course packs against the IMS Common Cartridge schemas. No npm or Debian package ships them and nothing fetched
 * may be committed, so they are read from a folder named by VITW_CC_SCHEMA_DIR, holding v1p1/ and v1p3/ (for 1.1, the
 * XSDs Moodle carries in backup/cc/schemas11/; for 1.3, the IMS binding's ccv1p3_*.xsd). Without it this file skips,
 * and the structural check (src/lessons/lib/cartridge-check.ts, tests/unit/course-pack.test.ts) is what runs.
 */
const SCHEMA_DIR = process.env.VITW_CC_SCHEMA_DIR;
const MAIN_SCHEMA: Record<CartridgeVersion, string> = { '1.1': 'ccv1p1_imscp_v1p2_v1p0.xsd', '1.3': 'ccv1p3_imscp_v1p2_v1p0.xsd' };
const QTI_SCHEMA: Record<CartridgeVersion, string> = { '1.1': 'ccv1p1_qtiasiv1p2p1_v1p0.xsd', '1.3': 'ccv1p3_qtiasiv1p2p1_v1p0.xsd' };

/** The version's XSDs, their imports pointed at each other by file name (xmllint has no network). */
function schemas(version: CartridgeVersion) {
  const dir = path.join(SCHEMA_DIR!, version === '1.1' ? 'v1p1' : 'v1p3');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.xsd'))
    .map((fileName) => ({ fileName, contents: readFileSync(path.join(dir, fileName), 'utf8').replace(/schemaLocation\s*=\s*"[^"]*\/([^"/]+\.xsd)"/g, 'schemaLocation="$1"') }));
}

describe.skipIf(!SCHEMA_DIR)('course pack against the IMS Common Cartridge schemas (VITW_CC_SCHEMA_DIR)', () => {
  const model = buildModel(loadDataset(realDatasetDir), loadPaperFigures());
  const charts = CHARTS.map((chart) => ({ view: chartView(chart, model), lesson: lessonFor(chart.id).lesson(model), png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), handout: { png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), width: 640, height: 300 } }));
  const css = readFileSync('src/styles/classroom.css', 'utf8');

  for (const version of ['1.1', '1.3'] as const) {
    it(`${version}: the manifest and (where its schema is there) the question bank are valid`, async () => {
      const files = new Map(coursePackFiles(charts, 'https://example.org', version, css).map((f) => [f.name, String(f.data)]));
      const all = schemas(version);
      const validate = async (file: string, schema: string) => {
        const main = all.find((s) => s.fileName === schema)!;
        const result = await validateXML({ xml: { fileName: file.replace(/\//g, '_'), contents: files.get(file)! }, schema: main, preload: all.filter((s) => s !== main) });
        return result.errors.map((e) => e.rawMessage);
      };
      expect(all.map((s) => s.fileName)).toContain(MAIN_SCHEMA[version]);
      expect(await validate('imsmanifest.xml', MAIN_SCHEMA[version])).toEqual([]);
      if (all.some((s) => s.fileName === QTI_SCHEMA[version])) expect(await validate('question-bank/questions.xml', QTI_SCHEMA[version])).toEqual([]);
      // The check fails on a manifest the schema refuses.
      const broken = files.get('imsmanifest.xml')!.replace('<lom:value>Instructor</lom:value>', '<lom:value>Instructor</lom:value><lom:colour>red</lom:colour>').replace('<schemaversion>', '<schemaversion>x');
      files.set('imsmanifest.xml', broken);
      expect((await validate('imsmanifest.xml', MAIN_SCHEMA[version])).length).toBeGreaterThan(0);
    });
  }
});
