/**
 * The pages the page benchmark loads: every saved news page of the shared corpus, and pages
 * generated at run time into a temporary folder (a ~5 MB article, a ~1 MB article, a page with
 * a live ticker, and a sweep of articles from 10 KB to 2 MB for the report's chart of scan
 * time against page size), all served by tests/support/server.ts.
 */
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../../../scripts/load-dataset';
import { CORPUS_DIR, corpusPages } from '../../support/corpus';
import { rng } from '../rng';
import { datasetNames, namedSentence, paragraph, sentence } from './prose';

/**
 * 'article': the whole page is the target (first highlight ≤ 50 ms); 'first-screen': a page
 * too long for that, where the target is the first screen (≤ 100 ms); 'ticker': a page whose
 * scripts keep changing it, measured by frame time.
 */
export type PageKind = 'article' | 'first-screen' | 'ticker';

export interface BenchPage {
  name: string;
  /** Path on the static server: `<mount>/<file>`. */
  path: string;
  bytes: number;
  kind: PageKind;
  /** Whether the page's own scripts run (off for saved pages: see `routePages` in tests/support/server.ts). */
  scripts: boolean;
  /** A saved news page, or one generated for the run. */
  source: 'corpus' | 'generated';
}

/** Server mounts: saved pages under corpus/, generated ones under generated/. */
export const mounts = (generatedDir: string) => ({ corpus: CORPUS_DIR, generated: generatedDir });

/** The saved news pages; none when ../shared is absent (it ships beside the project). */
export function corpusBenchPages(): BenchPage[] {
  return corpusPages().map((file) => ({
    name: file,
    path: `corpus/${file}`,
    bytes: statSync(join(CORPUS_DIR, file)).size,
    kind: 'article',
    scripts: false,
    source: 'corpus',
  }));
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function pageHtml(title: string, body: string[], script = ''): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font:18px/1.5 Georgia,serif;max-width:42rem;margin:0 auto;padding:1rem}</style>',
    '</head><body>',
    '<header><nav>World · Middle East · Business · Opinion</nav></header>',
    ...body,
    script && `<script>${script}</script>`,
    '</body></html>',
  ].join('\n');
}

/** An article of about `bytes` bytes: a headline, a dateline, and sections of paragraphs. */
function articleHtml(bytes: number, names: string[], seed: number): string {
  const random = rng(seed);
  const title = namedSentence(names, random);
  const body = [
    `<article><h1>${escapeHtml(title)}</h1>`,
    '<p class="byline">By Staff Reporter · <time datetime="2025-06-12">12 June 2025</time></p>',
  ];
  let size = 0;
  for (let section = 1; size < bytes; section++) {
    body.push(`<h2>${escapeHtml(`Part ${section}: ${sentence(names, random)}`)}</h2>`);
    for (let p = 0; p < 8 && size < bytes; p++) {
      const html = `<p>${escapeHtml(paragraph(names, random))}</p>`;
      body.push(html);
      size += Buffer.byteLength(html);
    }
  }
  body.push('</article>');
  return pageHtml(title, body);
}

/**
 * A short article under a live ticker: the page replaces a headline (with names in it) every
 * 100 ms and adds an item every 250 ms, as live-blog and market pages do, so the content
 * script's watching and rescanning run all the time.
 */
function tickerHtml(names: string[], seed: number): string {
  const random = rng(seed);
  const headlines = Array.from({ length: 50 }, () => namedSentence(names, random));
  const items = Array.from({ length: 50 }, () => namedSentence(names, random));
  const paragraphs = Array.from(
    { length: 40 },
    () => `<p>${escapeHtml(paragraph(names, random))}</p>`,
  );
  // JSON inside <script>: only "</" could end the element early.
  const json = (value: unknown) => JSON.stringify(value).replace(/<\//g, '<\\/');
  const script = `
const headlines = ${json(headlines)};
const items = ${json(items)};
const headline = document.getElementById('headline');
const list = document.getElementById('ticker');
let h = 0;
let i = 0;
setInterval(() => { headline.textContent = headlines[h++ % headlines.length]; }, 100);
setInterval(() => {
  const item = document.createElement('li');
  item.textContent = items[i++ % items.length];
  list.prepend(item);
}, 250);`;
  return pageHtml(
    'Live: the latest',
    [
      `<h2 id="headline">${escapeHtml(headlines[0]!)}</h2>`,
      '<ul id="ticker"></ul>',
      `<article><h1>Live updates</h1>${paragraphs.join('\n')}</article>`,
    ],
    script,
  );
}

const DATA_DIR = fileURLToPath(new URL('../../../data', import.meta.url));

/** Article sizes of the sweep, which with the 1 MB and 5 MB pages cover 10 KB to 5 MB. */
export const SWEEP_BYTES = [10_000, 30_000, 100_000, 300_000, 2_000_000];
export const QUICK_SWEEP_BYTES = [10_000, 100_000];

/**
 * Writes the generated pages into `dir` and describes them. `quick` (for development) leaves out
 * the 5 MB page and most of the sweep.
 */
export async function writeGeneratedPages(dir: string, quick = false): Promise<BenchPage[]> {
  const names = datasetNames(loadDataset(DATA_DIR));
  const sweep = (quick ? QUICK_SWEEP_BYTES : SWEEP_BYTES).map(
    (bytes, i): [string, PageKind, string] => [
      `sweep-${bytes / 1000}kb.html`,
      bytes >= 1_000_000 ? 'first-screen' : 'article',
      articleHtml(bytes, names, 100 + i),
    ],
  );
  const pages: [string, PageKind, string][] = [
    ['generated-1mb.html', 'first-screen', articleHtml(1_000_000, names, 1)],
    ['ticker.html', 'ticker', tickerHtml(names, 7)],
    ...sweep,
  ];
  if (!quick) pages.unshift(['generated-5mb.html', 'article', articleHtml(5_000_000, names, 5)]);
  return Promise.all(
    pages.map(async ([file, kind, html]) => {
      await writeFile(join(dir, file), html);
      return {
        name: file,
        path: `generated/${file}`,
        bytes: Buffer.byteLength(html),
        kind,
        scripts: true,
        source: 'generated' as const,
      };
    }),
  );
}
