/**
 * The matcher benchmark's results as data (written with --json) and as the table it prints,
 * shared with the report (tests/bench/report.ts) so both read the same.
 */
import { markdownTable } from './markdown';

/**
 * Where a baseline ran out of its time budget before the end. The regex alternation stops
 * part-way through the text: its speed is measured over the bytes it scanned. The per-term
 * scan stops part-way through the aliases (one regex each): its speed over the text with every
 * alias is not known, so the row gives the time per alias it did check instead.
 */
export type Stopped =
  | { afterMs: number; scannedBytes: number; ofBytes: number }
  | { afterMs: number; termsDone: number; ofTerms: number };

export interface MatcherRow {
  aliases: number;
  method: string;
  /** Index build time; null where a method has no build step. */
  buildMs: number | null;
  /** Time to load the shipped index; 'build' where loading is building (the regex). */
  loadMs: number | 'build' | null;
  /** Null where the speed was not measured (a per-term scan that was stopped). */
  mbps: number | null;
  /** Speed over the regex alternation's of the same size, the baseline. */
  vsRegex: number | null;
  /** Ours: the index in memory and as shipped; the regex: its source; none for per-term. */
  bytes: { memory: number; shipped: number } | { source: number } | null;
  /** Matches found; in the part done when the row was stopped. */
  matches: number;
  stopped?: Stopped;
}

export interface MatcherResult {
  node: string;
  textBytes: number;
  /** Each baseline's time budget (absent in runs from before budgets). */
  budgetMs?: number;
  rows: MatcherRow[];
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const kilobytes = (bytes: number) =>
  `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} KB`;

function bytesCell(bytes: MatcherRow['bytes']): string {
  if (!bytes) return '-';
  return 'source' in bytes
    ? `${megabytes(bytes.source)} (source)`
    : `${megabytes(bytes.memory)} (${megabytes(bytes.shipped)} shipped)`;
}

/** The method, and for a stopped baseline how far it got, in words. */
function methodCell(row: MatcherRow): string {
  const s = row.stopped;
  if (!s) return row.method;
  const after = `stopped after ${(s.afterMs / 1000).toFixed(0)} s`;
  return 'scannedBytes' in s
    ? `${row.method}: ${after}, scanned ${kilobytes(s.scannedBytes)} of ${kilobytes(s.ofBytes)}`
    : `${row.method}: ${after}, ${s.termsDone.toLocaleString('en')} of ${s.ofTerms.toLocaleString('en')} aliases checked, ${(s.afterMs / s.termsDone).toFixed(1)} ms each`;
}

const speed = (mbps: number) =>
  mbps < 0.01 ? mbps.toExponential(1) : mbps.toFixed(mbps < 1 ? 3 : 1);
/** Speed over the regex's: far apart at large sizes, so neither "0.00×" nor "40806.56×". */
const ratio = (times: number) =>
  `${times < 0.01 ? times.toExponential(1) : times.toFixed(times < 100 ? 2 : 0)}×`;

export function matcherTable(rows: readonly MatcherRow[]): string {
  return markdownTable(
    ['aliases', 'method', 'build', 'load', 'MB/s', 'vs regex', 'index', 'matches'],
    rows.map((r) => [
      r.aliases.toLocaleString('en'),
      methodCell(r),
      r.buildMs === null ? '-' : `${r.buildMs.toFixed(0)} ms`,
      r.loadMs === null ? '-' : r.loadMs === 'build' ? '(= build)' : `${r.loadMs.toFixed(1)} ms`,
      r.mbps === null ? 'not measured' : speed(r.mbps),
      r.vsRegex === null ? '-' : ratio(r.vsRegex),
      bytesCell(r.bytes),
      r.stopped ? `${r.matches} (part done)` : String(r.matches),
    ]),
  );
}
