/**
 * One page of the page benchmark: loaded once with the extension and once without, each in a
 * fresh tab that is closed afterwards (one web page open per browser at a time, which
 * `readStats` relies on). A measurement that fails is noted in the result, not thrown.
 */
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import {
  heapAfterGc,
  hoverToCard,
  longTaskDurations,
  meanFrameMs,
  Missing,
  waitForStats,
} from './measure';
import type { BenchPage } from './pages';
import { emptyResult, type PageResult } from './report';

export interface Browsers {
  withExtension: BrowserContext;
  /** The extension's service worker, which asks content scripts for their report. */
  worker: Worker;
  without: BrowserContext;
}

/** The 5 MB page takes seconds to load on a slow machine, and longer to scan in one go. */
const LOAD_TIMEOUT_MS = 120_000;
const SCAN_TIMEOUT_MS = 60_000;
/** Covers the 300 ms default hover delay. */
const CARD_TIMEOUT_MS = 5_000;
/** Time the page without the extension is given after `load`, for late layout and timers. */
const SETTLE_MS = 1_000;
const TICKER_MS = 5_000;

async function withExtension(
  page: BenchPage,
  tab: Page,
  cdp: CDPSession,
  worker: Worker,
  result: PageResult,
): Promise<void> {
  const scanDone = (s: { scanDoneAt: number | null }) => s.scanDoneAt !== null;
  let stats = await waitForStats(worker, scanDone, SCAN_TIMEOUT_MS, 'the scan did not finish');
  if (result.frameMs) {
    result.frameMs.with = await tab.evaluate(meanFrameMs, TICKER_MS);
    // Read again: the ticker's changes add rescans after the first scan.
    stats = await waitForStats(worker, scanDone, SCAN_TIMEOUT_MS, 'no report after the ticker');
  }
  const since = (t: number | null) => (t === null ? null : t - stats.startedAt);
  result.firstHighlightMs = since(stats.firstPaintAt);
  result.fullScanMs = since(stats.scanDoneAt);
  result.longestTaskMs = stats.longestTaskMs;
  result.longestTask = stats.longestTask;
  result.tasks = stats.tasks;
  result.registeredRanges = stats.registeredRanges;
  result.longTasks.with = await tab.evaluate(longTaskDurations);
  result.heapBytes.with = await heapAfterGc(cdp);
  // Last, as the card adds to the heap; the ticker's headline moves under the pointer.
  if (page.kind !== 'ticker' && stats.registeredRanges > 0) {
    result.hoverToCardMs = await hoverToCard(tab, worker, CARD_TIMEOUT_MS);
  }
}

async function without(tab: Page, cdp: CDPSession, result: PageResult): Promise<void> {
  await tab.waitForTimeout(SETTLE_MS);
  if (result.frameMs) result.frameMs.without = await tab.evaluate(meanFrameMs, TICKER_MS);
  result.longTasks.without = await tab.evaluate(longTaskDurations);
  result.heapBytes.without = await heapAfterGc(cdp);
}

/** Navigation start to the end of the load event (its start while a handler still runs). */
const loadEventEnd = () => {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return navigation ? navigation.loadEventEnd || navigation.loadEventStart : null;
};

/** Runs `step` in a fresh tab; a failure becomes a note on the result. */
async function inTab(
  context: BrowserContext,
  url: string,
  result: PageResult,
  label: string,
  step: (tab: Page, cdp: CDPSession) => Promise<void>,
): Promise<void> {
  const tab = await context.newPage();
  try {
    const cdp = await context.newCDPSession(tab);
    await tab.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    result.loadMs[label === 'without' ? 'without' : 'with'] = await tab.evaluate(loadEventEnd);
    await step(tab, cdp);
  } catch (error) {
    const message = error instanceof Missing ? error.message : String(error).split('\n')[0];
    result.problems.push(`${label}: ${message}`);
  } finally {
    await tab.close();
  }
}

export async function measurePage(
  page: BenchPage,
  url: string,
  browsers: Browsers,
): Promise<PageResult> {
  const result = emptyResult(page);
  await inTab(browsers.withExtension, url, result, 'with the extension', (tab, cdp) =>
    withExtension(page, tab, cdp, browsers.worker, result),
  );
  await inTab(browsers.without, url, result, 'without', (tab, cdp) => without(tab, cdp, result));
  return result;
}
