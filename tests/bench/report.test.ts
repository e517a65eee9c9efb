import { describe, expect, it } from 'vitest';
import type { MatcherResult } from './matcher-table';
import type { PageResult } from './page/report';
import { buildReport, CHART_FILE, duration, scanChart, type BenchData } from './report';
import type { StormRun } from './storm-table';

const page = (over: Partial<PageResult>): PageResult => ({
  page: 'sweep-10kb.html',
  bytes: 10_000,
  kind: 'article',
  source: 'generated',
  loadMs: { with: 30, without: 25 },
  firstHighlightMs: 4,
  fullScanMs: 9,
  longestTaskMs: 3,
  longestTask: 'screen',
  tasks: 2,
  registeredRanges: 12,
  longTasks: { with: [], without: [] },
  heapBytes: { with: 3_500_000, without: 1_000_000 },
  hoverToCardMs: 20,
  frameMs: null,
  problems: [],
  ...over,
});

const matcher: MatcherResult = {
  node: 'v20',
  textBytes: 1 << 20,
  rows: [
    {
      aliases: 10_000,
      method: 'backstory matcher',
      buildMs: 120,
      loadMs: 4,
      mbps: 80,
      vsRegex: 20,
      bytes: { memory: 2_400_000, shipped: 900_000 },
      matches: 5,
    },
    {
      aliases: 10_000,
      method: 'regex alternation',
      buildMs: 10,
      loadMs: 'build',
      mbps: 4,
      vsRegex: 1,
      bytes: { source: 300_000 },
      matches: 5,
    },
  ],
};

const RESULTS = [
  page({}),
  page({ page: 'sweep-100kb.html', bytes: 100_000, fullScanMs: 40 }),
  page({ page: 'bbc-1.html', source: 'corpus', bytes: 300_000, fullScanMs: 70 }),
];

const run = (heapAt10s: number, heapAtEnd: number): StormRun => ({
  cpu: 0.2,
  processCpu: 0.3,
  heapAt10s,
  heapAtEnd,
});

const data = (over: Partial<BenchData> = {}): BenchData => ({
  machine: {
    date: '2026-11-28T16:00:00Z',
    cpu: 'Test CPU @ 2.50GHz',
    cores: 2,
    os: 'Linux 6.1',
    node: 'v20.20.2',
    chromium: '156.0',
    firefox: '153.8.0esr',
    commit: 'abc1234',
  },
  quick: [],
  matcher,
  page: {
    chromium: '156.0',
    cpus: 2,
    seconds: 100,
    targets: {} as never,
    results: RESULTS,
  },
  popup: 'left out by --only matcher,page',
  storm: {
    chromium: '156.0',
    cpus: 2,
    seconds: 30,
    scenarios: [
      { name: 'steady storm', steady: true, with: run(0, 2 * 1048576), without: run(0, 1048576) },
    ],
  },
  ...over,
});

describe('buildReport', () => {
  it('states the machine, the date and the commit the numbers come from', () => {
    const report = buildReport(data());
    expect(report).toContain('Generated 2026-11-28T16:00:00Z');
    expect(report).toContain('- CPU: Test CPU @ 2.50GHz, 2 logical cores');
    expect(report).toContain('Chromium 156.0');
    expect(report).toContain('Firefox 153.8.0esr');
    expect(report).toContain('- Commit: abc1234');
  });

  it('gives memory its own section: matcher index, page heap against its baseline, storm growth', () => {
    const memory = buildReport(data()).split('## Memory')[1]!;
    expect(memory).toMatch(/\| 10,000 +\| 2\.40 MB +\| 0\.90 MB +\| 0\.30 MB +\|/);
    expect(memory).toMatch(
      /\| sweep-10kb\.html +\| 10 +\| 3\.50 MB +\| 1\.00 MB +\| \+2\.50 MB \|/,
    );
    expect(memory).toMatch(/\| steady storm +\| \+2\.00 MB +\| \+1\.00 MB +\| \+1\.00 MB +\|/);
  });

  it('says plainly which parts did not run, and which were shortened', () => {
    const report = buildReport(data({ quick: ['storm'] }));
    expect(report).toContain('## Popup search\n\nNot run: left out by --only matcher,page.');
    expect(report).toContain('Shortened for development (--quick): storm');
    expect(buildReport(data())).not.toContain('Shortened');
  });

  it("states the matcher baselines' budget, and how to read a stopped row only when one stopped", () => {
    const budgeted = { ...matcher, budgetMs: 30_000 };
    const ran = buildReport(data({ matcher: budgeted }));
    expect(ran).toContain('Each baseline had 30 s per size; our matcher scanned the whole text');
    expect(ran).not.toContain('stopped there');
    const [ours, regex] = matcher.rows;
    const stopped = {
      ...budgeted,
      rows: [
        ours!,
        { ...regex!, stopped: { afterMs: 30_000, scannedBytes: 9_000, ofBytes: 1 << 20 } },
      ],
    };
    const report = buildReport(data({ matcher: stopped }));
    expect(report).toContain("A stopped regex's MB/s is measured over the bytes it scanned");
    expect(report).toContain('stopped after 30 s, scanned 8.8 KB of 1,024 KB');
  });

  it("shows the note of whoever ran it under the title, and each benchmark's duration", () => {
    const report = buildReport(
      data({
        note: 'The machine was shared with other jobs.',
        durations: { matcher: 185_000, page: 400_400, storm: 59_600 },
      }),
    );
    expect(report).toMatch(
      /same machine\.\n\nThe machine was shared with other jobs\.\n\n## Machine/,
    );
    expect(report).toContain(
      '- Duration: matcher 3 min 5 s, page 6 min 40 s, storm 1 min 0 s; 10 min 45 s in all',
    );
    expect(buildReport(data())).not.toContain('Duration');
  });

  it('ends each table before the notes under it, so they do not read as rows', () => {
    const report = buildReport(data());
    expect(report).toMatch(/\| sweep-10kb\.html [^\n]*\|\n(?:\|[^\n]*\n)*\nTimes in ms\./);
  });

  it('links the chart when the page benchmark ran, and not otherwise', () => {
    expect(buildReport(data())).toContain(`](${CHART_FILE})`);
    expect(buildReport(data({ page: 'it failed' }))).not.toContain(CHART_FILE);
  });
});

describe('scanChart', () => {
  it('draws generated articles as lines, saved pages as dots, and the load baseline dashed', () => {
    const svg = scanChart(RESULTS)!;
    for (const label of [
      'full scan, generated article',
      'first highlight, generated',
      'baseline: page load, no extension',
      'full scan, saved news page',
    ])
      expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain('stroke-dasharray');
    // Two generated sizes: one line per generated series, none for the saved pages.
    expect(svg.match(/<polyline/g)).toHaveLength(3);
  });

  it('has nothing to draw when no page was scanned', () => {
    expect(scanChart([page({ firstHighlightMs: null, fullScanMs: null })])).toBeNull();
  });
});

describe('duration', () => {
  it('reads seconds under a minute, minutes and seconds above', () => {
    expect(duration(44_600)).toBe('45 s');
    expect(duration(59_499)).toBe('59 s');
    expect(duration(125_000)).toBe('2 min 5 s');
  });
});
