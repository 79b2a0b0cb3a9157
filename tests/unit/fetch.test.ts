import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetFetchError, ensureDataset, sha256 } from '../../src/data/fetch.ts';
import { DATASET_FILES } from '../../src/config.ts';
import { realDatasetDir } from './dataset-dir.ts';

const realBytes = new Map<string, Buffer>(DATASET_FILES.map((f) => [f.name, readFileSync(path.join(realDatasetDir, f.name))]));
type Handler = (req: IncomingMessage, res: ServerResponse, name: string) => void;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A local stand-in for Hugging Face that counts requests and answers as the test tells it to. */
async function serve(handler: Handler) {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handler(req, res, path.basename(req.url ?? ''));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/resolve/rev`, requests };
}

const serveReal: Handler = (_req, res, name) => {
  const body = realBytes.get(name);
  if (!body) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Length': body.length }).end(body);
};

function tempCache() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vitw-cache-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const noLocalCopy = { PATH: process.env.PATH } as NodeJS.ProcessEnv;

async function expectFailure(handler: Handler, reason: RegExp, timeoutMs = 5000) {
  const { baseUrl } = await serve(handler);
  const cacheDir = tempCache();
  const attempt = ensureDataset({ env: noLocalCopy, baseUrl, cacheDir, timeoutMs });
  await expect(attempt).rejects.toBeInstanceOf(DatasetFetchError);
  const message = await attempt.catch((e: Error) => e.message);
  expect(message).toContain(`${baseUrl}/values_tree.csv`);
  expect(message).toMatch(reason);
  expect(message).toContain('VITW_DATA_DIR');
  expect(readdirSync(cacheDir)).toEqual([]); // nothing partial lands in the cache
}

describe('fetching the dataset', () => {
  it('downloads both files, verifies them and caches them', async () => {
    const { baseUrl, requests } = await serve(serveReal);
    const cacheDir = tempCache();
    expect(await ensureDataset({ env: noLocalCopy, baseUrl, cacheDir })).toBe(cacheDir);
    expect(requests).toHaveLength(2);
    for (const file of DATASET_FILES) expect(sha256(readFileSync(path.join(cacheDir, file.name)))).toBe(file.sha256);
    expect(readdirSync(cacheDir).sort()).toEqual(DATASET_FILES.map((f) => f.name).sort());
  });

  it('makes no request when the cache already holds good files', async () => {
    const first = await serve(serveReal);
    const cacheDir = tempCache();
    await ensureDataset({ env: noLocalCopy, baseUrl: first.baseUrl, cacheDir });
    const second = await serve(serveReal);
    await ensureDataset({ env: noLocalCopy, baseUrl: second.baseUrl, cacheDir });
    expect(second.requests).toEqual([]);
  });

  it('fails clearly on HTTP 404', () => expectFailure((_q, res) => res.writeHead(404, 'Not Found').end(), /HTTP 404/));

  it('fails clearly on HTTP 500', () => expectFailure((_q, res) => res.writeHead(500, 'Internal Server Error').end(), /HTTP 500/));

  it('fails clearly on a truncated body', () =>
    expectFailure((_q, res, name) => {
      const body = realBytes.get(name)!;
      res.writeHead(200, { 'Content-Length': body.length });
      res.write(body.subarray(0, 1000));
      setTimeout(() => res.destroy(), 20);
    }, /network error|truncated/));

  it('fails clearly when the bytes are wrong', () =>
    expectFailure((_q, res, name) => {
      const body = Buffer.from(realBytes.get(name)!);
      body[100] = body[100]! ^ 1;
      res.writeHead(200, { 'Content-Length': body.length }).end(body);
    }, /checksum mismatch/));

  it('fails clearly when the server is too slow', () =>
    expectFailure((_q, res) => {
      res.writeHead(200);
      res.write('cluster_id');
      // never finishes within the timeout
    }, /timed out/, 300));

  it('fails clearly when nothing listens', async () => {
    const cacheDir = tempCache();
    const attempt = ensureDataset({ env: noLocalCopy, baseUrl: 'http://127.0.0.1:9/resolve/rev', cacheDir, timeoutMs: 3000 });
    await expect(attempt).rejects.toThrow(/http:\/\/127\.0\.0\.1:9\/resolve\/rev\/values_tree\.csv: network error.*VITW_DATA_DIR/);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('uses VITW_DATA_DIR without any request, and names a missing file', async () => {
    const { baseUrl, requests } = await serve(serveReal);
    expect(await ensureDataset({ env: { VITW_DATA_DIR: realDatasetDir }, baseUrl })).toBe(path.resolve(realDatasetDir));
    expect(requests).toEqual([]);
    const empty = tempCache();
    await expect(ensureDataset({ env: { VITW_DATA_DIR: empty } })).rejects.toThrow(/values_tree\.csv is not there/);
  });

  it('exits non-zero from the command line with one clear message', async () => {
    const { baseUrl } = await serve((_q, res) => res.writeHead(404).end());
    const run = promisify(execFile)(process.execPath, ['scripts/fetch-data.ts'], {
      env: { PATH: process.env.PATH, VITW_DATA_BASE_URL: baseUrl, VITW_CACHE_DIR: tempCache(), HOME: os.tmpdir() },
      cwd: path.resolve(import.meta.dirname, '../..'),
    });
    const failure = await run.then(() => null, (e: { code: number; stderr: string }) => e);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/HTTP 404.*VITW_DATA_DIR/s);
    expect(failure?.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});
