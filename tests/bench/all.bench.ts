/**
 * `npm run bench`: every benchmark in one go (matcher, pages, popup search, mutation storms;
 * memory is measured by the first, second and last), each against its baseline in the same
 * run, printing its tables as it goes, then a Markdown report assembled from their JSON output
 * (tests/bench/report.ts) with an SVG chart of scan time against page size, in
 * tests/bench/report/ (git-ignored): report.md, scan-time.svg and each benchmark's JSON.
 *
 * Options: --quick (shortened runs for development; the report says so), --quick-for LIST
 * (only those shortened, e.g. `storm`), --only LIST (e.g. `matcher,popup`; the rest are marked
 * as not run), --out DIR, --no-build, --report-only (rewrite the report and chart from the JSON
 * files already in the folder, e.g. after changing the report's layout or after an interrupted
 * run), --note TEXT (a sentence the report shows under its title, e.g. that the machine was
 * shared). Each benchmark's duration is printed when it ends and kept in the report.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, type } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROMIUM_PATH, FIREFOX_PATH } from '../support/browsers';
import {
  buildReport,
  CHART_FILE,
  duration,
  scanChart,
  type BenchData,
  type Machine,
} from './report';

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'quick-for': { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string', default: fileURLToPath(new URL('report', import.meta.url)) },
    'no-build': { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    note: { type: 'string' },
  },
});
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BENCHES = ['matcher', 'page', 'popup', 'storm'] as const;
type Bench = (typeof BENCHES)[number];
const only = options.only?.split(',') ?? [...BENCHES];
const quick = options.quick ? [...BENCHES] : (options['quick-for']?.split(',') ?? []);

/** Each benchmark's own options for a quick run. */
const QUICK: Record<Bench, string[]> = {
  matcher: ['--quick'],
  page: ['--quick'],
  popup: [],
  storm: ['--quick'],
};

const version = (command: string, path: string) => {
  try {
    return execFileSync(command, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return `(${path} not found)`;
  }
};

function machine(): Machine {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: version(CHROMIUM_PATH, CHROMIUM_PATH)
      .replace(/^Chromium\s*/, '')
      .split(' ')[0]!,
    firefox: version(FIREFOX_PATH, FIREFOX_PATH).replace(/^Mozilla Firefox\s*/, ''),
    commit: `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes' : ''}`,
  };
}

/** One benchmark's JSON from the output folder, or why there is none. */
function saved(bench: Bench): unknown {
  const json = join(options.out, `${bench}.json`);
  return existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : 'no data in the folder';
}

/** Runs one benchmark as its own process; its JSON, or why there is none. */
function run(bench: Bench): unknown {
  if (!only.includes(bench)) return `left out by --only ${options.only}`;
  const json = join(options.out, `${bench}.json`);
  rmSync(json, { force: true });
  const args = [
    'tsx',
    fileURLToPath(new URL(`${bench}.bench.ts`, import.meta.url)),
    '--json',
    json,
    ...(bench === 'matcher' ? [] : ['--no-build']),
    ...(quick.includes(bench) ? QUICK[bench] : []),
  ];
  console.log(`\n== ${bench} ==`);
  const start = performance.now();
  const { status } = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit' });
  const ms = performance.now() - start;
  console.log(`== ${bench}: ${duration(ms)} ==`);
  started.durations = { ...started.durations, [bench]: ms };
  writeFileSync(runFile, JSON.stringify(started, null, 2));
  if (status !== 0 || !existsSync(json)) return `the ${bench} benchmark failed (exit ${status})`;
  return JSON.parse(readFileSync(json, 'utf8'));
}

mkdirSync(options.out, { recursive: true });
/**
 * The machine, the shortened benchmarks and the note, written first so an interrupted run can
 * be reported, then again with each benchmark's duration as it ends.
 */
const runFile = join(options.out, 'run.json');
type Run = Pick<BenchData, 'machine' | 'quick' | 'note' | 'durations'>;
const started: Run = {
  machine: machine(),
  quick: quick.filter((bench) => only.includes(bench)),
  ...(options.note ? { note: options.note } : {}),
};
let data: BenchData;
if (options['report-only']) {
  const run = existsSync(runFile) ? (JSON.parse(readFileSync(runFile, 'utf8')) as Run) : started;
  data = { ...run, ...Object.fromEntries(BENCHES.map((b) => [b, saved(b)])) } as BenchData;
} else {
  if (!options['no-build']) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(runFile, JSON.stringify(started, null, 2));
  // Run them first: each one's duration is added to `started` as it ends.
  const results = Object.fromEntries(BENCHES.map((b) => [b, run(b)]));
  data = { ...started, ...results } as BenchData;
}
const chart = typeof data.page === 'string' ? null : scanChart(data.page.results);
if (chart) writeFileSync(join(options.out, CHART_FILE), chart);
const report = join(options.out, 'report.md');
writeFileSync(report, buildReport(data));
console.log(
  `\nReport: ${relative(process.cwd(), report)}${chart ? ` (chart: ${CHART_FILE})` : ''}`,
);
