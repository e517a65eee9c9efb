/**
 * The storm benchmark's results as data (written with --json) and as the table it prints,
 * shared with the report (tests/bench/report.ts).
 */
import type { PageStats } from '../../src/shared/messages';
import { markdownTable } from './markdown';

export const STORM_TARGETS = {
  /** Extra main-thread CPU, in points of one core. */
  cpuPoints: 10,
  /** Extra heap growth over the run on the steady page, in bytes. */
  steadyHeapGrowth: 1024 * 1024,
};

export interface StormRun {
  /** Main-thread CPU time over wall time, 0–1 of a core. */
  cpu: number;
  /** The renderer process's CPU time over wall time. */
  processCpu: number;
  heapAt10s: number;
  heapAtEnd: number;
  stats?: PageStats | undefined;
}

export interface StormScenarioResult {
  name: string;
  /** Whether the page stops growing (the heap target applies). */
  steady: boolean;
  with: StormRun;
  without: StormRun;
}

export interface StormResult {
  chromium: string;
  cpus: number;
  seconds: number;
  scenarios: StormScenarioResult[];
}

export const mb = (bytes: number) =>
  `${bytes >= 0 ? '+' : ''}${(bytes / 1024 / 1024).toFixed(2)} MB`;
const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
const points = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;

function row(s: StormScenarioResult, seconds: number): string[] {
  const { with: w, without: wo } = s;
  const extra = (w.cpu - wo.cpu) * 100;
  const cpuMiss = extra > STORM_TARGETS.cpuPoints ? ' ✗' : '';
  const growthWith = w.heapAtEnd - w.heapAt10s;
  const growthWithout = wo.heapAtEnd - wo.heapAt10s;
  const heapMiss =
    s.steady && growthWith - growthWithout > STORM_TARGETS.steadyHeapGrowth ? ' ✗' : '';
  const stats = w.stats;
  return [
    s.name,
    `${pct(w.cpu)} / ${pct(wo.cpu)} (${points(extra)}${cpuMiss})`,
    `${pct(w.processCpu)} / ${pct(wo.processCpu)} (${points((w.processCpu - wo.processCpu) * 100)})`,
    `${mb(growthWith)} / ${mb(growthWithout)}${heapMiss}`,
    mb(w.heapAtEnd - wo.heapAtEnd),
    stats ? `${stats.mutationObservers}${stats.mutationObservers === 1 ? '' : ' ✗'}` : '—',
    stats
      ? `${((stats.busyMs / 1000 / seconds) * 100).toFixed(1)} % in ${stats.tasks} tasks, ${stats.fullScans} full reads`
      : '—',
    stats ? `${stats.longestTaskMs.toFixed(1)} ${stats.longestTask}` : '—',
    stats ? `${stats.matches} / ${stats.blocks}` : '—',
  ];
}

export function stormTable(result: StormResult): string {
  return markdownTable(
    [
      'page',
      'main-thread CPU: with / without (extra points)',
      'renderer process CPU: with / without (extra)',
      'heap growth 10 s → end: with / without',
      'heap at end: with − without',
      'our observers',
      'our own work',
      'our longest task (ms)',
      'names / blocks held',
    ],
    result.scenarios.map((s) => row(s, result.seconds)),
  );
}

export const STORM_TARGETS_TEXT =
  `CPU is CPU time over wall time, 100 % = one core. Targets (✗ marks a miss): main-thread CPU ≤ ${STORM_TARGETS.cpuPoints} points above the page's own; on pages that stop growing, ` +
  `heap growth ≤ ${mb(STORM_TARGETS.steadyHeapGrowth)} above the page's own; one MutationObserver.`;
