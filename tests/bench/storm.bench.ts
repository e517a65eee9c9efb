/**
 * `npm run bench:storm`: what the content script costs a page that never stops changing. Each
 * scenario runs in Chromium with the built extension and in plain Chromium in the same run, one
 * tab at a time:
 *
 * - storm: 1,000 nodes added every 100 ms for 30 s (tests/fixtures/pages/storm.html);
 * - steady storm: the same, but the page keeps only its newest 10,000 nodes (a leak shows as
 *   heap that keeps growing while the page does not);
 * - ticker: the page benchmark's live ticker (a headline replaced every 100 ms, an item added
 *   every 250 ms), for 30 s.
 *
 * CPU is CPU time, not wall time (which a busy machine inflates), from DevTools
 * `Performance.getMetrics`: `ThreadTime` of the page's main thread (where our content script
 * runs, and the page's scripts, style, layout and paint) and `ProcessTime` of its whole renderer
 * process (raster and compositing too), each divided by the run's wall time: 100 % is one core.
 * Heap is the page's JS heap after a forced GC (all script worlds) at 10 s and at the end.
 * Targets: main-thread CPU with us at most 10 points of a core above the page's own; on pages
 * that stop growing, heap growth from 10 s to the end no more than 1 MB above the page's own;
 * one MutationObserver of ours.
 *
 * Options: --seconds N (default 30), --quick (6 s per run, for development), --json FILE,
 * --no-build.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { availability, CHROME_BUILD, CHROMIUM_PATH } from '../support/browsers';
import {
  extensionWorker,
  launchExtensionContext,
  launchPlainBrowser,
  VIEWPORT,
} from '../support/drivers';
import { collectErrors, describeErrors } from '../support/page-errors';
import { serveStatic } from '../support/server';
import { heapAfterGc, readStats } from './page/measure';
import { writeGeneratedPages } from './page/pages';
import {
  STORM_TARGETS_TEXT,
  stormTable,
  type StormResult,
  type StormRun,
  type StormScenarioResult,
} from './storm-table';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const SECONDS = options.quick ? 6 : Number(options.seconds);
const FIXTURES = fileURLToPath(new URL('../fixtures/pages', import.meta.url));

interface Scenario {
  name: string;
  path: string;
  /** Whether the page stops growing (the heap check applies). */
  steady: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds of the page's main thread and of its renderer process so far. */
async function cpuSeconds(cdp: CDPSession): Promise<{ thread: number; process: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const metric = (name: string) => metrics.find((m) => m.name === name)!.value;
  return { thread: metric('ThreadTime'), process: metric('ProcessTime') };
}

async function runOnce(
  context: BrowserContext,
  url: string,
  withExtension: boolean,
): Promise<{ run: StormRun; errors: string }> {
  const page = await context.newPage();
  const errors = await collectErrors(context, page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  const start = Date.now();
  const cpuStart = await cpuSeconds(cdp);
  await sleep(Math.min(10, SECONDS / 3) * 1000);
  const heapAt10s = await heapAfterGc(cdp);
  // Until the page's own run is over (it stops itself after `for` ms).
  await sleep(Math.max(0, SECONDS * 1000 - (Date.now() - start)));
  const cpuEnd = await cpuSeconds(cdp);
  const wall = (Date.now() - start) / 1000;
  const heapAtEnd = await heapAfterGc(cdp);
  let stats: StormRun['stats'];
  if (withExtension) {
    await page.bringToFront();
    stats = await readStats(await extensionWorker(context));
  }
  await page.close();
  const ours = errors.filter((e) => e.world !== '');
  return {
    run: {
      cpu: (cpuEnd.thread - cpuStart.thread) / wall,
      processCpu: (cpuEnd.process - cpuStart.process) / wall,
      heapAt10s,
      heapAtEnd,
      stats,
    },
    errors: describeErrors(ours),
  };
}

async function main(): Promise<void> {
  if (!options['no-build']) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  const ready = availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium');
  if (!ready.ok) throw new Error(ready.reason);
  const generated = await mkdtemp(join(tmpdir(), 'backstory-storm-'));
  await writeGeneratedPages(generated);
  const server = await serveStatic({ fixtures: FIXTURES, generated });
  const ms = SECONDS * 1000;
  const scenarios: Scenario[] = [
    { name: 'storm', path: `fixtures/storm.html?for=${ms}`, steady: false },
    { name: 'steady storm', path: `fixtures/storm.html?for=${ms}&keep=2500`, steady: true },
    // The ticker runs forever: it is measured for as long as the storms.
    { name: 'ticker', path: 'generated/ticker.html', steady: true },
  ];
  const withExtension = await launchExtensionContext();
  const plain = await launchPlainBrowser();
  const without = await plain.newContext({ viewport: VIEWPORT });
  const problems: string[] = [];
  const results: StormScenarioResult[] = [];
  try {
    for (const scenario of scenarios) {
      process.stderr.write(`${scenario.name}… `);
      const url = server.url + scenario.path;
      const { run: runWith, errors } = await runOnce(withExtension, url, true);
      const { run: runWithout } = await runOnce(without, url, false);
      process.stderr.write('done\n');
      results.push({
        name: scenario.name,
        steady: scenario.steady,
        with: runWith,
        without: runWithout,
      });
      if (errors) problems.push(`${scenario.name}: errors of ours:\n${errors}`);
    }
  } finally {
    await withExtension.close();
    await plain.close();
    await server.close();
    await rm(generated, { recursive: true, force: true });
  }
  const result: StormResult = {
    chromium: plain.version(),
    cpus: cpus().length,
    seconds: SECONDS,
    scenarios: results,
  };
  console.log(
    `Storm benchmark: Chromium ${result.chromium}, ${result.cpus} CPUs, ${SECONDS} s per run, Node ${process.version}\n`,
  );
  console.log(stormTable(result));
  console.log(`\n${STORM_TARGETS_TEXT}`);
  for (const problem of problems) console.log(`\n${problem}`);
  if (options.json) await writeFile(options.json, JSON.stringify(result, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
