import * as fs from 'node:fs';
import { get } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';

/** Files whose reading fails, to check the server survives read errors (a real one is hard to cause on purpose). */
const failing = { beforeOpen: '', midway: '', slowOpen: '' };
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const createReadStream = ((file: string, ...rest: unknown[]) => {
    if (file === failing.beforeOpen) {
      const stream = new Readable({ read() {} });
      setImmediate(() => stream.destroy(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })));
      return stream;
    }
    if (file === failing.midway) {
      const stream = new Readable({ read() {} });
      setImmediate(() => {
        stream.emit('ready');
        stream.push('<!doctype html><p>the first part');
        setTimeout(() => stream.destroy(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })), 20);
      });
      return stream;
    }
    if (file === failing.slowOpen) {
      const stream = new Readable({ read() {} });
      setTimeout(() => {
        stream.emit('ready');
        stream.push('<!doctype html><p>late');
        stream.push(null);
      }, 100);
      return stream;
    }
    return (real.createReadStream as (...args: unknown[]) => fs.ReadStream)(file, ...rest);
  }) as typeof real.createReadStream;
  return { ...real, createReadStream, default: { ...real, createReadStream } };
});

let workDir: string;
let site: StaticServer;

/** A raw GET: the path goes out exactly as written (fetch would normalise some of it). */
function request(rawPath: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = get(`${site.url}${rawPath}`, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
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
  fs.writeFileSync(path.join(root, 'locked.txt'), 'never read');
  fs.writeFileSync(path.join(root, 'broken.html'), 'never read');
  // A sibling folder whose name starts like the root's: "dist-evil" begins with "dist".
  fs.mkdirSync(path.join(workDir, 'dist-evil'));
  fs.writeFileSync(path.join(workDir, 'dist-evil', 'secret.txt'), 'the secret');
  failing.beforeOpen = path.join(root, 'locked.txt');
  failing.midway = path.join(root, 'broken.html');
  fs.writeFileSync(path.join(root, 'slow.html'), 'never read');
  failing.slowOpen = path.join(root, 'slow.html');
  site = await startStaticServer(root);
});

afterAll(async () => {
  await site?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('the test server', () => {
  it('serves files and folders', async () => {
    expect(await request('/')).toMatchObject({ status: 200, body: '<!doctype html><p>home' });
    expect(await request('/values/x/')).toMatchObject({ status: 200, body: '<!doctype html><p>value x' });
  });

  it('cannot be led out of its folder into a sibling with an encoded ../', async () => {
    for (const attempt of ['/..%2Fdist-evil/secret.txt', '/..%2fdist-evil%2fsecret.txt', '/values/..%2F..%2F..%2Fdist-evil/secret.txt', '/%2e%2e%2Fdist-evil/secret.txt', '/..%5Cdist-evil/secret.txt']) {
      const response = await request(attempt);
      expect(response.body, attempt).not.toContain('the secret');
      expect([403, 404], attempt).toContain(response.status);
    }
    expect((await request('/..%2Fdist-evil/secret.txt')).status).toBe(403);
  });

  it('answers 400 to a malformed %-escape, and keeps serving', async () => {
    expect(await request('/%E0%A4%A')).toMatchObject({ status: 400, body: 'Bad request: malformed %-escape in the path' });
    expect(await request('/values/%ZZ/')).toMatchObject({ status: 400 });
    expect(await request('/a%00b')).toMatchObject({ status: 400 });
    expect((await request('/')).status).toBe(200);
  });

  it('answers 404 with 404.html for unknown paths', async () => {
    expect(await request('/nothing/here/')).toMatchObject({ status: 404, body: '<!doctype html><p>not here' });
  });

  it('answers 500 when a file cannot be opened, cuts the response when reading fails midway, and keeps serving', async () => {
    expect(await request('/locked.txt')).toMatchObject({ status: 500, body: 'Could not read the file' });
    await expect(request('/broken.html')).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
    expect((await request('/')).status).toBe(200);
  });

  it('keeps serving when a client leaves while its file is still opening', async () => {
    await new Promise<void>((resolve) => {
      const req = get(`${site.url}/slow.html`);
      req.on('error', () => resolve());
      setTimeout(() => req.destroy(), 20);
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await request('/')).status).toBe(200);
  });
});
