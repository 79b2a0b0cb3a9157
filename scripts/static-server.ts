import { createReadStream, existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.csv', '.xml', '.txt']);

type HeaderRule = { pattern: string; headers: [string, string][] };

/** Rules from a Netlify/Cloudflare-style `_headers` file, so tests see the headers a real static host would send. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules) {
    const matches = rule.pattern.endsWith('*') ? pathname.startsWith(rule.pattern.slice(0, -1)) : pathname === rule.pattern;
    if (!matches) continue;
    for (const [name, value] of rule.headers) result[name] = result[name] ? `${result[name]}, ${value}` : value;
  }
  return result;
}

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** The file a request path names inside root, or null when the decoded path leaves root (e.g. `/..%2Fdist-evil/x`). */
export function resolveInside(root: string, decodedPath: string): string | null {
  const file = path.resolve(root, `.${path.posix.sep}${decodedPath}`);
  const relative = path.relative(root, file);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return null;
  return file;
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * Serve a built site like a static host: index.html for folders, the `_headers` rules, gzip when the client accepts
 * it, and 404.html with status 404 for anything else. A path that decodes outside root gets 403, a malformed
 * %-escape 400, and a file that cannot be read 500 (or, mid-response, a cut connection); the server keeps serving.
 */
export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  root = path.resolve(root);
  const headersPath = path.join(root, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];

  const plain = (res: ServerResponse, status: number, text: string) => res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);

  const send = (req: IncomingMessage, res: ServerResponse, file: string, status: number, pathname: string) => {
    const ext = path.extname(file);
    const headers: Record<string, string> = { ...headersFor(rules, pathname), 'Content-Type': TYPES[ext] ?? 'application/octet-stream' };
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) headers['Content-Encoding'] = 'gzip';
    const stream = createReadStream(file);
    stream.once('error', () => {
      // Before the headers go out the client gets a 500; after, the response is cut short (pipeline destroys it).
      if (!res.headersSent) plain(res, 500, 'Could not read the file');
    });
    stream.once('ready', () => {
      // The client may have gone (a page navigated away) while the file was opening: piping into a closed response throws.
      if (res.destroyed) return void stream.destroy();
      res.writeHead(status, headers);
      const done = (error: Error | null) => {
        if (error) res.destroy();
      };
      if (gzip) pipeline(stream, createGzip(), res, done);
      else pipeline(stream, res, done);
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      return plain(res, 400, 'Bad request: malformed %-escape in the path');
    }
    if (decoded.includes('\0')) return plain(res, 400, 'Bad request: NUL in the path');
    let file = resolveInside(root, decoded);
    if (!file) return plain(res, 403, 'Forbidden');
    let info = statOrNull(file);
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html');
      info = statOrNull(file);
    }
    if (info?.isFile()) return send(req, res, file, 200, url.pathname);
    const notFound = path.join(root, '404.html');
    if (statOrNull(notFound)?.isFile()) return send(req, res, notFound, 404, url.pathname);
    return plain(res, 404, 'Not found');
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) plain(res, 500, 'Internal error');
      else res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
