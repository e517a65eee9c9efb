import { describe, expect, it } from 'vitest';
import { matcherTable, type MatcherRow } from './matcher-table';

const row = (over: Partial<MatcherRow>): MatcherRow => ({
  aliases: 50_000,
  method: 'regex alternation',
  buildMs: 9_800,
  loadMs: 'build',
  mbps: 0.00062,
  vsRegex: 1,
  bytes: { source: 1_550_000 },
  matches: 82,
  ...over,
});

/** The cells of the table's only body row. */
const cells = (r: MatcherRow) =>
  matcherTable([r])
    .split('\n')[2]!
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());

describe('matcherTable', () => {
  it('shows a baseline that ran to the end as before: its speed, its matches, no remark', () => {
    expect(cells(row({ mbps: 16.3, matches: 5055 }))).toEqual([
      '50,000',
      'regex alternation',
      '9800 ms',
      '(= build)',
      '16.3',
      '1.00×',
      '1.55 MB (source)',
      '5055',
    ]);
  });

  it('keeps far-apart speeds readable: no "0.00×" for a slow baseline, no decimals on huge ones', () => {
    expect(cells(row({ vsRegex: 0.001 }))[5]).toBe('1.0e-3×');
    expect(cells(row({ vsRegex: 0.034 }))[5]).toBe('0.03×');
    expect(cells(row({ vsRegex: 40_806.56 }))[5]).toBe('40807×');
  });

  it('says where a regex that ran out of time stopped, with the speed it had over that part', () => {
    const stopped = cells(
      row({ stopped: { afterMs: 30_040, scannedBytes: 18_534, ofBytes: 1_048_580 } }),
    );
    expect(stopped[1]).toBe('regex alternation: stopped after 30 s, scanned 18.1 KB of 1,024 KB');
    expect(stopped[4]).toBe('6.2e-4');
    expect(stopped[7]).toBe('82 (part done)');
  });

  it('gives a stopped per-term scan no speed, but how many aliases it checked and ms for each', () => {
    const stopped = cells(
      row({
        method: 'per-term scan (8 KB)',
        buildMs: null,
        loadMs: null,
        mbps: null,
        vsRegex: null,
        bytes: null,
        matches: 16,
        stopped: { afterMs: 30_000, termsDone: 6_813, ofTerms: 50_000 },
      }),
    );
    expect(stopped).toEqual([
      '50,000',
      'per-term scan (8 KB): stopped after 30 s, 6,813 of 50,000 aliases checked, 4.4 ms each',
      '-',
      '-',
      'not measured',
      '-',
      '-',
      '16 (part done)',
    ]);
  });
});
