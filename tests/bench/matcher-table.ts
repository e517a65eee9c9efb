/**
 * The matcher benchmark's results as data (written with --json) and as the table it prints,
 * shared with the report (tests/bench/report.ts) so both read the same.
 */
import { markdownTable } from './markdown';

export interface MatcherRow {
  aliases: number;
  method: string;
  /** Index build time; null where a method has no build step. */
  buildMs: number | null;
  /** Time to load the shipped index; 'build' where loading is building (the regex). */
  loadMs: number | 'build' | null;
  mbps: number;
  /** Speed over the regex alternation's of the same size, the baseline. */
  vsRegex: number;
  /** Ours: the index in memory and as shipped; the regex: its source; none for per-term. */
  bytes: { memory: number; shipped: number } | { source: number } | null;
  matches: number;
}

export interface MatcherResult {
  node: string;
  textBytes: number;
  rows: MatcherRow[];
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

function bytesCell(bytes: MatcherRow['bytes']): string {
  if (!bytes) return '-';
  return 'source' in bytes
    ? `${megabytes(bytes.source)} (source)`
    : `${megabytes(bytes.memory)} (${megabytes(bytes.shipped)} shipped)`;
}

export function matcherTable(rows: readonly MatcherRow[]): string {
  return markdownTable(
    ['aliases', 'method', 'build', 'load', 'MB/s', 'vs regex', 'index', 'matches'],
    rows.map((r) => [
      r.aliases.toLocaleString('en'),
      r.method,
      r.buildMs === null ? '-' : `${r.buildMs.toFixed(0)} ms`,
      r.loadMs === null ? '-' : r.loadMs === 'build' ? '(= build)' : `${r.loadMs.toFixed(1)} ms`,
      r.mbps < 0.01 ? r.mbps.toExponential(1) : r.mbps.toFixed(r.mbps < 1 ? 3 : 1),
      `${r.vsRegex.toFixed(2)}×`,
      bytesCell(r.bytes),
      String(r.matches),
    ]),
  );
}
