/**
 * What the page benchmark measures in one loaded page: the content script's own report (asked
 * for through the extension's service worker), long tasks, heap after a forced GC, hover to
 * card, and frame times.
 *
 * Functions passed to `page.evaluate` are sent as source text. tsx (esbuild's keepNames) wraps
 * every named function inside them in a `__name(...)` call that does not exist in the page, so
 * the page-side functions below declare no named functions and loop with `await` instead.
 */
import type { CDPSession, Page, Worker } from 'playwright-core';
import { pageStatsSchema, type PageStats } from '../../../src/shared/messages';

/** The part of the extension API used in the service worker (the project has no @types/chrome). */
declare const chrome: {
  tabs: {
    query(info: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};

/** A measurement that could not be taken; shown under the table, not thrown out of the run. */
export class Missing extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The content script's report. The extension has no "tabs" permission, so the worker cannot
 * read tab URLs to pick our tab; it asks every tab instead. The benchmark keeps one web page
 * open at a time in that browser, so at most one content script answers (the rest reject, or
 * answer nothing before the content script has started).
 */
export async function readStats(worker: Worker): Promise<PageStats | undefined> {
  const answers = await worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    const replies = await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : chrome.tabs.sendMessage(tab.id, { type: 'stats' }).catch(() => undefined),
      ),
    );
    return replies.filter((reply) => reply !== undefined && reply !== null);
  });
  if (answers.length > 1) throw new Error(`${answers.length} tabs answered the stats request`);
  return answers.length === 0 ? undefined : pageStatsSchema.parse(answers[0]);
}

/** Polls the report until `check` accepts it. */
export async function waitForStats(
  worker: Worker,
  check: (stats: PageStats) => boolean,
  timeoutMs: number,
  what: string,
): Promise<PageStats> {
  const deadline = Date.now() + timeoutMs;
  let last: PageStats | undefined;
  while (Date.now() < deadline) {
    last = await readStats(worker);
    if (last && check(last)) return last;
    await sleep(100);
  }
  const seen = last ? `last report: ${JSON.stringify(last)}` : 'no report at all';
  throw new Missing(`${what} within ${timeoutMs / 1000} s (${seen})`);
}

/**
 * Durations of the tasks of ≥ 50 ms since navigation. `takeRecords` hands over the buffered
 * entries at once, which also works on pages whose scripts are disabled (where an observer's
 * callback would never run).
 */
export const longTaskDurations = (): number[] => {
  const observer = new PerformanceObserver(() => undefined);
  observer.observe({ type: 'longtask', buffered: true });
  const durations = observer.takeRecords().map((entry) => entry.duration);
  observer.disconnect();
  return durations;
};

/** Bytes used by the page's JS heap after a forced GC; it includes content scripts' worlds. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * The centre of the first highlighted name on screen that the pointer can reach (not hidden,
 * not under a banner or overlay). When none is, scrolls each rendered name into view in turn
 * until one is; null when no name can be reached at all.
 */
const hoverTarget = () => {
  const ranges: Range[] = [];
  // Iterators, not forEach: on pages whose scripts are disabled the browser refuses to call
  // callbacks ("no longer runnable"), even ours.
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('backstory-')) continue;
    for (const r of highlight) {
      // Ranges may be StaticRanges, which have no rects: rebuild each as a live Range.
      try {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        ranges.push(range);
      } catch {
        // the range points into nodes that are gone
      }
    }
  }
  // First the names on screen, then each rendered one scrolled into view in turn. (One loop,
  // no helper function: see the note at the top of this file.)
  for (const scroll of [false, true]) {
    for (const range of ranges) {
      if (scroll && range.getClientRects().length === 0) continue; // hidden: cannot scroll to it
      if (scroll) {
        range.startContainer.parentElement?.scrollIntoView({
          block: 'center',
          behavior: 'instant',
        });
      }
      const rect = range.getClientRects()[0];
      if (!rect || rect.top < 0 || rect.bottom > innerHeight) continue;
      if (rect.left < 0 || rect.right > innerWidth) continue;
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      if (document.elementFromPoint(x, y)?.contains(range.startContainer)) return { x, y };
    }
  }
  return null;
};

const cardPlaced = () =>
  document.querySelector('backstory-card')?.shadowRoot?.querySelector('.bs-frame[data-placed]') !=
  null;

/**
 * Rests the pointer on the first highlighted name and returns the content script's own
 * "hover delay over → card placed" time. `timeoutMs` covers the hover delay too.
 */
export async function hoverToCard(page: Page, worker: Worker, timeoutMs: number): Promise<number> {
  const point = await page.evaluate(hoverTarget);
  if (!point) throw new Missing('no highlighted name is shown where the pointer can reach it');
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(cardPlaced, null, { timeout: timeoutMs }).catch(() => {
    throw new Missing(`no card ${timeoutMs / 1000} s after hovering a name`);
  });
  const stats = await waitForStats(
    worker,
    (s) => s.hoverToCardMs.length > 0,
    2_000,
    'no card time',
  );
  return stats.hoverToCardMs[0]!;
}

/** Mean time between animation frames over `ms`, from requestAnimationFrame timestamps. */
export const meanFrameMs = async (ms: number): Promise<number> => {
  let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const start = last;
  let frames = 0;
  while (last - start < ms) {
    last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    frames++;
  }
  return (last - start) / frames;
};
