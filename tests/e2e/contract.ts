import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Availability } from '../support/browsers';
import { suiteRuns } from '../support/suite';
import type { Driver, Tab } from '../support/drivers';
import { serveStatic, type StaticServer } from '../support/server';
import type { PageStats } from '../../src/shared/messages';

const DEMO_DIR = fileURLToPath(new URL('../demo', import.meta.url));
const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/pages', import.meta.url));
const PACKS_DIR = fileURLToPath(new URL('../fixtures/packs', import.meta.url));
/** Screenshots kept for people to look at (not committed). */
const ARTIFACTS = fileURLToPath(new URL('../../.output/test-artifacts', import.meta.url));

/** The seed article's names as they are written in the demo article. */
export const SEED_NAMES = [
  'IRGC Quds Force',
  'Esmail Qaani',
  'Qasim al-Araji',
  '2023 Iran–Iraq security agreement',
  'Oman-mediated Iran–US talks',
  'Oman',
  'Muscat',
  'Baghdad',
  'Tehran',
  'WANA News Agency',
];

/**
 * The text of every range we highlighted (every `backstory-` highlight but the keyboard's
 * current mark), read back from the registry the page shares. Page functions are serialised,
 * so each one carries its own copy of this loop.
 */
export const highlightedTexts = () => {
  const texts: string[] = [];
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('backstory-') || name === 'backstory-current') return;
    for (const r of highlight as Set<AbstractRange>) {
      const range = new Range();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      texts.push(range.toString());
    }
  });
  return texts;
};

export const hasHighlights = () => {
  let size = 0;
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith('backstory-')) size += highlight.size;
  });
  return size > 0;
};

/** Centre of the first highlighted range whose text is `text`, in viewport coordinates. */
export const centreOf = (text: string) => {
  let found: Range | undefined;
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('backstory-') || name === 'backstory-current') return;
    for (const r of highlight as Set<AbstractRange>) {
      const range = new Range();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (!found && range.toString() === text) found = range;
    }
  });
  if (!found) return undefined;
  found.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const rect = found.getClientRects()[0]!;
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
};

/** Waits until `text` is (or, with `present` false, is no longer) among the highlighted names. */
/**
 * For each paragraph on screen (and inside the element `clip` selects, if any): whether a
 * highlight of ours is registered in it.
 */
export const paintedInView = (clip: string | null) => {
  const view = clip
    ? document.querySelector(clip)!.getBoundingClientRect()
    : new DOMRect(0, 0, innerWidth, innerHeight);
  const painted = new Set<Node>();
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('backstory-')) return;
    for (const r of highlight as Set<AbstractRange>) painted.add(r.startContainer);
  });
  return [...document.querySelectorAll('p')]
    .filter((p) => {
      const r = p.getBoundingClientRect();
      return (
        r.height > 0 && r.top >= view.top && r.bottom <= view.bottom && r.bottom <= innerHeight
      );
    })
    .map((p) => [...painted].some((node) => p.contains(node)));
};

/**
 * Sets (or, with null, removes) the stored settings from an extension page, as the options page
 * would: `local` gets `value`, `sync` is emptied.
 */
export async function storeSettingsIn(driver: Driver, value: object | null): Promise<void> {
  const ext = await driver.newTab();
  await ext.goto(driver.extensionUrl('options.html'));
  await ext.evaluate(async (v) => {
    type Area = { set(x: object): Promise<void>; remove(k: string): Promise<void> };
    type Api = { storage: { local: Area; sync: Area } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const { storage } = (g.browser ?? g.chrome)!;
    await storage.sync.remove('settings');
    if (v === null) await storage.local.remove('settings');
    else await storage.local.set({ settings: v });
  }, value);
  await ext.close();
}

export async function untilHighlighted(tab: Tab, text: string, present = true): Promise<void> {
  await until(
    async () => (await tab.evaluate(highlightedTexts, null)).includes(text) === present,
    5_000,
    `"${text}" to be ${present ? '' : 'no longer '}highlighted`,
  );
}

/** Waits until more than three paragraphs are on screen and every one of them is painted. */
export async function untilAllPaintedInView(tab: Tab, timeout: number, what: string) {
  await until(
    async () => {
      const shown = await tab.evaluate(paintedInView, null);
      return shown.length > 3 && shown.every(Boolean);
    },
    timeout,
    what,
  );
}

/** Polls a check that runs in Node (it may evaluate in the page) until it holds. */
export async function until(
  check: () => Promise<boolean>,
  timeout = 10_000,
  what = 'condition',
): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Each highlighted text with the id of the nearest element around it (through shadow roots). */
export const highlightedWhere = () => {
  const found: { text: string; id: string }[] = [];
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('backstory-') || name === 'backstory-current') return;
    for (const r of highlight as Set<AbstractRange>) {
      const range = new Range();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      let el: Element | null = r.startContainer.parentElement;
      while (el && !el.id) {
        const up: Node | null = el.parentNode;
        el = up instanceof ShadowRoot ? up.host : up instanceof Element ? up : null;
      }
      found.push({ text: range.toString(), id: el?.id ?? '' });
    }
  });
  return found;
};

/** Titles of the open cards, live and pinned, in the order they were opened. */
const cardTitles = () =>
  [
    ...(document
      .querySelector('backstory-card')
      ?.shadowRoot?.querySelectorAll('.bs-frame [data-testid="card-title"]') ?? []),
  ].map((el) => el.textContent ?? '');

/** Whether the element matching a selector (in the page, not a shadow root) contains a text. */
export const textIncludes = ([selector, text]: readonly [string, string]) =>
  document.querySelector(selector)?.textContent?.includes(text) ?? false;

/** Whether the open card has the title `title`. */
export const cardTitled = (title: string) =>
  document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="card-title"]')
    ?.textContent === title;

/** Clicks the related entity whose chip starts with `name`, in the open card. */
export const clickRelated = (name: string) =>
  [
    ...document
      .querySelector('backstory-card')!
      .shadowRoot!.querySelectorAll<HTMLElement>('button.bs-chip'),
  ]
    .find((b) => b.textContent?.startsWith(name))!
    .click();

/** Whether something matching `selector` is inside our card's shadow root. */
export const inCard = (selector: string) =>
  !!document.querySelector('backstory-card')?.shadowRoot?.querySelector(selector);

/** Clicks the element matching `selector` inside our card's shadow root. */
export const clickInCard = (selector: string) =>
  document
    .querySelector('backstory-card')!
    .shadowRoot!.querySelector<HTMLElement>(selector)!
    .click();

const cardTitle = () =>
  document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="card-title"]')
    ?.textContent ?? null;

const cardBox = () => {
  const frame = document.querySelector('backstory-card')?.shadowRoot?.querySelector('.bs-frame');
  if (!frame || !frame.hasAttribute('data-placed')) return null;
  const r = frame.getBoundingClientRect();
  return {
    left: r.left,
    top: r.top,
    right: r.right,
    bottom: r.bottom,
    vw: innerWidth,
    vh: innerHeight,
  };
};

export function describeExtension(
  name: string,
  available: Availability,
  launch: () => Promise<Driver>,
  baselineDom: (url: string) => Promise<string>,
): void {
  if (!suiteRuns(`${name} browser tests`, available)) return;

  describe(name, () => {
    let server: StaticServer;
    let driver: Driver;
    let demoUrl: string;

    beforeAll(async () => {
      server = await serveStatic({ demo: DEMO_DIR, fixtures: FIXTURES_DIR });
      demoUrl = `${server.url}demo/article.html`;
      driver = await launch();
    });
    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });
    // Every test starts from the default settings, whatever the one before changed.
    beforeEach(() => storeSettings(undefined));

    async function openFixture(file: string): Promise<Tab> {
      const tab = await driver.newTab();
      await tab.goto(`${server.url}fixtures/${file}`);
      return tab;
    }

    /** Sends the active page a request from an extension page, as a keyboard command does. */
    async function askPage(page: Tab, request: object): Promise<unknown> {
      const ext = await driver.newTab();
      await ext.goto(driver.extensionUrl('options.html'));
      await page.bringToFront();
      const answer = await ext.evaluate(async (message) => {
        type Tabs = {
          query(q: object): Promise<{ id?: number }[]>;
          sendMessage(id: number, m: object): Promise<unknown>;
        };
        const g = globalThis as unknown as { browser?: { tabs: Tabs }; chrome?: { tabs: Tabs } };
        const tabs = (g.browser ?? g.chrome)!.tabs;
        const [tab] = await tabs.query({ active: true, currentWindow: true });
        return tabs.sendMessage(tab!.id!, message);
      }, request);
      await ext.close();
      await page.bringToFront();
      return answer;
    }

    const sendCommand = async (page: Tab, request: object) => void (await askPage(page, request));

    async function hoverName(tab: Tab, text: string): Promise<void> {
      // The page is read in slices: wait for the name to be painted first.
      await until(
        async () => (await tab.evaluate(centreOf, text)) !== undefined,
        5_000,
        `"${text}" to be highlighted`,
      ).catch(() => undefined);
      const point = await tab.evaluate(centreOf, text);
      expect(point, `"${text}" is highlighted`).toBeDefined();
      await tab.mouseMove(point!.x, point!.y);
    }

    async function openDemo(): Promise<Tab> {
      const tab = await driver.newTab();
      await tab.goto(demoUrl);
      await tab.waitFor(hasHighlights, null);
      return tab;
    }

    it('highlights the seed article names and nothing in editable text', async () => {
      const tab = await openDemo();
      const texts = await tab.evaluate(highlightedTexts, null);
      expect(texts).toEqual(expect.arrayContaining(SEED_NAMES));
      const inEditable = await tab.evaluate(() => {
        let count = 0;
        CSS.highlights.forEach((highlight) => {
          for (const r of highlight as Set<AbstractRange>)
            if (r.startContainer.parentElement?.closest('textarea, [contenteditable]')) count++;
        });
        return count;
      }, null);
      expect(inEditable).toBe(0);
      await tab.close();
    });

    it('leaves the page DOM exactly as it is without the extension', async () => {
      const expected = await baselineDom(demoUrl);
      const tab = await openDemo();
      const actual = await tab.evaluate(() => document.documentElement.outerHTML, null);
      expect(actual).toBe(expected);
      await tab.close();
    });

    it('highlights names in content added after load', async () => {
      const tab = await openDemo();
      await tab.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Later, Rafael Grossi of the IAEA arrived in Tehran.';
        document.querySelector('article')!.append(p);
      }, null);
      await until(
        async () => {
          const texts = await tab.evaluate(highlightedTexts, null);
          return texts.includes('Rafael Grossi') && texts.includes('IAEA');
        },
        500 + 250, // the 500 ms, plus the test's own round trips
        'the added names to be highlighted',
      );
      await tab.close();
    });

    /** The content script's own report on its work in `page` (see `pageStatsSchema`). */
    const pageStats = async (page: Tab) => (await askPage(page, { type: 'stats' })) as PageStats;

    it('keeps up with a mutation storm: one observer, only what is on the page held', async () => {
      // 1,000 nodes every 100 ms for 3 s; the page keeps its newest 2,500 items (10,000 nodes).
      const tab = await openFixture('storm.html?nodes=1000&every=100&for=3000&keep=2500');
      await tab.waitFor(
        () => (window as unknown as { storm: { done: boolean } }).storm.done,
        null,
        20_000,
      );
      // The items now on screen came there when older ones above them left: painted too.
      await untilAllPaintedInView(
        tab,
        10_000,
        'every item on screen to be painted once the storm ended',
      );
      const last = await tab.evaluate(() => {
        const item = document.querySelector('#feed p:last-child')!;
        item.scrollIntoView({ block: 'center' });
        return item.querySelector('b')!.textContent!.replace(/^the /, '');
      }, null);
      // The newest item is read, and nothing that left the page is still painted.
      await until(
        async () =>
          (await tab.evaluate(highlightedTexts, null)).includes(last) &&
          (await tab.evaluate(() => {
            let stale = 0;
            CSS.highlights.forEach((highlight, name) => {
              if (!name.startsWith('backstory-')) return;
              for (const r of highlight as Set<AbstractRange>)
                if (!r.startContainer.isConnected) stale++;
            });
            return stale === 0;
          }, null)),
        10_000,
        `the newest item's "${last}" to be painted and no removed item to be`,
      );
      const items = await tab.evaluate(() => document.querySelectorAll('#feed p').length, null);
      expect(items).toBe(2500);
      let stats = await pageStats(tab);
      // Once the last changes are read, the index holds the page as it is, not all it has seen:
      // the feed's items and the article's heading and introduction.
      await until(
        async () => {
          stats = await pageStats(tab);
          return stats.blocks === items + 2;
        },
        10_000,
        `the blocks held to match the ${items + 2} on the page`,
      );
      expect(stats.matches).toBeGreaterThanOrEqual(items);
      expect(stats.matches).toBeLessThanOrEqual(items + 2);
      expect(stats.mutationObservers).toBe(1);
      await tab.close();
    });

    it('opens the card of a hovered name, inside the viewport, and closes it', async () => {
      const tab = await openDemo();
      const point = await tab.evaluate(centreOf, 'Esmail Qaani');
      expect(point).toBeDefined();
      await tab.mouseMove(point!.x, point!.y);
      await tab.waitFor(cardTitled, 'Esmail Qaani');
      await tab.waitFor(inCard, '.bs-frame[data-placed]');
      const box = (await tab.evaluate(cardBox, null))!;
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(box.vw);
      expect(box.bottom).toBeLessThanOrEqual(box.vh);
      // The demo article is dated 14 May 2025: roles are shown as of that day.
      const asOf = await tab.evaluate(
        () =>
          document
            .querySelector('backstory-card')
            ?.shadowRoot?.querySelector('[data-testid="as-of"]')?.textContent ?? '',
        null,
      );
      expect(asOf).toContain('Roles as of 14 May 2025');

      // The pointer travels from the name into the card: the card stays open.
      await tab.mouseMove((box.left + box.right) / 2, box.top + 4);
      await tab.mouseMove((box.left + box.right) / 2, (box.top + box.bottom) / 2);
      await new Promise((resolve) => setTimeout(resolve, 800)); // past the close grace period
      expect(await tab.evaluate(cardTitle, null)).toBe('Esmail Qaani');

      await tab.press('Escape');
      await tab.waitFor(() => !document.querySelector('backstory-card'), null);

      const other = await tab.evaluate(centreOf, 'Baghdad');
      await tab.mouseMove(other!.x, other!.y);
      await tab.waitFor(cardTitled, 'Baghdad');
      expect(await tab.evaluate(cardTitle, null)).toBe('Baghdad');
      // Leaving the name for empty margin closes the card after the grace period.
      await tab.mouseMove(5, 795);
      await tab.waitFor(() => !document.querySelector('backstory-card'), null, 5_000);
      await tab.close();
    });

    it('opens no card for a pointer that only sweeps across a name', async () => {
      const tab = await openDemo();
      const point = await tab.evaluate(centreOf, 'Qasim al-Araji');
      await tab.mouseMove(point!.x, point!.y);
      await tab.mouseMove(5, 795);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(
        await tab.evaluate(() => document.querySelector('backstory-card') === null, null),
      ).toBe(true);
      await tab.close();
    });

    it('finds "Qaani" and "Quds" in the popup search and shows the chosen card', async () => {
      const tab = await driver.newTab();
      await tab.goto(driver.extensionUrl('popup.html'));
      await tab.waitFor(() => document.querySelector('.bs-search'), null);
      await tab.type('.bs-search', 'Qaani');
      await tab.waitFor(
        () => document.querySelector('.bs-result-name')?.textContent === 'Esmail Qaani',
        null,
      );
      await tab.click('.bs-result');
      await tab.waitFor(
        () => document.querySelector('[data-testid="card-title"]')?.textContent === 'Esmail Qaani',
        null,
      );
      await tab.click('.bs-back');
      await tab.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('.bs-search')!;
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, null);
      await tab.type('.bs-search', 'Quds');
      await tab.waitFor(
        () => document.querySelector('.bs-result-name')?.textContent === 'Quds Force',
        null,
      );
      await tab.close();
    });

    /** Types into the popup's search box from empty and returns the names listed. */
    async function popupSearch(popup: Tab, query: string): Promise<string[]> {
      await popup.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('.bs-search')!;
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, null);
      await popup.type('.bs-search', query);
      await popup.waitFor(
        (q) => document.querySelector<HTMLInputElement>('.bs-search')?.value === q,
        query,
      );
      await new Promise((resolve) => setTimeout(resolve, 100)); // one render
      return popup.evaluate(
        () => [...document.querySelectorAll('.bs-result-name')].map((el) => el.textContent ?? ''),
        null,
      );
    }

    it('searches by alias, native script and with a typo in the popup', async () => {
      const popup = await driver.newTab();
      await popup.goto(driver.extensionUrl('popup.html'));
      await popup.waitFor(() => document.querySelector('.bs-search'), null);
      expect((await popupSearch(popup, 'Ghaani'))[0]).toBe('Esmail Qaani');
      expect((await popupSearch(popup, 'قاآنی'))[0]).toBe('Esmail Qaani');
      expect((await popupSearch(popup, 'Solaimani'))[0]).toBe('Qasem Soleimani');
      // Arrow keys and Enter choose a result.
      await popupSearch(popup, 'Baghd');
      await popup.press('ArrowDown');
      await popup.press('ArrowUp');
      await popup.press('Enter');
      await popup.waitFor(
        () => document.querySelector('[data-testid="card-title"]')?.textContent === 'Baghdad',
        null,
      );
      await popup.close();
    });

    it("lists the page's names with their counts, and jumps to one on the page", async () => {
      const page = await openDemo();
      const popup = await driver.newTab();
      await popup.goto(driver.extensionUrl('popup.html'));
      await popup.waitFor(() => document.querySelector('.bs-cast-entry'), null);
      const listed = await popup.evaluate(
        () =>
          Object.fromEntries(
            [...document.querySelectorAll('.bs-cast-entry')].map((el) => [
              el.querySelector('.bs-cast-name')!.textContent,
              Number(el.querySelector('.bs-cast-count')!.textContent),
            ]),
          ),
        null,
      );
      // The page's readable text (not its editor, form fields or code) says how often a name
      // with one spelling appears.
      const inText = await page.evaluate(
        (names) => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let text = '';
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const skipped = n.parentElement?.closest(
              'textarea, [contenteditable], code, pre, script, style, [hidden]',
            );
            if (!skipped) text += ` ${n.textContent}`;
          }
          return Object.fromEntries(names.map((name) => [name, text.split(name).length - 1]));
        },
        ['Baghdad', 'Muscat', 'Tehran'],
      );
      expect(listed).toMatchObject(inText);
      expect(Object.keys(listed)).toEqual(expect.arrayContaining(['Quds Force', 'Oman']));
      await popup.click('.bs-cast-entry[data-entity-id="esmail-qaani"]');
      await page.bringToFront();
      await page.waitFor(cardTitled, 'Esmail Qaani');
      await popup.close();
      await page.close();
    });

    it('pauses and resumes highlighting on a site from the popup', async () => {
      const page = await openDemo();
      const popup = await driver.newTab();
      await popup.goto(driver.extensionUrl('popup.html'));
      await popup.waitFor(() => document.querySelector('.bs-site'), null);
      await popup.click('.bs-site');
      await popup.waitFor(
        () => document.querySelector('.bs-site')?.getAttribute('aria-pressed') === 'true',
        null,
      );
      await page.bringToFront();
      await page.waitFor(() => {
        let ours = 0;
        CSS.highlights.forEach(
          (h, name) => void (name.startsWith('backstory-') && (ours += h.size)),
        );
        return ours === 0;
      }, null);
      await popup.bringToFront();
      await popup.waitFor(
        () =>
          /^Paused on /.test(
            document.querySelector('[data-testid="page-message"]')?.textContent ?? '',
          ),
        null,
      );
      await popup.click('.bs-site');
      await page.bringToFront();
      await page.waitFor(hasHighlights, null);
      await popup.close();
      await page.close();
    });

    it('explains when the page in the tab cannot be read', async () => {
      const blank = await driver.newTab();
      await blank.goto('about:blank');
      const popup = await driver.newTab();
      await popup.goto(driver.extensionUrl('popup.html'));
      await popup.waitFor(
        () =>
          /cannot read this page/.test(
            document.querySelector('[data-testid="page-message"]')?.textContent ?? '',
          ),
        null,
      );
      await popup.close();
      await blank.close();
    });

    const storeSettings = (value: object | undefined) => storeSettingsIn(driver, value ?? null);

    /** Back to the defaults, so one test's settings do not leak into the next. */
    const resetSettings = () => storeSettings(undefined);

    it('applies categories, colours, highlight style and site rules to an open tab', async () => {
      const page = await openDemo();
      const options = await driver.newTab();
      await options.goto(driver.extensionUrl('options.html'));
      await options.waitFor(() => document.querySelector('input[name="category-place"]'), null);
      const texts = () => page.evaluate(highlightedTexts, null);

      await options.click('input[name="category-place"]');
      await until(
        async () => {
          const t = await texts();
          return !t.includes('Baghdad') && t.includes('Esmail Qaani');
        },
        5_000,
        'places to be left unmarked',
      );
      await options.click('input[name="category-place"]');
      await until(async () => (await texts()).includes('Baghdad'), 5_000, 'places back');

      await options.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('input[name="colour-person"]')!;
        input.value = '#0000ff';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, null);
      await options.click('input[name="highlightStyle"][value="underline"]');
      const personRule = () =>
        page.evaluate(
          () =>
            document.adoptedStyleSheets
              .flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText))
              .find((r) => r.includes('backstory-person')) ?? '',
          null,
        );
      await until(
        async () => {
          const rule = await personRule();
          return rule.includes('rgba(0, 0, 255') && rule.includes('transparent');
        },
        5_000,
        'the person rule to be a blue underline',
      );

      await options.type('textarea[name="siteList"]', '127.0.0.1');
      await page.bringToFront(); // waits poll on animation frames, which hidden tabs lack
      await page.waitFor(() => {
        let ours = 0;
        CSS.highlights.forEach(
          (h, name) => void (name.startsWith('backstory-') && (ours += h.size)),
        );
        return ours === 0;
      }, null);
      await options.evaluate(() => {
        const area = document.querySelector<HTMLTextAreaElement>('textarea[name="siteList"]')!;
        area.value = 'not a host/';
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }, null);
      await options.waitFor(
        () =>
          /Line 1: .*not saved until fixed/.test(
            document.querySelector('.bs-error')?.textContent ?? '',
          ),
        null,
      );
      await options.evaluate(() => {
        const area = document.querySelector<HTMLTextAreaElement>('textarea[name="siteList"]')!;
        area.value = '';
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }, null);
      await page.bringToFront();
      await page.waitFor(hasHighlights, null);
      await options.close();
      await page.close();
      await resetSettings();
    });

    it('resets damaged settings field by field, keeps the rest, and says so', async () => {
      await storeSettings({ version: 2, enabled: 'yes', density: 'first' });
      const options = await driver.newTab();
      await options.goto(driver.extensionUrl('options.html'));
      await options.waitFor(textIncludes, [
        '[data-testid="settings-problems"]',
        'enabled',
      ] as const);
      expect(
        await options.evaluate(
          () =>
            document.querySelector<HTMLInputElement>('input[name="density"][value="first"]')!
              .checked,
          null,
        ),
      ).toBe(true);
      await options.close();
      await resetSettings();
    });

    it('imports a pack whose names are then highlighted, and refuses a broken one keeping the old', async () => {
      const options = await driver.newTab();
      await options.goto(driver.extensionUrl('options.html'));
      await options.waitFor(() => document.querySelector('input[name="pack"]'), null);
      await options.upload('input[name="pack"]', `${PACKS_DIR}/test-pack.json`);
      await options.waitFor(
        () =>
          /Imported Test fixture pack: 1 entries/.test(
            document.querySelector('[data-testid="import-status"]')?.textContent ?? '',
          ),
        null,
      );
      const page = await openFixture('pack-page.html');
      await untilHighlighted(page, 'Zephyr Commission', true);
      await hoverName(page, 'Zephyr Commission');
      await page.waitFor(cardTitled, 'Zephyr Commission');

      await options.bringToFront();
      await options.upload('input[name="pack"]', `${PACKS_DIR}/broken-pack.json`);
      await options.waitFor(textIncludes, [
        '[data-testid="import-problems"]',
        'entities[0].aliases[0]',
      ] as const);
      expect(
        await options.evaluate(
          () => document.querySelector('[data-pack-id="test-fixture-pack"]')?.textContent ?? '',
          null,
        ),
      ).toContain('version 1');
      const reloaded = await openFixture('pack-page.html');
      await untilHighlighted(reloaded, 'Zephyr Commission', true);
      await reloaded.close();

      // Removed, its names go from open pages.
      await options.bringToFront();
      await options.evaluate(() => {
        const item = document.querySelector('[data-pack-id="test-fixture-pack"]')!;
        [...item.querySelectorAll('button')].find((b) => b.textContent === 'Remove')!.click();
      }, null);
      await untilHighlighted(page, 'Zephyr Commission', false);
      await options.close();
      await page.close();
    });

    it("keeps the reader's note on a card, on every page and in the popup", async () => {
      const page = await openDemo();
      await hoverName(page, 'Esmail Qaani');
      await page.waitFor(inCard, '.bs-note-add');
      await page.evaluate(clickInCard, '.bs-note-add');
      await page.waitFor(inCard, 'textarea');
      await page.evaluate(() => {
        const root = document.querySelector('backstory-card')!.shadowRoot!;
        const area = root.querySelector('textarea')!;
        area.value = 'Met him in 2024 reporting.';
        area.dispatchEvent(new Event('input', { bubbles: true }));
        [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save note')!.click();
      }, null);
      await page.waitFor(inCard, '[data-testid="note"]');
      await new Promise((resolve) => setTimeout(resolve, 300)); // the write to storage
      await page.close();

      const again = await openFixture('dated-2024.html');
      await again.waitFor(hasHighlights, null);
      await hoverName(again, 'Esmail Qaani');
      await again.waitFor(
        () =>
          document
            .querySelector('backstory-card')
            ?.shadowRoot?.querySelector('[data-testid="note"]')
            ?.textContent?.includes('Met him in 2024 reporting.'),
        null,
      );
      await again.close();

      const popup = await driver.newTab();
      await popup.goto(driver.extensionUrl('popup.html'));
      await popup.waitFor(() => document.querySelector('.bs-search'), null);
      await popupSearch(popup, 'Qaani');
      await popup.click('.bs-result');
      await popup.waitFor(textIncludes, ['[data-testid="note"]', 'Met him in 2024'] as const);
      // Removing the note's text removes the note.
      await popup.evaluate(() => {
        [...document.querySelectorAll('button')]
          .find((b) => b.textContent === 'Edit note')!
          .click();
      }, null);
      await popup.waitFor(() => document.querySelector('.bs-note-input'), null);
      await popup.evaluate(() => {
        const area = document.querySelector<HTMLTextAreaElement>('.bs-note-input')!;
        area.value = '';
        [...document.querySelectorAll('button')]
          .find((b) => b.textContent === 'Save note')!
          .click();
      }, null);
      await popup.waitFor(() => document.querySelector('.bs-note-add'), null);
      await popup.close();
    });

    it('adds an entry of the reader\'s own, proposed by "Add to Backstory…", and highlights it', async () => {
      const options = await driver.newTab();
      await options.goto(`${driver.extensionUrl('options.html')}#add=Zephyrine%20Institute`);
      await options.waitFor(
        () =>
          document.querySelector<HTMLInputElement>('input[name="own-name"]')?.value ===
          'Zephyrine Institute',
        null,
      );
      await options.evaluate(() => {
        const set = (selector: string, value: string) => {
          const el = document.querySelector<
            HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement
          >(selector)!;
          el.value = value;
          el.dispatchEvent(
            new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }),
          );
        };
        set('select[name="own-type"]', 'organization');
        set(
          'textarea[name="own-summary"]',
          'A made-up institute that the browser tests add as an entry.',
        );
      }, null);
      await options.click('.bs-own-form button[type="submit"]');
      await options.waitFor(
        () =>
          /Added Zephyrine Institute/.test(
            document.querySelector('[data-testid="own-status"]')?.textContent ?? '',
          ),
        null,
      );
      const page = await openFixture('pack-page.html');
      await untilHighlighted(page, 'Zephyrine Institute', true);
      await page.close();
      await options.bringToFront();
      await options.evaluate(() => {
        const item = document.querySelector('[data-own-id]')!;
        item.querySelector('button')!.click();
      }, null);
      await options.waitFor(() => !document.querySelector('[data-own-id]'), null);
      await options.close();
    });

    it('exports everything to one file and imports it back after a preview', async () => {
      await storeSettings({ version: 2, density: 'first', siteList: ['mybank.example'] });
      const options = await driver.newTab();
      await options.goto(driver.extensionUrl('options.html'));
      await options.waitFor(() => document.querySelector('button[name="export-all"]'), null);
      // Catch the download the page offers and read the file it would save.
      await options.evaluate(() => {
        const w = window as unknown as { saved?: Promise<string> };
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          w.saved = fetch(this.href).then((r) => r.text());
        };
      }, null);
      await options.click('button[name="export-all"]');
      await options.waitFor(() => (window as unknown as { saved?: unknown }).saved, null);
      const text = await options.evaluate(
        () => (window as unknown as { saved: Promise<string> }).saved,
        null,
      );
      expect(JSON.parse(text)).toMatchObject({
        format: 'backstory-backup',
        settings: { density: 'first', siteList: ['mybank.example'] },
      });
      const file = join(mkdtempSync(join(tmpdir(), 'backstory-')), 'backup.json');
      writeFileSync(file, text);
      await options.close();

      await resetSettings();
      const fresh = await driver.newTab();
      await fresh.goto(driver.extensionUrl('options.html'));
      await fresh.waitFor(() => document.querySelector('input[name="backup"]'), null);
      await fresh.upload('input[name="backup"]', file);
      await fresh.waitFor(
        () =>
          /Settings: density, siteList/.test(
            document.querySelector('[data-testid="restore-status"]')?.textContent ?? '',
          ),
        null,
      );
      await fresh.click('button[name="apply-backup"]');
      await fresh.waitFor(
        () =>
          document.querySelector<HTMLInputElement>('input[name="density"][value="first"]')
            ?.checked === true,
        null,
      );
      await fresh.close();
      await resetSettings();
    });

    it('follows the hover delay and the code setting in an open tab', async () => {
      await storeSettings({ version: 2, hoverDelayMs: 1500, includeCode: true });
      const page = await openFixture('lab.html');
      await until(
        async () => (await page.evaluate(highlightedWhere, null)).some((f) => f.id === 'code'),
        5_000,
        'the name in <code> to be highlighted',
      );
      await hoverName(page, 'Quds Force');
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(await page.evaluate(cardTitle, null)).toBeNull(); // not yet: the delay is 1.5 s
      await page.waitFor(cardTitled, 'Quds Force', 5_000);
      await page.close();
      await resetSettings();
    });

    it('stops and restarts highlighting in an open tab from the options switch', async () => {
      const page = await openDemo();
      const options = await driver.newTab();
      await options.goto(driver.extensionUrl('options.html'));
      await options.waitFor(
        () => document.querySelector<HTMLInputElement>('input[name="enabled"]')?.checked === true,
        null,
      );
      await options.click('input[name="enabled"]');
      await page.bringToFront();
      await page.waitFor(() => {
        let ours = 0;
        CSS.highlights.forEach((_, name) => void (name.startsWith('backstory-') && ours++));
        return ours === 0;
      }, null);
      await options.bringToFront();
      await options.click('input[name="enabled"]');
      await page.bringToFront();
      await page.waitFor(hasHighlights, null);
      expect(await page.evaluate(highlightedTexts, null)).toEqual(
        expect.arrayContaining(SEED_NAMES),
      );
      await options.close();
      await page.close();
    });

    it('highlights only the first mention of each name when the reader asks for it', async () => {
      const page = await openDemo();
      const count = (text: string) => (texts: string[]) => texts.filter((t) => t === text).length;
      expect(count('Baghdad')(await page.evaluate(highlightedTexts, null))).toBeGreaterThan(1);
      const options = await driver.newTab();
      await options.goto(driver.extensionUrl('options.html'));
      await options.waitFor(
        () => document.querySelector('input[name="density"][value="first"]'),
        null,
      );
      await options.click('input[name="density"][value="first"]');
      await page.bringToFront();
      await until(
        async () => count('Baghdad')(await page.evaluate(highlightedTexts, null)) === 1,
        10_000,
        'one Baghdad',
      );
      await options.bringToFront();
      await options.click('input[name="density"][value="all"]');
      await options.waitFor(
        () => document.querySelector('.bs-status')?.textContent?.startsWith('Saved'),
        null,
      );
      await options.close();
      await page.close();
    });

    it('colours the card after the page or the reader, and saves both themes as artefacts', async () => {
      const setTheme = async (theme: string) => {
        const options = await driver.newTab();
        await options.goto(driver.extensionUrl('options.html'));
        await options.waitFor(() => document.querySelector('select[name="theme"]'), null);
        await options.evaluate((value) => {
          const select = document.querySelector<HTMLSelectElement>('select[name="theme"]')!;
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }, theme);
        await options.waitFor(
          (v) => document.querySelector('.bs-status')?.textContent?.startsWith('Saved') && v,
          theme,
        );
        await options.close();
      };
      const cardLuminance = async (tab: Tab, darkPage: boolean) => {
        if (darkPage)
          await tab.evaluate(() => void (document.body.style.background = '#111'), null);
        const point = await tab.evaluate(centreOf, 'Esmail Qaani');
        await tab.mouseMove(point!.x, point!.y);
        await tab.waitFor(inCard, '.bs-frame[data-placed]');
        return tab.evaluate(() => {
          const card = document
            .querySelector('backstory-card')!
            .shadowRoot!.querySelector('.bs-card')!;
          const [r, g, b] = (getComputedStyle(card).backgroundColor.match(/[\d.]+/g) ?? []).map(
            Number,
          );
          return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
        }, null);
      };
      mkdirSync(ARTIFACTS, { recursive: true });
      for (const [theme, darkPage, dark] of [
        ['dark', false, true],
        ['light', true, false],
        ['auto', true, true],
        ['auto', false, false],
      ] as const) {
        await setTheme(theme);
        const tab = await openDemo();
        const luminance = await cardLuminance(tab, darkPage);
        expect(luminance < 0.3, `${theme} on a ${darkPage ? 'dark' : 'light'} page`).toBe(dark);
        if (theme !== 'auto')
          await tab.screenshot(`${ARTIFACTS}/card-${theme}-${name.toLowerCase()}.png`);
        await tab.close();
      }
    });

    it('reads names split by markup and in open shadow roots, and skips hidden, code and editable text', async () => {
      const tab = await openFixture('lab.html');
      await tab.waitFor(hasHighlights, null);
      await until(
        async () => (await tab.evaluate(highlightedWhere, null)).length >= 3,
        5_000,
        'the lab page to be read',
      );
      const found = await tab.evaluate(highlightedWhere, null);
      expect(found).toEqual(
        expect.arrayContaining([
          { text: 'Quds Force', id: 'split' },
          { text: 'Esmail Qaani', id: 'split' },
          { text: 'Hossein Salami', id: 'shadow-host' },
        ]),
      );
      const ids = found.map((f) => f.id);
      for (const skipped of ['hidden-attr', 'hidden-css', 'veiled', 'details', 'code', 'editor'])
        expect(ids, `nothing highlighted in #${skipped}`).not.toContain(skipped);
      // Text the page reveals later is read then.
      await tab.evaluate(() => {
        (document.getElementById('details') as HTMLDetailsElement).open = true;
        document.getElementById('hidden-css')!.classList.remove('gone');
        document.getElementById('hidden-attr')!.hidden = false;
      }, null);
      await until(
        async () => {
          const texts = (await tab.evaluate(highlightedWhere, null)).map((f) => f.text);
          return ['Oman', 'Muscat', 'Baghdad'].every((t) => texts.includes(t));
        },
        2_000,
        'revealed names to be highlighted',
      );
      await tab.close();
    });

    it('leaves an editor alone while the reader types names into it', async () => {
      const tab = await openFixture('lab.html');
      await tab.waitFor(hasHighlights, null);
      await tab.evaluate(() => {
        const p = document.querySelector('#editor p')!;
        (document.getElementById('editor') as HTMLElement).focus();
        getSelection()!.collapse(p.firstChild, p.firstChild!.textContent!.length);
      }, null);
      const typed = ' Then Esmail Qaani met the Quds Force in Baghdad.';
      await tab.keyboardType(typed);
      await new Promise((resolve) => setTimeout(resolve, 600)); // past our rescan delay
      const editor = await tab.evaluate(() => {
        const el = document.getElementById('editor')!;
        const selection = getSelection()!;
        return {
          html: el.innerHTML,
          caretAtEnd:
            selection.isCollapsed &&
            selection.focusNode === el.querySelector('p')!.firstChild &&
            selection.focusOffset === selection.focusNode!.textContent!.length,
        };
      }, null);
      expect(editor.html).toBe(`<p>An editor mentioning Hezbollah.${typed}</p>`);
      expect(editor.caretAtEnd).toBe(true);
      const ids = (await tab.evaluate(highlightedWhere, null)).map((f) => f.id);
      expect(ids).not.toContain('editor');
      await tab.close();
    });

    it('reads the new page after a single-page-app navigation (pushState)', async () => {
      const tab = await openFixture('spa.html');
      await tab.waitFor(hasHighlights, null);
      expect(await tab.evaluate(highlightedTexts, null)).toEqual(['Baghdad']);
      await tab.evaluate(
        () =>
          (window as unknown as { goTo(path: string, text: string): void }).goTo(
            'second-story',
            'The second story names Esmail Qaani and Muscat.',
          ),
        null,
      );
      await until(
        async () => {
          const texts = await tab.evaluate(highlightedTexts, null);
          return (
            texts.includes('Esmail Qaani') && texts.includes('Muscat') && !texts.includes('Baghdad')
          );
        },
        2_000,
        'the second story to be highlighted',
      );
      await tab.close();
    });

    it('registers only ranges near the viewport on a very long page, and follows scrolling', async () => {
      const tab = await openFixture('long.html');
      await tab.waitFor(hasHighlights, null);
      const nearViewport = () => {
        let total = 0;
        let far = 0;
        CSS.highlights.forEach((highlight, name) => {
          if (!name.startsWith('backstory-')) return;
          for (const r of highlight as Set<AbstractRange>) {
            total++;
            const rect = r.startContainer.parentElement!.getBoundingClientRect();
            if (rect.bottom < -3 * innerHeight || rect.top > 4 * innerHeight) far++;
          }
        });
        return { total, far };
      };
      const top = await tab.evaluate(nearViewport, null);
      expect(top.total).toBeGreaterThan(0);
      expect(top.total).toBeLessThanOrEqual(1500);
      expect(top.far).toBe(0);
      await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight), null);
      await until(
        async () => {
          const texts = await tab.evaluate(() => {
            const last = document.querySelector('#main p:last-child')!;
            let seen = false;
            CSS.highlights.forEach((highlight, name) => {
              if (!name.startsWith('backstory-')) return;
              for (const r of highlight as Set<AbstractRange>)
                if (r.startContainer.parentElement === last) seen = true;
            });
            return seen;
          }, null);
          return texts;
        },
        // The page has 6,000 paragraphs: the bottom is painted once the scan has reached it.
        10_000,
        'the last paragraph to be painted after scrolling',
      );
      const bottom = await tab.evaluate(nearViewport, null);
      expect(bottom.total).toBeLessThanOrEqual(1500);
      expect(bottom.far).toBe(0);
      await tab.close();
    });

    it('paints what the reader scrolls to while a storm still runs', async () => {
      // A growing storm: 1,000 nodes every 100 ms for 20 s. Reading every change would take
      // more than our share of the thread, so the changes on screen are read first.
      const tab = await openFixture('storm.html?nodes=1000&every=100&for=20000');
      await tab.waitFor(
        () => (window as unknown as { storm: { items: number } }).storm.items >= 12000,
        null,
        20_000,
      );
      await tab.evaluate(() => {
        document.querySelector('#feed p:nth-child(10000)')!.scrollIntoView({ block: 'center' });
      }, null);
      await untilAllPaintedInView(
        tab,
        5_000,
        'every item on screen to be painted while the storm runs',
      );
      expect(
        await tab.evaluate(
          () => (window as unknown as { storm: { done: boolean } }).storm.done,
          null,
        ),
      ).toBe(false);
      await tab.close();
    });

    it('paints names scrolled into view inside a scrolling box', async () => {
      const tab = await openFixture('moving.html?layout=scroller');
      await tab.waitFor(hasHighlights, null);
      await tab.evaluate(() => {
        const box = document.getElementById('box')!;
        box.scrollTop = box.scrollHeight;
      }, null);
      await until(
        async () => (await tab.evaluate(paintedInView, '#box')).every(Boolean),
        10_000,
        'every paragraph shown in the box to be painted after it scrolled',
      );
      expect((await tab.evaluate(paintedInView, '#box')).length).toBeGreaterThan(3);
      await tab.close();
    });

    it('paints names a change brings into view where document order is not screen order', async () => {
      // Laid out bottom to top, under a spacer: removing it brings the last paragraphs of the
      // document to the top of the screen, where a search in document order does not look.
      const tab = await openFixture('moving.html?layout=reversed');
      await until(async () => (await pageStats(tab)).blocks >= 2000, 20_000, 'the page read');
      expect(await tab.evaluate(paintedInView, null)).toEqual([]);
      await tab.evaluate(() => (window as unknown as { dropSpacer(): void }).dropSpacer(), null);
      await untilAllPaintedInView(
        tab,
        10_000,
        'every paragraph on screen to be painted after the spacer went',
      );
      await tab.close();
    });

    it('shows a role as held on a page dated 2024 and as still to come on one dated 2019', async () => {
      const statusOf = async (file: string) => {
        const tab = await openFixture(file);
        await tab.waitFor(hasHighlights, null);
        await hoverName(tab, 'Esmail Qaani');
        await tab.waitFor(cardTitled, 'Esmail Qaani');
        const status = await tab.evaluate(() => {
          const rows = document
            .querySelector('backstory-card')!
            .shadowRoot!.querySelectorAll('.bs-fact');
          const row = [...rows].find((r) =>
            r.querySelector('.bs-fact-label')?.textContent?.startsWith('Quds Force commander'),
          );
          return row?.querySelector('[data-status]')?.getAttribute('data-status') ?? null;
        }, null);
        await tab.close();
        return status;
      };
      expect(await statusOf('dated-2019.html')).toBe('before');
      expect(await statusOf('dated-2024.html')).toBe('during');
    });

    it('closes the card when its name is scrolled out of view', async () => {
      const tab = await openFixture('long.html');
      await tab.waitFor(hasHighlights, null);
      await hoverName(tab, 'Baghdad');
      await tab.waitFor(inCard, '.bs-frame[data-placed]');
      await tab.evaluate(() => window.scrollBy(0, 3 * innerHeight), null);
      await tab.waitFor(
        () => !document.querySelector('backstory-card')?.shadowRoot?.querySelector('.bs-frame'),
        null,
        3_000,
      );
      await tab.close();
    });

    it('opens a related entity inside the card, and Back returns', async () => {
      const tab = await openDemo();
      await hoverName(tab, 'Esmail Qaani');
      await tab.waitFor(() => {
        const root = document.querySelector('backstory-card')?.shadowRoot;
        return root?.querySelector('[data-testid="card-title"]')?.textContent === 'Esmail Qaani';
      }, null);
      await tab.evaluate(clickRelated, 'Quds Force');
      await tab.waitFor(cardTitled, 'Quds Force');
      await tab.evaluate(clickInCard, '.bs-card-back');
      await tab.waitFor(cardTitled, 'Esmail Qaani');
      await tab.close();
    });

    it('keeps pinned cards open while the pointer opens others, until each is closed', async () => {
      const tab = await openDemo();
      await hoverName(tab, 'Esmail Qaani');
      await tab.waitFor(inCard, '.bs-pin');
      await tab.evaluate(clickInCard, '.bs-pin');
      await tab.mouseMove(5, 795);
      await new Promise((resolve) => setTimeout(resolve, 800)); // past the close grace period
      expect(await tab.evaluate(cardTitles, null)).toEqual(['Esmail Qaani']);
      await hoverName(tab, 'Baghdad');
      await until(
        async () => (await tab.evaluate(cardTitles, null)).join() === 'Esmail Qaani,Baghdad',
        5_000,
        'a second card beside the pinned one',
      );
      await tab.mouseMove(5, 795);
      await until(
        async () => (await tab.evaluate(cardTitles, null)).join() === 'Esmail Qaani',
        5_000,
        'the unpinned card to close',
      );
      await tab.evaluate(clickInCard, '.bs-close');
      await tab.waitFor(() => !document.querySelector('backstory-card'), null);
      await tab.close();
    });

    it('opens the card for the selected name on the command, announces moves, and closes on the close command', async () => {
      const tab = await openFixture('lab.html');
      await tab.waitFor(hasHighlights, null);
      await tab.evaluate(() => {
        const text = document.getElementById('selectable')!.firstChild!;
        const at = text.textContent!.indexOf('Houthis');
        getSelection()!.setBaseAndExtent(text, at + 1, text, at + 3);
      }, null);
      await sendCommand(tab, { type: 'card-for-selection' });
      await tab.waitFor(cardTitled, 'Houthis');
      await sendCommand(tab, { type: 'close-card' });
      await tab.waitFor(
        () => !document.querySelector('backstory-card')?.shadowRoot?.querySelector('.bs-frame'),
        null,
      );
      await sendCommand(tab, { type: 'navigate', direction: 'next' });
      await tab.waitFor(
        () =>
          /names on this page$/.test(
            document.querySelector('backstory-card')?.shadowRoot?.querySelector('[role="status"]')
              ?.textContent ?? '',
          ),
        null,
      );
      await tab.close();
    });

    it('moves to the next name on the keyboard command, with its card focused, and Escape returns', async () => {
      const page = await openDemo();
      // What the background does on the command: send the active tab a navigate request.
      const navigate = (direction = 'next') => sendCommand(page, { type: 'navigate', direction });
      await navigate();
      await page.waitFor(cardTitled, 'Quds Force');
      await navigate();
      await page.waitFor(cardTitled, 'Esmail Qaani');
      await navigate('previous');
      await page.waitFor(cardTitled, 'Quds Force');
      await navigate();
      await page.waitFor(cardTitled, 'Esmail Qaani');
      expect(
        await page.evaluate(() => CSS.highlights.get('backstory-current')?.size ?? 0, null),
      ).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.localName ?? '', null)).toBe(
        'backstory-card',
      );
      await page.press('Escape');
      await page.waitFor(() => !document.querySelector('backstory-card'), null);
      expect(await page.evaluate(() => document.activeElement?.localName ?? '', null)).not.toBe(
        'backstory-card',
      );
      await page.close();
    });
  });
}
