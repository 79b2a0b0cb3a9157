import * as fs from 'node:fs';
import { get } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';

let workDir: string;
let site: StaticServer;

/** A raw GET: the path goes out exactly as written (fetch would normalise some of it). */
function request(rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = get(`${site.url}${rawPath}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const body = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
        resolve({ status: res.statusCode!, body, headers: res.headers });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitw-server-'));
  const root = path.join(workDir, 'dist');
  fs.mkdirSync(path.join(root, 'values', 'x'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><p>home');
  fs.writeFileSync(path.join(root, 'values', 'x', 'index.html'), '<!doctype html><p>value x');
  fs.writeFileSync(path.join(root, '404.html'), '<!doctype html><p>not here');
  fs.writeFileSync(path.join(root, 'data.csv'), 'a,b\n1,2\n'.repeat(50));
  fs.writeFileSync(path.join(root, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n/values/*\n  X-Frame-Options: DENY\n');
  // Outside the root: a sibling whose name starts like the root's ("dist-evil" begins with "dist"), and a folder.
  fs.mkdirSync(path.join(workDir, 'dist-evil'));
  fs.writeFileSync(path.join(workDir, 'dist-evil', 'secret.txt'), 'the secret');
  fs.writeFileSync(path.join(workDir, 'dist-evil', 'index.html'), 'the secret page');
  // Links out of the root, to a file, to a folder and as a page; and one inside it, which is served.
  fs.symlinkSync(path.join(workDir, 'dist-evil', 'secret.txt'), path.join(root, 'leak.txt'));
  fs.symlinkSync(path.join(workDir, 'dist-evil'), path.join(root, 'elsewhere'));
  fs.symlinkSync(path.join(workDir, 'dist-evil', 'index.html'), path.join(root, 'page.html'));
  fs.symlinkSync(path.join(root, 'values', 'x', 'index.html'), path.join(root, 'alias.html'));
  site = await startStaticServer(root);
});

afterAll(async () => {
  await site?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('the test server', () => {
  it('serves files and folders, with the _headers rules that match', async () => {
    expect(await request('/')).toMatchObject({ status: 200, body: '<!doctype html><p>home' });
    const value = await request('/values/x/');
    expect(value).toMatchObject({ status: 200, body: '<!doctype html><p>value x' });
    expect(value.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
    expect((await request('/')).headers['x-frame-options']).toBeUndefined();
  });

  it('gzips what it sends when the client accepts it', async () => {
    const csv = await request('/data.csv', { 'Accept-Encoding': 'gzip' });
    expect(csv.headers['content-encoding']).toBe('gzip');
    expect(csv.body).toBe('a,b\n1,2\n'.repeat(50));
    expect((await request('/data.csv')).headers['content-encoding']).toBeUndefined();
  });

  it('does not serve a symbolic link that leads out of its folder, however it is named', async () => {
    for (const attempt of ['/leak.txt', '/elsewhere/secret.txt', '/elsewhere/', '/elsewhere', '/page.html', '/page', '/%6ceak.txt', '/elsewhere%2Fsecret.txt', '/values/../leak.txt']) {
      const response = await request(attempt);
      expect(response.body, attempt).not.toContain('the secret');
      expect(response.status, attempt).toBe(404);
    }
    expect(await request('/alias.html')).toMatchObject({ status: 200, body: '<!doctype html><p>value x' });
  });

  it('serves a file added after it started, and refuses a link out added after it started', async () => {
    const root = path.join(workDir, 'dist');
    fs.writeFileSync(path.join(root, 'later.html'), '<!doctype html><p>later');
    fs.symlinkSync(path.join(workDir, 'dist-evil', 'secret.txt'), path.join(root, 'later-leak.txt'));
    expect(await request('/later.html')).toMatchObject({ status: 200, body: '<!doctype html><p>later' });
    expect((await request('/later-leak.txt')).status).toBe(404);
  });

  it('cannot be led out of its folder into a sibling with an encoded ../', async () => {
    for (const attempt of ['/..%2Fdist-evil/secret.txt', '/..%2fdist-evil%2fsecret.txt', '/values/..%2F..%2F..%2Fdist-evil/secret.txt', '/%2e%2e%2Fdist-evil/secret.txt', '/..%5Cdist-evil/secret.txt']) {
      const response = await request(attempt);
      expect(response.body, attempt).not.toContain('the secret');
      expect(response.status, attempt).toBe(404);
    }
  });

  it('answers 404 with 404.html for unknown and malformed paths, and keeps serving', async () => {
    expect(await request('/nothing/here/')).toMatchObject({ status: 404, body: '<!doctype html><p>not here' });
    expect((await request('/%E0%A4%A')).status).toBe(404);
    expect((await request('/a%00b')).status).toBe(404);
    expect((await request('/')).status).toBe(200);
  });
});
