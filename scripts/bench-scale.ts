/**
 * npm run bench:scale [-- --scales 1,3,10] [--value-pages N] [--no-precompress] [--keep] [--out bench/scale.json]
 * (node scripts/bench-scale.ts with the same options)
 *
 * How the build grows with the data. For each scale k it writes a synthetic dataset with the shape of the one the
 * build uses (VITW_DATA_DIR, or the cache of `npm run data`): every level-2 cluster and everything under it k times,
 * under the same five categories, each copy's names marked (" ii", " iii", …, so name lengths stay close), and every
 * share and frequency divided by k, so the level ratios, the share distribution and every sum are kept. It then
 * builds the site from it into a temporary folder and prints the pages, files, wall time, CPU time, peak memory
 * (resident) and bytes. The datasets live in the temporary folder only and are removed afterwards (never committed).
 *
 * Budget (issue 23): time per page at 10× no worse than at 1×, peak memory under 1.5 GB at 10×.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { datasetDir } from '../src/config.ts';
import { parseCsv } from '../src/data/csv.ts';
import { FREQUENCIES_FILE, TREE_FILE } from '../src/data/validate.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const scales = option('scales', '1,3,10').split(',').map(Number);
const keep = args.includes('--keep');
const outFile = path.resolve(option('out', 'bench/scale.json'));
/** Environment for the builds: e.g. --value-pages 5000 sets VITW_VALUE_PAGES, --no-precompress VITW_PRECOMPRESS=0. */
const extraEnv: Record<string, string> = {
  ...(option('value-pages', '') ? { VITW_VALUE_PAGES: option('value-pages', '') } : {}),
  ...(args.includes('--no-precompress') ? { VITW_PRECOMPRESS: '0' } : {}),
};

const ROMAN = ['', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];
const mark = (copy: number) => (copy < ROMAN.length ? ROMAN[copy]! : `c${copy}`);
const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const decimal = (n: number) => Number(n.toFixed(6)).toString();

interface TreeRow { cluster_id: string; description: string; name: string; level: number; parent: string; pct: number }

/** The dataset at k times its size, as two CSV texts. */
export function scaleDataset(treeText: string, frequenciesText: string, k: number): { tree: string; frequencies: string } {
  const tree = parseCsv(treeText, TREE_FILE);
  const rows: TreeRow[] = tree.rows.map(({ values: [cluster_id, description, name, level, parent, pct] }) => ({
    cluster_id: cluster_id!, description: description!, name: name!, level: Number(level), parent: parent!, pct: Number(pct),
  }));
  const convos = new Map(parseCsv(frequenciesText, FREQUENCIES_FILE).rows.map(({ values: [value, pct] }) => [value!, Number(pct)]));
  const out: TreeRow[] = rows.filter((r) => r.level === 3);
  const frequencies: [string, number][] = [];
  let counter = 0;
  for (let copy = 0; copy < k; copy++) {
    const ids = new Map<string, string>();
    const newId = (row: TreeRow) => {
      if (row.level === 0) return copy ? `${row.name} ${mark(copy)}` : row.name;
      // Fresh UUIDs whose first 8 digits are unique (the node keys use them).
      const id = `ai_values:l${row.level}:${(counter++).toString(16).padStart(8, '0')}-0000-4000-8000-${row.cluster_id.slice(-12)}`;
      return id;
    };
    for (const level of [2, 1, 0]) {
      for (const row of rows.filter((r) => r.level === level)) {
        const id = newId(row);
        ids.set(row.cluster_id, id);
        const name = copy ? `${row.name} ${mark(copy)}` : row.name;
        out.push({ ...row, cluster_id: id, name, parent: level === 2 ? row.parent : ids.get(row.parent)!, pct: row.pct / k });
        if (level === 0) frequencies.push([name, convos.get(row.name)! / k]);
      }
    }
  }
  const header = 'cluster_id,description,name,level,parent_cluster_id,pct_total_occurrences';
  const treeLines = out.map((r) => [r.cluster_id, r.description, r.name, String(r.level), r.parent, decimal(r.pct)].map(csvField).join(','));
  return {
    tree: `${header}\n${treeLines.join('\n')}\n`,
    frequencies: `value,pct_convos\n${frequencies.map(([v, p]) => `${csvField(v)},${decimal(p)}`).join('\n')}\n`,
  };
}

interface Measure { scale: number; values: number; pages: number; files: number; precompressed: number; bytes: number; wallS: number; cpuS: number; peakMB: number; msPerPage: number; cpuMsPerPage: number }

function walk(dir: string, visit: (file: string, size: number) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else visit(full, statSync(full).size);
  }
}

/** Build with GNU time around it, for wall time, user + system CPU time and the peak resident memory of the build. */
function timedBuild(dataDir: string, outDir: string, extraEnv: Record<string, string>): Promise<{ wallS: number; cpuS: number; peakMB: number; output: string }> {
  return new Promise((resolve, reject) => {
    const timeFile = path.join(path.dirname(outDir), 'time.txt');
    const child = spawn('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
      env: { ...process.env, VITW_DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output = (output + d).slice(-20000)));
    child.stderr.on('data', (d) => (output = (output + d).slice(-20000)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`The build at this scale failed (exit ${code}):\n${output.slice(-4000)}`));
      const [wall, user, system, kb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-4).map(Number);
      resolve({ wallS: wall!, cpuS: user! + system!, peakMB: kb! / 1024, output });
    });
  });
}

async function main() {
  const source = path.resolve(datasetDir(process.env));
  const treeText = readFileSync(path.join(source, TREE_FILE), 'utf8');
  const frequenciesText = readFileSync(path.join(source, FREQUENCIES_FILE), 'utf8');
  const results: Measure[] = [];
  for (const scale of scales) {
    const work = mkdtempSync(path.join(os.tmpdir(), `vitw-scale-${scale}x-`));
    try {
      const dataDir = path.join(work, 'data');
      mkdirSync(dataDir);
      const scaled = scaleDataset(treeText, frequenciesText, scale);
      writeFileSync(path.join(dataDir, TREE_FILE), scaled.tree);
      writeFileSync(path.join(dataDir, FREQUENCIES_FILE), scaled.frequencies);
      const outDir = path.join(work, 'dist');
      console.log(`${scale}×: building…`);
      const timing = await timedBuild(dataDir, outDir, extraEnv);
      let pages = 0, files = 0, precompressed = 0, bytes = 0;
      walk(outDir, (file, size) => {
        files++;
        bytes += size;
        if (file.endsWith('.html')) pages++;
        if (file.endsWith('.br') || file.endsWith('.gz')) precompressed++;
      });
      const values = scaled.frequencies.split('\n').length - 2;
      const measure = { scale, values, pages, files, precompressed, bytes, ...timing, msPerPage: (timing.wallS * 1000) / pages, cpuMsPerPage: (timing.cpuS * 1000) / pages };
      delete (measure as Partial<typeof timing>).output;
      results.push(measure);
      console.log(`${scale}×: ${pages} pages, ${files} files, ${timing.wallS.toFixed(0)} s wall, ${timing.cpuS.toFixed(0)} s CPU, ${timing.peakMB.toFixed(0)} MB peak, load ${os.loadavg()[0]!.toFixed(1)}`);
    } finally {
      if (!keep) rmSync(work, { recursive: true, force: true });
    }
  }
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  console.log(`\n| scale | values | pages | files (of which .br/.gz) | wall | CPU | peak memory | bytes | wall per page | CPU per page |`);
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const m of results) {
    console.log(
      `| ${m.scale}× | ${m.values.toLocaleString('en')} | ${m.pages.toLocaleString('en')} | ${m.files.toLocaleString('en')} (${m.precompressed.toLocaleString('en')}) | ${m.wallS.toFixed(0)} s | ${m.cpuS.toFixed(0)} s | ${m.peakMB.toFixed(0)} MB | ${(m.bytes / 1e6).toFixed(0)} MB | ${m.msPerPage.toFixed(1)} ms | ${m.cpuMsPerPage.toFixed(1)} ms |`,
    );
  }
  console.log(`\nLoad average at the end (1 / 5 / 15 min): ${load} on ${os.cpus().length} cores.`);
  const first = results.find((m) => m.scale === 1);
  const ten = results.find((m) => m.scale === 10);
  if (first && ten) {
    console.log(`Budget: time per page at 10× ${ten.msPerPage <= first.msPerPage ? 'within' : 'OVER'} 1×'s (wall ${ten.msPerPage.toFixed(1)} vs ${first.msPerPage.toFixed(1)} ms; CPU ${ten.cpuMsPerPage.toFixed(1)} vs ${first.cpuMsPerPage.toFixed(1)} ms); peak memory ${ten.peakMB < 1536 ? 'under' : 'OVER'} 1.5 GB (${ten.peakMB.toFixed(0)} MB).`);
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify({ date: new Date().toISOString(), load, results }, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
