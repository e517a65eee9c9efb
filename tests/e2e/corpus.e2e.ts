import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availability, CHROME_BUILD, CHROMIUM_PATH, chromiumArgs } from '../support/browsers';
import { CORPUS_DIR, corpusPages } from '../support/corpus';
import { routePages, serveStatic, type StaticServer } from '../support/server';
import { collectErrors, describeErrors } from '../support/page-errors';
import { statsWhenScanned } from '../support/stats';

/**
 * Twenty real news pages, each loaded with and without the extension: the page's DOM must be
 * identical, and the page must report exactly the errors it reports without us (none from our
 * content script's world: they are read over the DevTools protocol, which sees every world).
 * Page scripts are off in both runs (a `script-src 'none'` policy, which does not bind content
 * scripts) so the DOM is deterministic, and requests that would leave the machine are refused,
 * as they are here anyway.
 */

const pages = corpusPages();
/**
 * Time after the document is parsed for the content script (document_idle) to finish, in both
 * runs alike. (Not `load`: with page scripts off nothing changes the DOM after parsing, and
 * waiting for every blocked subresource made a loaded CI machine time out.)
 */
const SETTLE_MS = 750;

const ready = availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium');
if (pages.length === 0) {
  console.warn(
    `Skipping the news-page corpus tests: ${CORPUS_DIR} is absent (it ships beside the project, not in it).`,
  );
} else if (!ready.ok && process.env.CI !== 'true') {
  console.warn(`Skipping the news-page corpus tests: ${ready.reason}`);
}
// Under CI a missing browser fails loudly (the launch throws) instead of skipping.
const run = pages.length > 0 && (ready.ok || process.env.CI === 'true');

describe.skipIf(!run)('real news pages in Chromium', () => {
  let server: StaticServer;
  let withExtension: BrowserContext;
  let without: BrowserContext;
  const summary: string[] = [];

  beforeAll(async () => {
    server = await serveStatic({ corpus: CORPUS_DIR });
    withExtension = await chromium.launchPersistentContext('', {
      executablePath: CHROMIUM_PATH,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: chromiumArgs(CHROME_BUILD),
    });
    const plain = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox'],
    });
    without = await plain.newContext();
    // Every corpus page is served with its scripts off (and nothing leaves the machine).
    const scriptless = new Set(pages.map((file) => `${server.url}corpus/${file}`));
    await routePages(withExtension, server.url, scriptless);
    await routePages(without, server.url, scriptless);
  });

  afterAll(async () => {
    if (summary.length > 0) console.log(`Names per page:\n${summary.join('\n')}`);
    await withExtension?.close();
    await without?.close();
    await server?.close();
  });

  it.each(pages)(
    '%s: the same DOM and the same errors with the extension as without',
    async (file) => {
      const url = `${server.url}corpus/${file}`;
      const plain = await without.newPage();
      const plainErrors = await collectErrors(without, plain);
      await plain.goto(url, { waitUntil: 'domcontentloaded', timeout: 50_000 });
      await plain.waitForTimeout(SETTLE_MS);
      const expected = await plain.evaluate(() => document.documentElement.outerHTML);
      await plain.close();

      const page = await withExtension.newPage();
      const errors = await collectErrors(withExtension, page);
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 50_000 });
      await page.waitForTimeout(SETTLE_MS);
      const actual = await page.evaluate(() => document.documentElement.outerHTML);
      const stats = await statsWhenScanned(withExtension, page);
      await page.close();
      summary.push(
        `  ${file.padEnd(20)} ${String(stats.matches).padStart(4)} found, ${String(stats.registeredRanges).padStart(4)} painted near the viewport`,
      );
      expect(actual === expected, `${file}: the DOM differs with the extension`).toBe(true);
      const ours = errors.filter((e) => e.world !== '');
      expect(ours, `${file}: errors from the extension:\n${describeErrors(ours)}`).toEqual([]);
      // The page's own errors (blocked scripts and resources) are the same as without us.
      const texts = (list: typeof errors) => list.map((e) => e.text).sort();
      expect(texts(errors.filter((e) => e.world === '')), `${file}: the page's errors`).toEqual(
        texts(plainErrors.filter((e) => e.world === '')),
      );
    },
  );
});
