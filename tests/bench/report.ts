/**
 * The performance report `npm run bench` writes (tests/bench/all.bench.ts): assembled from each
 * benchmark's JSON, with the same tables they print, a memory section gathered from three of
 * them, and an SVG chart of scan time against page size from the page benchmark. Pure: data in,
 * Markdown and SVG out.
 */
import { markdownTable } from './markdown';
import { matcherTable, type MatcherResult } from './matcher-table';
import { formatReport, type PageResult, TARGETS } from './page/report';
import { popupOpenLine, popupTable, POPUP_TARGETS_TEXT, type PopupResult } from './popup-table';
import { mb, STORM_TARGETS_TEXT, stormTable, type StormResult } from './storm-table';
import { lineChart, type Point } from './svg-chart';

export interface PageBench {
  chromium: string;
  cpus: number;
  seconds: number;
  targets: typeof TARGETS;
  results: PageResult[];
}

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  os: string;
  node: string;
  chromium: string;
  firefox: string;
  commit: string;
}

/** What one run produced; a part that did not run (or failed) is a reason instead. */
export interface BenchData {
  machine: Machine;
  /** The benchmarks shortened with --quick. */
  quick: string[];
  /** What the person running it wants a reader to know (--note), e.g. that the machine was shared. */
  note?: string;
  /** How long each benchmark that ran took, in ms. */
  durations?: Partial<Record<'matcher' | 'page' | 'popup' | 'storm', number>>;
  matcher: MatcherResult | string;
  page: PageBench | string;
  popup: PopupResult | string;
  storm: StormResult | string;
}

export const CHART_FILE = 'scan-time.svg';

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const notRun = (reason: string) => `Not run: ${reason}.`;

/** A benchmark's duration: "45 s", "12 min 3 s". */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** What the matcher's baselines were allowed, and how to read a row that ran out of it. */
function budgetText(matcher: MatcherResult): string {
  if (matcher.budgetMs === undefined) return '';
  let text = ` Each baseline had ${matcher.budgetMs / 1000} s per size; our matcher scanned the whole text at every size.`;
  if (matcher.rows.some((r) => r.stopped)) {
    text +=
      ' A baseline that ran out stopped there, and its row says how far it got. A stopped regex' +
      "'s MB/s is measured over the bytes it scanned (the text is the same mix throughout), not" +
      ' extrapolated, and its matches are those in that part; a stopped per-term scan was not' +
      ' timed over every alias, so its row gives the time per alias it checked instead.';
  }
  return text;
}

/** The generated articles (the sweep, 1 MB and 5 MB), in order of size. */
const articles = (results: PageResult[]) =>
  results
    .filter((r) => r.source === 'generated' && r.kind !== 'ticker')
    .sort((a, b) => a.bytes - b.bytes);

const point = (r: PageResult, y: number | null): Point[] =>
  y === null ? [] : [{ x: r.bytes / 1000, y }];

/** Scan time against page size; null when no page has a scan time to draw. */
export function scanChart(results: PageResult[]): string | null {
  const generated = articles(results);
  const corpus = results.filter((r) => r.source === 'corpus');
  const series = [
    {
      label: 'full scan, generated article',
      style: 'line' as const,
      colour: '#b3261e',
      points: generated.flatMap((r) => point(r, r.fullScanMs)),
    },
    {
      label: 'first highlight, generated',
      style: 'line' as const,
      colour: '#1a73e8',
      points: generated.flatMap((r) => point(r, r.firstHighlightMs)),
    },
    {
      label: 'baseline: page load, no extension',
      style: 'dashed' as const,
      colour: '#5f6368',
      points: generated.flatMap((r) => point(r, r.loadMs.without)),
    },
    {
      label: 'full scan, saved news page',
      style: 'points' as const,
      colour: '#188038',
      points: corpus.flatMap((r) => point(r, r.fullScanMs)),
    },
  ].filter((s) => s.points.length > 0);
  if (!series.some((s) => s.style !== 'dashed')) return null;
  return lineChart({
    title: 'Scan time against page size (Chromium)',
    xLabel: 'page size (KB of HTML, log scale)',
    yLabel: 'time (ms, log scale)',
    x: 'log',
    y: 'log',
    series,
  });
}

/** Memory from three benchmarks: the matcher's index, the page heap, heap under storms. */
export function memorySection(data: BenchData): string[] {
  const out = ['## Memory', ''];
  out.push('### Matcher index (Node)', '');
  if (typeof data.matcher === 'string') out.push(notRun(data.matcher));
  else {
    const rows = data.matcher.rows;
    const sizes = [...new Set(rows.map((r) => r.aliases))];
    out.push(
      markdownTable(
        ['aliases', 'ours in memory', 'ours shipped', 'baseline: regex alternation source'],
        sizes.map((aliases) => {
          const ours = rows.find((r) => r.aliases === aliases && r.bytes && 'memory' in r.bytes);
          const regex = rows.find((r) => r.aliases === aliases && r.bytes && 'source' in r.bytes);
          const oursBytes = ours?.bytes && 'memory' in ours.bytes ? ours.bytes : null;
          const source = regex?.bytes && 'source' in regex.bytes ? regex.bytes.source : null;
          return [
            aliases.toLocaleString('en'),
            oursBytes ? megabytes(oursBytes.memory) : '—',
            oursBytes ? megabytes(oursBytes.shipped) : '—',
            source === null ? '—' : megabytes(source),
          ];
        }),
      ),
    );
  }
  out.push('', '### Page JS heap after a forced GC (Chromium)', '');
  if (typeof data.page === 'string') out.push(notRun(data.page));
  else {
    const heap = (v: number | null) => (v === null ? '—' : megabytes(v));
    out.push(
      markdownTable(
        ['page', 'KB', 'with Backstory', 'baseline: without', 'Δ'],
        data.page.results.map((r) => [
          r.page,
          String(Math.round(r.bytes / 1000)),
          heap(r.heapBytes.with),
          heap(r.heapBytes.without),
          r.heapBytes.with === null || r.heapBytes.without === null
            ? '—'
            : `${r.heapBytes.with >= r.heapBytes.without ? '+' : ''}${megabytes(r.heapBytes.with - r.heapBytes.without)}`,
        ]),
      ),
      '',
      'The heap includes every script world of the page, ours too; MB are 10⁶ bytes.',
    );
  }
  out.push('', '### Heap under pages that never stop changing (Chromium)', '');
  if (typeof data.storm === 'string') out.push(notRun(data.storm));
  else {
    out.push(
      markdownTable(
        ['page', 'growth 10 s → end: with', 'baseline: without', 'at end: with − without'],
        data.storm.scenarios.map((s) => [
          s.name,
          mb(s.with.heapAtEnd - s.with.heapAt10s),
          mb(s.without.heapAtEnd - s.without.heapAt10s),
          mb(s.with.heapAtEnd - s.without.heapAtEnd),
        ]),
      ),
      '',
      `${data.storm.seconds} s per run; MB here are MiB (2²⁰ bytes), as the storm benchmark prints.`,
    );
  }
  return out;
}

function durationLines(data: BenchData): string[] {
  const ran = Object.entries(data.durations ?? {});
  if (ran.length === 0) return [];
  const total = ran.reduce((sum, [, ms]) => sum + ms, 0);
  return [
    `- Duration: ${ran.map(([bench, ms]) => `${bench} ${duration(ms)}`).join(', ')}; ${duration(total)} in all`,
  ];
}

export function buildReport(data: BenchData): string {
  const m = data.machine;
  const out = [
    '# Backstory performance report',
    '',
    `Generated ${m.date} by \`npm run bench\`.` +
      (data.quick.length > 0
        ? ` **Shortened for development (--quick): ${data.quick.join(', ')}**; do not compare those with full runs.`
        : ''),
    'Every comparison is with a baseline measured in the same run on the same machine.',
    ...(data.note ? ['', data.note] : []),
    '',
    '## Machine',
    '',
    `- CPU: ${m.cpu}, ${m.cores} logical cores`,
    `- OS: ${m.os}`,
    `- Node ${m.node}`,
    `- Browsers: Chromium ${m.chromium} (the browser benchmarks run in it); Firefox ${m.firefox} (not benchmarked)`,
    `- Commit: ${m.commit}`,
    ...durationLines(data),
    '',
    '## Matcher',
    '',
  ];
  if (typeof data.matcher === 'string') out.push(notRun(data.matcher));
  else {
    out.push(
      `${megabytes(data.matcher.textBytes)} of seeded news-like text per size. Baseline: one regex alternation of the same aliases ("vs regex"); a per-term scan (one regex per alias, as mark.js does) for contrast.${budgetText(data.matcher)}`,
      '',
      matcherTable(data.matcher.rows),
    );
  }
  out.push('', '## Pages', '');
  if (typeof data.page === 'string') out.push(notRun(data.page));
  else {
    out.push(
      `Each page loaded once with the extension and once without (the baseline) in Chromium, ${data.page.cpus} CPUs.`,
      '',
      // The printed legend and targets follow the table directly; Markdown needs a blank line
      // before them, or it reads them as more rows.
      formatReport(data.page.results).replace(/\n(?!\|)/g, '\n\n'),
    );
    if (scanChart(data.page.results)) {
      out.push(
        '',
        `![Scan time against page size](${CHART_FILE})`,
        '',
        'Generated articles from 10 KB to 5 MB (lines) and the saved news pages (dots): time from the ' +
          "content script's start to the first highlight and to the end of the full scan; the dashed " +
          "baseline is the page's own load time (navigation to the end of the load event) without the extension.",
      );
    }
  }
  out.push('', '## Popup search', '');
  if (typeof data.popup === 'string') out.push(notRun(data.popup));
  else {
    out.push(
      'Every prefix of each query typed key by key. Baseline: a plain folded-substring filter over the same names.',
      '',
      popupTable(data.popup.rows),
      '',
      popupOpenLine(data.popup.open),
      '',
      POPUP_TARGETS_TEXT,
    );
  }
  out.push('', '## Pages that never stop changing', '');
  if (typeof data.storm === 'string') out.push(notRun(data.storm));
  else {
    out.push(
      `${data.storm.seconds} s per run, with the extension and without (the baseline).`,
      '',
      stormTable(data.storm),
      '',
      STORM_TARGETS_TEXT,
    );
  }
  out.push('', ...memorySection(data));
  return out.join('\n') + '\n';
}
