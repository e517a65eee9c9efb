import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from '../fixtures/react/app';

const CLIENT = fileURLToPath(new URL('../fixtures/react/client.ts', import.meta.url));

/**
 * Builds the server-rendered React page into a new temporary directory: index.html holds the
 * app's markup as react-dom/server renders it, client.js the bundle that hydrates it (React's
 * development build, which reports every hydration mismatch). Returns the directory.
 */
export async function buildReactPage(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-react-'));
  await build({
    entryPoints: [CLIENT],
    bundle: true,
    format: 'iife',
    outfile: join(dir, 'client.js'),
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const markup = renderToString(createElement(App));
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8" /><title>Fixture: a hydrated React page</title></head>',
    `<body><div id="root">${markup}</div><script src="client.js"></script></body>`,
    '</html>',
  ].join('\n');
  writeFileSync(join(dir, 'index.html'), html);
  return dir;
}
