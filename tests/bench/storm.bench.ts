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
 * Options: --seconds N (default 30), --json FILE, --no-build.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BrowserContext, CDPSession } from 'playwright-core';
import type { PageStats } from '../../src/shared/messages';
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

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    json: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(options.seconds);
const FIXTURES = fileURLToPath(new URL('../fixtures/pages', import.meta.url));

export const STORM_TARGETS = {
  /** Extra main-thread CPU, in points of one core. */
  cpuPoints: 10,
  /** Extra heap growth over the run on the steady page, in bytes. */
  steadyHeapGrowth: 1024 * 1024,
};

interface Scenario {
  name: string;
  path: string;
  /** Whether the page stops growing (the heap check applies). */
  steady: boolean;
}

interface Run {
  /** Main-thread CPU time over wall time, 0–1 of a core. */
  cpu: number;
  /** The renderer process's CPU time over wall time. */
  processCpu: number;
  heapAt10s: number;
  heapAtEnd: number;
  stats?: PageStats;
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
): Promise<Run & { errors: string }> {
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
  let stats: PageStats | undefined;
  if (withExtension) {
    await page.bringToFront();
    stats = await readStats(await extensionWorker(context));
  }
  await page.close();
  const ours = errors.filter((e) => e.world !== '');
  return {
    cpu: (cpuEnd.thread - cpuStart.thread) / wall,
    processCpu: (cpuEnd.process - cpuStart.process) / wall,
    heapAt10s,
    heapAtEnd,
    stats,
    errors: describeErrors(ours),
  };
}

const mb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024 / 1024).toFixed(2)} MB`;
const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

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
  const rows: string[] = [];
  const problems: string[] = [];
  const results: Record<string, { with: Run; without: Run }> = {};
  try {
    for (const scenario of scenarios) {
      process.stderr.write(`${scenario.name}… `);
      const url = server.url + scenario.path;
      const runWith = await runOnce(withExtension, url, true);
      const runWithout = await runOnce(without, url, false);
      process.stderr.write('done\n');
      results[scenario.name] = { with: runWith, without: runWithout };
      if (runWith.errors) problems.push(`${scenario.name}: errors of ours:\n${runWith.errors}`);
      const extra = (runWith.cpu - runWithout.cpu) * 100;
      const cpuMiss = extra > STORM_TARGETS.cpuPoints ? ' ✗' : '';
      const points = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
      const growthWith = runWith.heapAtEnd - runWith.heapAt10s;
      const growthWithout = runWithout.heapAtEnd - runWithout.heapAt10s;
      const heapMiss =
        scenario.steady && growthWith - growthWithout > STORM_TARGETS.steadyHeapGrowth ? ' ✗' : '';
      const s = runWith.stats;
      const observers = s ? `${s.mutationObservers}${s.mutationObservers === 1 ? '' : ' ✗'}` : '—';
      rows.push(
        `| ${scenario.name} | ${pct(runWith.cpu)} / ${pct(runWithout.cpu)} (${points(extra)}${cpuMiss}) ` +
          `| ${pct(runWith.processCpu)} / ${pct(runWithout.processCpu)} (${points((runWith.processCpu - runWithout.processCpu) * 100)}) ` +
          `| ${mb(growthWith)} / ${mb(growthWithout)}${heapMiss} ` +
          `| ${mb(runWith.heapAtEnd - runWithout.heapAtEnd)} | ${observers} ` +
          `| ${s ? `${((s.busyMs / 1000 / SECONDS) * 100).toFixed(1)} % in ${s.tasks} tasks, ${s.fullScans} full reads` : '—'} ` +
          `| ${s ? `${s.longestTaskMs.toFixed(1)} ${s.longestTask}` : '—'} | ${s ? `${s.matches} / ${s.blocks}` : '—'} |`,
      );
    }
  } finally {
    await withExtension.close();
    await plain.close();
    await server.close();
    await rm(generated, { recursive: true, force: true });
  }
  console.log(
    `Storm benchmark: Chromium ${plain.version()}, ${cpus().length} CPUs, ${SECONDS} s per run, Node ${process.version}\n`,
  );
  console.log(
    '| page | main-thread CPU: with / without (extra points) | renderer process CPU: with / without (extra) | heap growth 10 s → end: with / without | heap at end: with − without | our observers | our own work | our longest task (ms) | names / blocks held |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(
    `\nCPU is CPU time over wall time, 100 % = one core. Targets (✗ marks a miss): main-thread CPU ≤ ${STORM_TARGETS.cpuPoints} points above the page's own; on pages that stop growing, ` +
      `heap growth ≤ ${mb(STORM_TARGETS.steadyHeapGrowth)} above the page's own; one MutationObserver.`,
  );
  for (const problem of problems) console.log(`\n${problem}`);
  if (options.json) await writeFile(options.json, JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
