import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR, DATASET_FILES, cacheDir, datasetDir, localDataDir } from '../../src/config.ts';
import { realDatasetDir } from './dataset-dir.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('where the data lives: one resolver per setting, empty meaning the default', () => {
  it('reads VITW_DATA_DIR and VITW_CACHE_DIR, treating empty or blank as unset', () => {
    for (const blank of [undefined, '', '  ']) {
      expect(cacheDir({ VITW_CACHE_DIR: blank })).toBe(CACHE_DIR);
      expect(localDataDir({ VITW_DATA_DIR: blank })).toBeUndefined();
      expect(datasetDir({ VITW_DATA_DIR: blank, VITW_CACHE_DIR: blank })).toBe(CACHE_DIR);
    }
    expect(cacheDir({ VITW_CACHE_DIR: '/tmp/c' })).toBe('/tmp/c');
    expect(datasetDir({ VITW_CACHE_DIR: '/tmp/c' })).toBe('/tmp/c');
    expect(datasetDir({ VITW_DATA_DIR: '/tmp/d', VITW_CACHE_DIR: '/tmp/c' })).toBe('/tmp/d');
  });

  it('with VITW_CACHE_DIR="" downloads into data/cache, never the project root', async () => {
    const bytes = new Map<string, Buffer>(DATASET_FILES.map((f) => [f.name, readFileSync(path.join(realDatasetDir, f.name))]));
    const server = createServer((req, res) => {
      const body = bytes.get(path.basename(req.url ?? ''));
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Length': body.length }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // A scratch project: the scripts run from here, with the paper figures linked in.
    const project = mkdtempSync(path.join(os.tmpdir(), 'vitw-project-'));
    try {
      mkdirSync(path.join(project, 'data'));
      symlinkSync(path.join(root, 'data/paper'), path.join(project, 'data/paper'));
      const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, 'scripts/fetch-data.ts')], {
        cwd: project,
        env: {
          PATH: process.env.PATH, HOME: os.tmpdir(), VITW_DATA_DIR: '', VITW_CACHE_DIR: '',
          VITW_DATA_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/resolve/rev`,
        },
      });
      expect(stdout).toContain(`Dataset OK in ${path.join(project, CACHE_DIR)}`);
      expect(readdirSync(path.join(project, CACHE_DIR)).sort()).toEqual(DATASET_FILES.map((f) => f.name).sort());
      for (const file of DATASET_FILES) expect(existsSync(path.join(project, file.name))).toBe(false);
    } finally {
      server.close();
      rmSync(project, { recursive: true, force: true });
    }
  });
});
