/**
 * `npm run bench:page`: loads every saved news page of ../shared/corpus/news-pages and three
 * generated pages (a ~5 MB article, a ~1 MB article, a live ticker) in Chromium with the built
 * extension and in plain Chromium in the same run, and prints one row per page: the content
 * script's own timings (first highlight, full scan, longest task, hover → card), long tasks
 * seen from the page with / without us, highlight ranges, JS heap with − without, and on the
 * ticker page the mean frame time with / without. Targets are printed under the table and
 * misses marked; missing a target still exits 0 (this is a measurement), a crash does not.
 *
 * It also loads a sweep of generated articles from 10 KB to 2 MB, whose first-highlight and
 * full-scan times (against the page's own load time without the extension) are the report's
 * chart of scan time against page size (tests/bench/report.ts).
 *
 * Options: --only NAME (pages whose name contains NAME), --json FILE, --no-build, --quick (for
 * development: three saved pages, no 5 MB page, two sweep sizes).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext } from 'playwright-core';
import { availability, CHROME_BUILD, CHROMIUM_PATH } from '../support/browsers';
import { CORPUS_DIR } from '../support/corpus';
import {
  extensionWorker,
  launchExtensionContext,
  launchPlainBrowser,
  VIEWPORT,
} from '../support/drivers';
import { serveStatic } from '../support/server';
import { corpusBenchPages, mounts, writeGeneratedPages } from './page/pages';
import { formatReport, TARGETS } from './page/report';
import { routePages } from '../support/server';
import { measurePage, type Browsers } from './page/run';

const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    json: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const started = performance.now();
  if (!options['no-build']) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  const ready = availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium');
  if (!ready.ok) throw new Error(ready.reason);

  const corpus = corpusBenchPages().slice(0, options.quick ? 3 : undefined);
  if (corpus.length === 0) {
    console.log(`${CORPUS_DIR} is absent: skipping the saved news pages, running generated ones.`);
  }
  const generatedDir = await mkdtemp(join(tmpdir(), 'backstory-bench-'));
  const server = await serveStatic(mounts(generatedDir));
  let withExtension: BrowserContext | undefined;
  let plainBrowser: Browser | undefined;
  try {
    const pages = [...corpus, ...(await writeGeneratedPages(generatedDir, options.quick))].filter(
      (page) => !options.only || page.name.includes(options.only),
    );
    if (pages.length === 0) throw new Error(`no page name contains "${options.only}"`);
    withExtension = await launchExtensionContext();
    plainBrowser = await launchPlainBrowser();
    const browsers: Browsers = {
      withExtension,
      worker: await extensionWorker(withExtension),
      without: await plainBrowser.newContext({ viewport: VIEWPORT }),
    };
    const scriptless = new Set(pages.filter((p) => !p.scripts).map((p) => server.url + p.path));
    await routePages(browsers.withExtension, server.url, scriptless);
    await routePages(browsers.without, server.url, scriptless);

    const results = [];
    for (const page of pages) {
      process.stderr.write(`${page.name}… `);
      results.push(await measurePage(page, `${server.url}${page.path}`, browsers));
      process.stderr.write('done\n');
    }
    const seconds = (performance.now() - started) / 1000;
    const meta = {
      chromium: plainBrowser.version(),
      cpus: cpus().length,
      seconds,
      viewport: VIEWPORT,
      quick: options.quick,
    };
    console.log(
      `Page benchmark: Chromium ${meta.chromium}, ${meta.cpus} CPUs, ` +
        `viewport ${VIEWPORT.width}×${VIEWPORT.height}, Node ${process.version}`,
    );
    console.log(formatReport(results));
    console.log(
      `Run took ${seconds.toFixed(0)} s${options['no-build'] ? '' : ' (with the build)'}.`,
    );
    if (options.json) {
      const json = { ...meta, targets: TARGETS, results };
      await writeFile(options.json, JSON.stringify(json, null, 2));
    }
  } finally {
    await withExtension?.close();
    await plainBrowser?.close();
    await server.close();
    await rm(generatedDir, { recursive: true, force: true });
  }
}

await main();
