import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import sirv from 'sirv';

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

/** The request's path, decoded as sirv decodes it (malformed escapes left as they are). */
function requestPath(req: IncomingMessage): string {
  const pathname = (req.url ?? '/').replace(/[?#].*$/, '');
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

/**
 * Whether any file sirv would try for this path (the path, with .html or .htm, or its folder's index) lies outside
 * root once symbolic links are followed: sirv reads through links, so such a request is refused before it sees it.
 */
function leadsOut(root: string, realRoot: string, pathname: string): boolean {
  const base = pathname.replace(/\/+$/, '');
  return ['', '.html', '.htm'].flatMap((ext) => [base + ext, `${base}/index${ext}`]).some((candidate) => {
    let real: string;
    try {
      real = realpathSync(path.join(root, candidate));
    } catch {
      return false; // not there (or a dangling link): sirv finds nothing either
    }
    const relative = path.relative(realRoot, real);
    return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  });
}

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serve a built site like a static host, with sirv: index.html for folders, the `_headers` rules, gzip when the
 * client accepts it, and 404.html with status 404 for anything else, a path that leads out of root included. Files
 * are read as they are at each request (tests add pages to a folder being served).
 */
export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  root = path.resolve(root);
  const headersPath = path.join(root, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  const realRoot = realpathSync(root);
  const notFoundPage = path.join(root, '404.html');

  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    const page = existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found';
    const type = typeof page === 'string' ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8';
    res.writeHead(404, { ...headersFor(rules, new URL(req.url ?? '/', 'http://localhost').pathname), 'Content-Type': type }).end(page);
  };
  const files = sirv(root, {
    dev: true,
    etag: false,
    setHeaders: (res, pathname) => {
      for (const [name, value] of Object.entries(headersFor(rules, pathname))) res.setHeader(name, value);
    },
    onNoMatch: notFound,
  });
  const gzip = compression({ threshold: 0 });

  const server = createServer((req, res) => {
    gzip(req as Parameters<typeof gzip>[0], res as Parameters<typeof gzip>[1], () => (leadsOut(root, realRoot, requestPath(req)) ? notFound(req, res) : files(req, res)));
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
