/**
 * `npm run bench:matcher`: our compiled matcher against one big regex alternation and a
 * mark.js-style scan (one regex per term, on a 64 KB subset) at 1k / 10k / 50k aliases, on
 * 1 MB of seeded news-like text. Prints one table: build time, load time, MB/s, index bytes,
 * and speed relative to the regex in the same run. Targets (issue 4): ≥ 40 MB/s with 10k
 * aliases, index ≤ 4 MB per 10k aliases, load ≤ 30 ms.
 *
 * Options: --quick (1k and 10k only), --json FILE (the rows as data, for the report).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileIndex, indexBytes, serializeIndex } from '../../src/core/matcher/compile';
import { Matcher } from '../../src/core/matcher/matcher';
import { makeAliases, WORDS } from './generate';
import { matcherTable, type MatcherResult, type MatcherRow } from './matcher-table';
import { rng } from './rng';

const { values: options } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, json: { type: 'string' } },
});

function makeText(bytes: number, aliases: string[], random: () => number): string {
  const chunks: string[] = [];
  let size = 0;
  while (size < bytes) {
    const word =
      random() < 0.03
        ? aliases[Math.floor(random() * aliases.length)]!
        : WORDS[Math.floor(random() * WORDS.length)]!;
    const sep = random() < 0.07 ? '. ' : random() < 0.05 ? ', ' : ' ';
    chunks.push(word + sep);
    size += word.length + sep.length;
  }
  return chunks.join('');
}

const time = (fn: () => void): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const best = (runs: number, fn: () => void) =>
  Math.min(...Array.from({ length: runs }, () => time(fn)));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const TEXT_BYTES = 1 << 20;
const rows: MatcherRow[] = [];
// BENCH_SIZES=10000 runs one size (e.g. while tuning); the table needs all three.
const SIZES =
  process.env.BENCH_SIZES?.split(',').map(Number) ??
  (options.quick ? [1_000, 10_000] : [1_000, 10_000, 50_000]);
for (const count of SIZES) {
  const random = rng(42 + count);
  const aliases = makeAliases(count, random);
  const text = makeText(TEXT_BYTES, aliases, random);
  const mb = text.length / 1e6;
  const entities = aliases.map((name, i) => ({ id: `e${i}`, name, aliases: [] }));

  // Ours: compile (build time), ship as bytes, load in a fresh Matcher, scan.
  let serialized!: ReturnType<typeof serializeIndex>;
  let memory = 0;
  const build = time(() => {
    const index = compileIndex(entities);
    memory = indexBytes(index);
    serialized = serializeIndex(index);
  });
  let matcher!: Matcher;
  const load = best(5, () => (matcher = Matcher.load(serialized)));
  let ours = 0;
  for (let w = 0; w < 3; w++) matcher.findAll(text); // warm up the JIT and the character tables
  const scan = best(10, () => (ours = matcher.findAll(text).length));
  rows.push({
    aliases: count,
    method: 'backstory matcher',
    buildMs: build,
    loadMs: load,
    mbps: mb / (scan / 1000),
    vsRegex: 0,
    bytes: { memory, shipped: serialized.bytes.length },
    matches: ours,
  });

  // One regex alternation, longest alternatives first, Unicode word boundaries, case-insensitive.
  let regex!: RegExp;
  const sorted = [...aliases].sort((a, b) => b.length - a.length).map(escape);
  const regexBuild = time(() => {
    regex = new RegExp(
      `(?<![\\p{L}\\p{N}\\p{M}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}\\p{M}])`,
      'giu',
    );
    regex.test('warm');
  });
  // A big alternation is slow at large sizes; time it on a subset that keeps the run short.
  const regexText = text.slice(
    0,
    count >= 50_000 ? 32_768 : count >= 10_000 ? 131_072 : text.length,
  );
  let viaRegex = 0;
  const regexScan = best(count >= 10_000 ? 1 : 3, () => {
    regex.lastIndex = 0;
    viaRegex = [...regexText.matchAll(regex)].length;
  });
  const regexMbps = regexText.length / 1e6 / (regexScan / 1000);
  rows.push({
    aliases: count,
    method: `regex alternation${regexText.length < text.length ? ` (${regexText.length >> 10} KB)` : ''}`,
    buildMs: regexBuild,
    loadMs: 'build',
    mbps: regexMbps,
    vsRegex: 0,
    bytes: { source: sorted.join('|').length * 2 },
    matches: viaRegex,
  });

  // mark.js-style: one regex per term over the text, on a 64 KB subset.
  const subset = text.slice(0, count >= 10_000 ? 8_192 : 65_536);
  let perTerm = 0;
  const perTermScan = time(() => {
    for (const alias of aliases) {
      const r = new RegExp(
        `(?<![\\p{L}\\p{N}\\p{M}])${escape(alias)}(?![\\p{L}\\p{N}\\p{M}])`,
        'giu',
      );
      perTerm += [...subset.matchAll(r)].length;
    }
  });
  rows.push({
    aliases: count,
    method: `per-term scan (${subset.length >> 10} KB)`,
    buildMs: null,
    loadMs: null,
    mbps: subset.length / 1e6 / (perTermScan / 1000),
    vsRegex: 0,
    bytes: null,
    matches: perTerm,
  });
  for (const row of rows.slice(-3)) row.vsRegex = row.mbps / regexMbps;
}

console.log(
  `Matcher benchmark: ${(TEXT_BYTES / 1e6).toFixed(2)} MB of seeded text per size, Node ${process.version}`,
);
console.log(matcherTable(rows));
if (options.json) {
  const result: MatcherResult = { node: process.version, textBytes: TEXT_BYTES, rows };
  writeFileSync(options.json, JSON.stringify(result, null, 2));
}
