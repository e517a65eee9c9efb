import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Availability } from '../support/browsers';
import type { Tab } from '../support/drivers';
import { suiteRuns } from '../support/suite';
import { serveStatic, type StaticServer } from '../support/server';
import type { WatchedBrowser } from '../support/watch';
import { cardTitled, centreOf, hasHighlights, highlightedTexts, until } from './contract';

const DEMO_DIR = fileURLToPath(new URL('../demo', import.meta.url));
const FUZZ_RUNS = 10_000;
/** Strings this long and longer are made in the page from a marker, not shipped over the wire. */
const HUGE = '\u0000huge:';

const protoKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf');
const typeNames = fc.constantFrom(
  ...['card', 'Card', 'card ', 'cards', 'navigate', 'reveal', 'page-entities', 'stats'],
  ...['close-card', 'card-for-selection', '', '__proto__', 'constructor'],
);
const junk = fc.anything({ maxDepth: 4, withNullPrototype: true, withSparseArray: true });
// Rare (about one message in 150) so that 10,000 messages stay quick to send.
const hugeString = fc.integer({ min: 100_000, max: 1_000_000 }).map((n) => `${HUGE}${n}`);

/**
 * Messages that are not quite ours: our request shapes with a wrong, missing or extra field,
 * wrong types, huge strings, prototype keys, deeply nested junk. Seeded, so a failure repeats.
 */
const fuzzMessage = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(
      {
        type: fc.oneof(typeNames, junk),
        id: fc.oneof(
          { weight: 30, arbitrary: fc.oneof(fc.string(), protoKeys, junk) },
          { weight: 1, arbitrary: hugeString },
        ),
        direction: fc.oneof(fc.constantFrom('next', 'previous', 'up', 'NEXT'), junk),
        extra: junk,
      },
      { requiredKeys: ['type'] },
    ),
  },
  { weight: 4, arbitrary: fc.dictionary(fc.oneof(protoKeys, fc.constant('type')), junk) },
  { weight: 6, arbitrary: junk },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 50, max: 400 })
      .map((depth) => Array.from({ length: depth }).reduce((inner) => ({ type: inner }), {})),
  },
);

/**
 * Whether a message is one of the page requests we declare, exactly (written out here rather
 * than taken from src/shared/messages, so a schema that loosened would be caught).
 */
function wellFormedPageRequest(message: unknown): boolean {
  if (!message || typeof message !== 'object' || Array.isArray(message)) return false;
  const { type, ...rest } = message as Record<string, unknown>;
  const keys = Object.keys(rest);
  if (keys.length === 0)
    return ['card-for-selection', 'close-card', 'page-entities', 'stats'].includes(type as string);
  if (keys.length !== 1) return false;
  if (type === 'navigate') return rest.direction === 'next' || rest.direction === 'previous';
  return (
    type === 'reveal' && typeof rest.id === 'string' && rest.id.length >= 1 && rest.id.length <= 200
  );
}

/** The fuzzed messages as JSON (own `__proto__` keys survive JSON, unlike structured clone). */
function fuzzBatch(seed: number): string[] {
  return fc
    .sample(fuzzMessage, { seed, numRuns: FUZZ_RUNS })
    .map((m) => JSON.stringify(m) ?? 'null');
}

/** What a reader could notice on the page: every highlight per name, and any open card. */
const pageState = () => {
  const ranges: string[] = [];
  CSS.highlights.forEach((highlight, name) => {
    for (const r of highlight as Set<AbstractRange>)
      ranges.push(`${name} ${r.startOffset}-${r.endOffset} ${r.startContainer.textContent}`);
  });
  return { ranges: ranges.sort(), card: !!document.querySelector('backstory-card') };
};

type Api = {
  storage: Record<'local' | 'sync', { get(k: null): Promise<object> }>;
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(id: number, m: unknown): Promise<unknown>;
  };
};

/** Both storage areas, as JSON, read from an extension page. */
const storageState = async () => {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const { storage } = (g.browser ?? g.chrome)!;
  return JSON.stringify([await storage.local.get(null), await storage.sync.get(null)]);
};

/**
 * Sends each message to the background and to the content script of the tab at `url`, from an
 * extension page; returns the answers that should not exist (an answer to anything but a
 * well-formed card request, or a card for another id) and how many sends failed outright.
 */
const sendAll = async ([messages, url, toPage]: [string[], string, boolean]) => {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  // Firefox takes no port in a URL pattern: find the tab by its whole URL.
  const tab = (await api.tabs.query({})).find((t) => t.url === url);
  const huge = '\u0000huge:';
  const revive = (_: string, v: unknown) =>
    typeof v === 'string' && v.startsWith(huge) ? 'x'.repeat(Number(v.slice(huge.length))) : v;
  const cardRequest = (m: unknown): m is { type: 'card'; id: string } =>
    !!m &&
    typeof m === 'object' &&
    !Array.isArray(m) &&
    Object.keys(m).length === 2 &&
    (m as { type?: unknown }).type === 'card' &&
    typeof (m as { id?: unknown }).id === 'string' &&
    (m as { id: string }).id.length >= 1 &&
    (m as { id: string }).id.length <= 200;
  const wrong: string[] = [];
  let failed = 0;
  await Promise.all(
    messages.map(async (json) => {
      const message: unknown = JSON.parse(json, revive);
      const answer = await (
        toPage ? api.tabs.sendMessage(tab!.id!, message) : api.runtime.sendMessage(message)
      ).catch(() => {
        failed += 1;
        return undefined;
      });
      if (answer === undefined) return;
      const card = (answer as { card?: { entity?: { id?: unknown } } | null }).card;
      if (toPage || !cardRequest(message) || (card !== null && card?.entity?.id !== message.id))
        wrong.push(`${json.slice(0, 200)} → ${JSON.stringify(answer).slice(0, 200)}`);
    }),
  );
  return { wrong, failed };
};

/**
 * Cross-context messages and the extension's life cycle: bad messages from inside the
 * extension and from pages change nothing and break nothing, and (Chromium) the service
 * worker's restarts and the extension's reload leave the reader with a working page.
 */
export function describeLifecycle(
  name: string,
  available: Availability,
  launch: () => Promise<WatchedBrowser>,
): void {
  if (!suiteRuns(`${name} life cycle`, available)) return;

  describe(`${name} messages and life cycle`, () => {
    let server: StaticServer;
    let browser: WatchedBrowser;
    let demoUrl: string;

    beforeAll(async () => {
      server = await serveStatic({ demo: DEMO_DIR });
      demoUrl = `${server.url}demo/article.html`;
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.driver.close();
      await server?.close();
    });
    // Every test starts from the default settings, whatever the one before changed.
    beforeEach(async () => {
      const ext = await extensionPage();
      await ext.evaluate(async () => {
        type Area = { remove(k: string): Promise<void> };
        const g = globalThis as unknown as Record<string, { storage: Record<string, Area> }>;
        const { storage } = (g.browser ?? g.chrome)!;
        await storage.sync!.remove('settings');
        await storage.local!.remove('settings');
      }, null);
      await ext.close();
    });

    async function openDemo(url = demoUrl): Promise<Tab> {
      const tab = await browser.driver.newTab();
      await tab.goto(url);
      await tab.waitFor(hasHighlights, null);
      // Let the first pass over the article finish, so later states compare like with like.
      await until(
        async () => (await tab.evaluate(highlightedTexts, null)).includes('WANA News Agency'),
        20_000,
        'the whole article to be read',
      );
      return tab;
    }

    async function extensionPage(): Promise<Tab> {
      const ext = await browser.driver.newTab();
      await ext.goto(browser.driver.extensionUrl('options.html'));
      return ext;
    }

    async function hoverCard(tab: Tab, text: string, title = text): Promise<void> {
      await tab.bringToFront();
      await tab.mouseMove(0, 0);
      const point = await tab.evaluate(centreOf, text);
      expect(point, `"${text}" is highlighted`).toBeDefined();
      await tab.mouseMove(point!.x, point!.y);
      await tab.waitFor(cardTitled, title, 20_000);
    }

    /** Errors seen since `from`, for an assertion whose message says what this browser sees. */
    const errorsSince = (from: number) => browser.errors.slice(from);

    it(`ignores ${FUZZ_RUNS} malformed messages to the background and to a page, then still answers`, async () => {
      const url = `${demoUrl}?fuzz`;
      const page = await openDemo(url);
      const ext = await extensionPage();
      const errorsBefore = browser.errors.length;
      const before = {
        page: await page.evaluate(pageState, null),
        storage: await ext.evaluate(storageState, null),
      };
      const all = fuzzBatch(8);
      // Well-formed page requests (a command, a reveal) would rightly change the page.
      const forPage = all.filter((json) => !wellFormedPageRequest(JSON.parse(json)));
      for (const toPage of [false, true]) {
        const messages = toPage ? forPage : all;
        for (let i = 0; i < messages.length; i += 500) {
          const { wrong } = await ext.evaluate(sendAll, [messages.slice(i, i + 500), url, toPage]);
          expect(wrong, toPage ? 'answers from the page' : 'answers from the background').toEqual(
            [],
          );
        }
      }
      expect(forPage.length).toBeGreaterThan(FUZZ_RUNS * 0.9);
      expect(await ext.evaluate(storageState, null)).toBe(before.storage);
      expect(await page.evaluate(pageState, null)).toEqual(before.page);
      expect(errorsSince(errorsBefore), browser.sees).toEqual([]);
      // Still working: a real card request through the page.
      await hoverCard(page, 'Esmail Qaani');
      await ext.close();
      await page.close();
    }, 600_000);

    /** Asks the tab's content script what it found (a round trip that follows earlier events). */
    const askPage = async ([url, message]: [string, object]) => {
      const g = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = (g.browser ?? g.chrome)!;
      // Firefox takes no port in a URL pattern: find the tab by its whole URL.
      const tab = (await api.tabs.query({})).find((t) => t.url === url);
      return api.tabs.sendMessage(tab!.id!, message).catch((e: unknown) => `failed: ${String(e)}`);
    };

    it('ignores our request shapes when the page posts or dispatches them', async () => {
      const url = `${demoUrl}?page-messages`;
      const page = await openDemo(url);
      const ext = await extensionPage();
      const errorsBefore = browser.errors.length;
      const before = {
        page: await page.evaluate(pageState, null),
        storage: await ext.evaluate(storageState, null),
      };
      await page.evaluate(() => {
        const shapes = [
          { type: 'navigate', direction: 'next' },
          { type: 'card-for-selection' },
          { type: 'reveal', id: 'esmail-qaani' },
          { type: 'close-card' },
          { type: 'card', id: 'esmail-qaani' },
          { type: 'page-entities' },
          { type: 'wxt:content-script-started', contentScriptName: 'content', messageId: 'x' },
        ];
        const names = ['message', 'backstory', 'navigate', 'reveal', 'card', 'wxt:locationchange'];
        names.push('wxt:content-script-started', 'content:wxt:content-script-started');
        for (const shape of shapes) {
          window.postMessage(shape, '*');
          window.postMessage(JSON.stringify(shape), '*');
          for (const target of [window, document, document.body])
            for (const name of names)
              target.dispatchEvent(new CustomEvent(name, { detail: shape, bubbles: true }));
        }
      }, null);
      // Our answer comes after every event the page queued before it.
      const answer = await ext.evaluate(askPage, [url, { type: 'page-entities' }]);
      expect(answer).toMatchObject({ complete: true });
      expect(await page.evaluate(pageState, null)).toEqual(before.page);
      expect(await ext.evaluate(storageState, null)).toBe(before.storage);
      expect(errorsSince(errorsBefore), browser.sees).toEqual([]);
      await hoverCard(page, 'Esmail Qaani');
      await ext.close();
      await page.close();
    });

    it("can be stopped by a page that forges WXT's start signal, and then leaves nothing behind", async () => {
      // WXT's ContentScriptContext stops older copies of a content script when a new copy
      // dispatches `<extension id>:<entrypoint>:wxt:content-script-started` on the document.
      // A page that knows our id (fixed in Firefox, public for a store extension) can send it
      // too. That only stops us, as hiding its text would; what matters is a clean stop.
      const page = await openDemo(`${demoUrl}?forged-start`);
      await hoverCard(page, 'Esmail Qaani');
      const errorsBefore = browser.errors.length;
      await page.evaluate((id) => {
        document.dispatchEvent(
          new CustomEvent(`${id}:content:wxt:content-script-started`, {
            detail: { contentScriptName: 'content', messageId: 'page' },
          }),
        );
      }, browser.extensionId);
      await page.waitFor(
        () => {
          let ours = 0;
          CSS.highlights.forEach((_, name) => void (name.startsWith('backstory-') && ours++));
          return ours === 0 && !document.querySelector('backstory-card');
        },
        null,
        20_000,
      );
      expect(errorsSince(errorsBefore), browser.sees).toEqual([]);
      // The next load of the page is read again.
      await page.goto(`${demoUrl}?forged-start-2`);
      await page.waitFor(hasHighlights, null, 20_000);
      await page.close();
    });

    it('answers every step of a session with the service worker stopped before each', async (t) => {
      const { stopWorker, workerRunning } = browser;
      if (!stopWorker || !workerRunning) return t.skip(); // Firefox: no way to stop its background
      const errorsBefore = browser.errors.length;
      /** Stops the worker (and sees it gone), runs a step, and sees whether it started again. */
      const step = async (what: string, run: () => Promise<void>, wakesWorker: boolean) => {
        await stopWorker();
        await run();
        if (wakesWorker) expect(await workerRunning(), `${what} started the worker`).toBe(true);
      };
      let page!: Tab;
      await step('opening the page', async () => void (page = await openDemo()), false);
      await step('a hover', () => hoverCard(page, 'IRGC Quds Force', 'Quds Force'), true);
      await step(
        'a search in the popup',
        async () => {
          const popup = await browser.driver.newTab();
          await popup.goto(browser.driver.extensionUrl('popup.html'));
          await popup.waitFor(() => document.querySelector('.bs-search'), null);
          await popup.type('.bs-search', 'Qaani');
          await until(
            async () =>
              (await popup.evaluate(
                () => document.querySelector('.bs-result-name')?.textContent,
                null,
              )) === 'Esmail Qaani',
            20_000,
            'Esmail Qaani first among the results',
          ).catch(async (e: unknown) => {
            const shown = await popup.evaluate(() => document.body.innerText, null);
            throw new Error(`${String(e)}; the popup shows: ${shown}`);
          });
          await popup.click('.bs-result');
          await popup.waitFor(
            () =>
              document.querySelector('[data-testid="card-title"]')?.textContent === 'Esmail Qaani',
            null,
          );
          await popup.close();
        },
        false,
      );
      await step(
        'a setting changed in the options',
        async () => {
          const options = await browser.driver.newTab();
          await options.goto(browser.driver.extensionUrl('options.html'));
          await options.waitFor(
            () => document.querySelector<HTMLInputElement>('input[value="first"]'),
            null,
          );
          await options.click('input[name="density"][value="first"]');
          await page.bringToFront();
          // Only the first mention of each name stays highlighted.
          await until(
            async () => {
              const texts = await page.evaluate(highlightedTexts, null);
              return texts.filter((t) => t === 'Esmail Qaani').length === 1;
            },
            10_000,
            'only first mentions to be highlighted',
          );
          await options.close();
        },
        true,
      );
      await step('a hover again', () => hoverCard(page, 'Esmail Qaani'), true);
      await step(
        'a related entity',
        async () => {
          await page.evaluate(() => {
            const root = document.querySelector('backstory-card')!.shadowRoot!;
            const chip = [...root.querySelectorAll<HTMLButtonElement>('button.bs-chip')].find((b) =>
              b.textContent?.startsWith('Quds Force'),
            );
            chip!.click();
          }, null);
          await page.waitFor(cardTitled, 'Quds Force', 20_000);
        },
        false, // the card may hold what it needs: the worker need not wake
      );
      expect(errorsSince(errorsBefore), browser.sees).toEqual([]);
      await page.close();
    }, 300_000);

    it('hands open tabs to the reloaded extension: no errors, no doubled highlights, no orphaned card', async (t) => {
      const { workerRunning, reloadExtension } = browser;
      if (!workerRunning || !reloadExtension) return t.skip(); // Firefox: no CDP to do this
      const page = await openDemo(`${demoUrl}?reload`);
      const before = await page.evaluate(pageState, null);
      await hoverCard(page, 'Esmail Qaani');
      const errorsBefore = browser.errors.length;
      // What the page's own scripts could hear while the new copy starts.
      await page.evaluate(() => {
        const heard: string[] = [];
        (window as unknown as { heard: string[] }).heard = heard;
        addEventListener('message', (e) => heard.push(JSON.stringify(e.data)));
      }, null);
      await reloadExtension();
      await until(workerRunning, 20_000, 'the reloaded worker to start');
      await page.bringToFront();
      // The old card is gone, and the page is highlighted as before: once, by the new script.
      await page.waitFor(() => !document.querySelector('backstory-card'), null, 20_000);
      await until(
        async () => JSON.stringify(await page.evaluate(pageState, null)) === JSON.stringify(before),
        20_000,
        'the highlights to be as before the reload',
      ).catch(async (e: unknown) => {
        expect(await page.evaluate(pageState, null), String(e)).toEqual(before);
      });
      await hoverCard(page, 'Esmail Qaani');
      expect(errorsSince(errorsBefore), browser.sees).toEqual([]);
      // Nothing told the page our id (with it, a page can forge WXT's stop signal, see above).
      const heard = await page.evaluate(
        () => (window as unknown as { heard: string[] }).heard,
        null,
      );
      expect(heard.filter((m) => m.includes(browser.extensionId))).toEqual([]);
      await page.close();
    }, 120_000);
  });
}
