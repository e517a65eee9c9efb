import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** Base URL ending in '/', e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Extra response headers by URL path (e.g. '/fixtures/csp.html'): a page served with its
   * own Content-Security-Policy, as sites send it, not as a <meta> tag the page could drop.
   */
  headers?: Record<string, Record<string, string>>;
}

/**
 * Serves files from `roots` on 127.0.0.1 at an ephemeral port: `/<mount>/<file>` maps to
 * `roots[mount]/<file>`. Content scripts do not run on file:// pages, hence a real server.
 */
export async function serveStatic(
  roots: Record<string, string>,
  options: ServeOptions = {},
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const extra = options.headers?.[path] ?? {};
    // Browsers ask every server for an icon; no content, rather than a 404 in the console.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const [, mount = '', ...rest] = path.split('/');
    const root = roots[mount];
    const file = root && normalize(join(root, ...rest));
    if (!root || !file || !file.startsWith(normalize(root) + sep)) {
      res.writeHead(404).end('not found');
      return;
    }
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            ...extra,
          })
          .end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Refuses every request that would leave the machine (there is no network here anyway) and
 * serves the pages whose scripts are off with `script-src 'none'`: saved pages' scripts cannot
 * fetch what they need offline, and we test or measure our work, not theirs. A page's CSP does
 * not bind content scripts. (Not Playwright's `javaScriptEnabled: false`: that also stops the
 * content script's own timers, animation frames and callbacks, so no card would open and a
 * time-sliced scan would never finish.)
 */
export async function routePages(
  context: BrowserContext,
  serverUrl: string,
  scriptless: Set<string>,
): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(serverUrl)) return route.abort();
    if (!scriptless.has(url)) return route.continue();
    const response = await route.fetch();
    const csp = { 'content-security-policy': "script-src 'none'" };
    return route.fulfill({ response, headers: { ...response.headers(), ...csp } });
  });
}
