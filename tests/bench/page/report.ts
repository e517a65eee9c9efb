/**
 * The page benchmark's results, its targets (issue: "viewport-first, time-sliced scanning"),
 * and the printed table in the style of tests/bench/matcher.bench.ts: one row per page, each
 * cell that misses its target marked with ✗.
 */
import { markdownTable } from '../markdown';
import type { BenchPage } from './pages';

export const TARGETS = {
  /** First highlight after the content script started, on an article page. */
  firstHighlightMs: 50,
  /** The same for the first screen of the 1 MB page. */
  firstScreenMs: 100,
  longestTaskMs: 16,
  /** From the end of the hover delay to the card being placed. */
  hoverToCardMs: 50,
  /** Extra mean frame time on the ticker page, with the extension against without. */
  tickerFrameMs: 2,
};

export const TARGETS_TEXT =
  `Targets (✗ marks a miss): first highlight ≤ ${TARGETS.firstHighlightMs} ms on an article page, ` +
  `≤ ${TARGETS.firstScreenMs} ms for the first screen of the 1 MB page; longest task of ours ` +
  `≤ ${TARGETS.longestTaskMs} ms; card placed ≤ ${TARGETS.hoverToCardMs} ms after the hover delay; ` +
  `ticker ≤ ${TARGETS.tickerFrameMs} ms/frame more than without.`;

/** Both runs of one page; null where a measurement could not be taken (see `problems`). */
export interface PageResult {
  page: string;
  bytes: number;
  kind: BenchPage['kind'];
  source: BenchPage['source'];
  /** Navigation start to the end of the page's load event, in each browser. */
  loadMs: { with: number | null; without: number | null };
  /** From the content script's report, relative to its start. */
  firstHighlightMs: number | null;
  fullScanMs: number | null;
  /** The report's longest task, and its number of tasks. */
  longestTaskMs: number | null;
  /** What the longest task was doing (the report's label). */
  longestTask: string | null;
  tasks: number | null;
  registeredRanges: number | null;
  /** Durations of tasks ≥ 50 ms seen by a PerformanceObserver in the page. */
  longTasks: { with: number[] | null; without: number[] | null };
  heapBytes: { with: number | null; without: number | null };
  hoverToCardMs: number | null;
  /** Ticker page only: mean ms between animation frames. */
  frameMs: { with: number | null; without: number | null } | null;
  problems: string[];
}

export function emptyResult(page: BenchPage): PageResult {
  return {
    page: page.name,
    bytes: page.bytes,
    kind: page.kind,
    source: page.source,
    loadMs: { with: null, without: null },
    firstHighlightMs: null,
    fullScanMs: null,
    longestTaskMs: null,
    longestTask: null,
    tasks: null,
    registeredRanges: null,
    longTasks: { with: null, without: null },
    heapBytes: { with: null, without: null },
    hoverToCardMs: null,
    frameMs: page.kind === 'ticker' ? { with: null, without: null } : null,
    problems: [],
  };
}

const ms = (v: number) => (v < 100 ? v.toFixed(1) : v.toFixed(0));
/** A time cell, marked when it is over its target. */
const timed = (v: number | null, target?: number) =>
  v === null ? '—' : `${ms(v)}${target !== undefined && v > target ? ' ✗' : ''}`;
const longest = (tasks: number[] | null) =>
  tasks === null ? '—' : tasks.length === 0 ? '0' : `${ms(Math.max(...tasks))} (${tasks.length})`;

function heapCell({ with: w, without }: PageResult['heapBytes']): string {
  if (w === null || without === null) return '—';
  const mb = (w - without) / 1e6;
  return `${mb >= 0 ? '+' : ''}${mb.toFixed(2)} MB`;
}

function frameCell(frames: PageResult['frameMs']): string {
  if (!frames) return '';
  if (frames.with === null || frames.without === null) return '—';
  const delta = frames.with - frames.without;
  const miss = delta > TARGETS.tickerFrameMs ? ' ✗' : '';
  return `${frames.with.toFixed(1)} / ${frames.without.toFixed(1)} (${delta >= 0 ? '+' : ''}${delta.toFixed(1)}${miss})`;
}

function row(r: PageResult): string[] {
  const firstTarget = r.kind === 'first-screen' ? TARGETS.firstScreenMs : TARGETS.firstHighlightMs;
  const scanned = r.fullScanMs !== null;
  return [
    r.page,
    String(Math.round(r.bytes / 1000)),
    // A finished scan without a first highlight: the page has no names.
    scanned && r.firstHighlightMs === null ? 'none' : timed(r.firstHighlightMs, firstTarget),
    timed(r.fullScanMs),
    timed(r.longestTaskMs, TARGETS.longestTaskMs) +
      (r.longestTask ? ` ${r.longestTask}` : '') +
      (r.tasks === null ? '' : ` (${r.tasks})`),
    `${longest(r.longTasks.with)} / ${longest(r.longTasks.without)}`,
    r.registeredRanges === null ? '—' : String(r.registeredRanges),
    heapCell(r.heapBytes),
    timed(r.hoverToCardMs, TARGETS.hoverToCardMs),
    frameCell(r.frameMs),
  ];
}

const HEADER = [
  'page',
  'KB',
  'first highlight',
  'full scan',
  'longest task (n)',
  'long tasks ≥50 ms: with / without',
  'ranges',
  'heap Δ',
  'hover → card',
  'ticker frame: with / without (Δ)',
];

const LEGEND =
  'Times in ms. First highlight, full scan (both after the content script started), longest ' +
  "task (and number of tasks) and hover → card come from the content script's report; long " +
  'tasks are the longest (and number) a PerformanceObserver saw in the page with and without ' +
  'the extension: in Chromium that includes the task that loads our content script (before ' +
  "the report's start, so not in its longest task) but not our later tasks, which follow an " +
  'extension message. Heap Δ is the JS heap after a forced GC, with the extension minus without.';

/** The table, then what went missing, then the targets. */
export function formatReport(results: PageResult[]): string {
  const problems = results.flatMap((r) => r.problems.map((p) => `  ${r.page}: ${p}`));
  return [
    markdownTable(HEADER, results.map(row)),
    LEGEND,
    ...(problems.length > 0 ? ['Not measured:', ...problems] : []),
    TARGETS_TEXT,
  ].join('\n');
}
