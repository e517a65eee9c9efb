/**
 * `npm run bench:popup`: the popup's search, typed key by key, over the bundled dataset and a
 * generated one of 10,000 entities, against a plain substring filter over the same folded
 * names (the baseline) in the same run; and the time the built popup takes to be interactive
 * in Chromium. Targets (issue 6): interactive within 100 ms; ≤ 16 ms per keystroke at 10,000.
 * `--no-build` skips building the extension; without Chromium the popup row is skipped;
 * `--json FILE` writes the results as data (for the report).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDataset } from '../../scripts/load-dataset';
import type { Entity, EntityType } from '../../src/core/dataset/schema';
import { ENTITY_TYPES } from '../../src/core/dataset/schema';
import { foldAlias } from '../../src/core/matcher/normalize';
import { EntitySearch } from '../../src/core/search/search';
import { availability, CHROME_BUILD, CHROMIUM_PATH } from '../support/browsers';
import { launchChromium } from '../support/drivers';
import { makeAliases, WORDS } from './generate';
import {
  popupOpenLine,
  popupTable,
  POPUP_TARGETS_TEXT,
  type PopupOpen,
  type PopupResult,
  type PopupRow,
} from './popup-table';
import { rng } from './rng';

const { values } = parseArgs({
  options: { 'no-build': { type: 'boolean', default: false }, json: { type: 'string' } },
});

function generated(count: number): Entity[] {
  const random = rng(7);
  const names = makeAliases(count * 3, random);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => ({
    id: `e${i}`,
    type: pick(ENTITY_TYPES) as EntityType,
    name: names[i * 3]!,
    aliases: [names[i * 3 + 1]!, names[i * 3 + 2]!],
    native: [],
    summary: Array.from({ length: 18 }, () => pick(WORDS)).join(' ') + '.',
    facts: [],
    relations: [],
    timeline: [],
  }));
}

/** A query as typed: every prefix, one per keystroke. */
const keystrokes = (query: string) =>
  Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));

/** What a hand-written filter does: folded substring over names and aliases. */
class SubstringFilter {
  private readonly rows: { entity: Entity; labels: string[] }[];
  constructor(entities: readonly Entity[]) {
    this.rows = entities.map((entity) => ({
      entity,
      labels: [entity.name, ...entity.aliases.map((a) => (typeof a === 'string' ? a : a.text))].map(
        foldAlias,
      ),
    }));
  }
  search(query: string): Entity[] {
    const q = foldAlias(query);
    return this.rows.filter((r) => r.labels.some((l) => l.includes(q))).map((r) => r.entity);
  }
}

const time = (fn: () => void) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
function measure(label: string, entities: Entity[], queries: string[]): PopupRow[] {
  const rows: PopupRow[] = [];
  const methods: [string, () => { search(q: string): unknown[] }][] = [
    ['MiniSearch (ours)', () => new EntitySearch(entities)],
    ['substring filter', () => new SubstringFilter(entities)],
  ];
  for (const [method, make] of methods) {
    let index!: { search(q: string): unknown[] };
    const build = Math.min(...Array.from({ length: 3 }, () => time(() => (index = make()))));
    for (const q of queries.slice(0, 3)) index.search(q); // warm up the JIT, as typing would
    const times: number[] = [];
    let found = 0;
    for (const query of queries)
      for (const typed of keystrokes(query)) {
        let hits: unknown[] = [];
        times.push(time(() => (hits = index.search(typed))));
        found += hits.length > 0 ? 1 : 0;
      }
    rows.push({
      dataset: label,
      method,
      buildMs: build,
      p50: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      max: Math.max(...times),
      found,
    });
  }
  return rows;
}

const bundled = loadDataset(fileURLToPath(new URL('../../data', import.meta.url))).entities;
const big = generated(10_000);
const random = rng(11);
// Names as readers type them: whole, and with a slip in the last letters.
const typo = (s: string) => s.slice(0, -2) + s.slice(-1) + s.slice(-2, -1);
const bigQueries = Array.from({ length: 20 }, (_, i) => {
  const name = big[Math.floor(random() * big.length)]!.name;
  return i % 2 ? typo(name) : name;
});
const rows = [
  ...measure(`bundled (${bundled.length})`, bundled, [
    'Esmail Qaani',
    'Ghaani',
    'Solaimani',
    'قاآنی',
    'Baghdad',
    'Oman-mediated talks',
  ]),
  ...measure('generated (10,000)', big, bigQueries),
];

// The built popup in Chromium: navigation start to the first render (a mark the popup sets).
let open: PopupOpen;
const ready = availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium');
if (!values['no-build']) {
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  if (build.status !== 0) throw new Error('wxt build failed');
}
if (!availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium').ok) {
  open = { skipped: ready.ok ? 'no build' : ready.reason };
} else {
  const driver = await launchChromium();
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const tab = await driver.newTab();
    await tab.goto(driver.extensionUrl('popup.html'));
    await tab.waitFor(() => performance.getEntriesByName('backstory:popup-ready').length > 0, null);
    const t = await tab.evaluate(
      () => performance.getEntriesByName('backstory:popup-ready')[0]!.startTime,
      null,
    );
    if (i > 0) times.push(t); // the first load also compiles the extension's code
    await tab.close();
  }
  await driver.close();
  open = { medianMs: quantile(times, 0.5), maxMs: Math.max(...times), samples: times.length };
}

console.log(
  `Popup search benchmark: times in ms per keystroke (every prefix of each query), Node ${process.version}`,
);
console.log(popupTable(rows));
console.log(popupOpenLine(open));
console.log(POPUP_TARGETS_TEXT);
if (values.json) {
  const result: PopupResult = { node: process.version, rows, open };
  writeFileSync(values.json, JSON.stringify(result, null, 2));
}
