/**
 * Hostile input through the options page, in a real browser: a pack whose every text field is
 * markup is imported through the file input and its entity's card opened on a page, where the
 * markup must read as characters and create nothing; a file over the size limit and a file cut
 * short are then refused while the packs already imported keep working.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability } from '../support/browsers';
import { suiteRuns } from '../support/suite';
import type { Driver, Tab } from '../support/drivers';
import { serveStatic, type StaticServer } from '../support/server';
import { centreOf } from './contract';

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/pages', import.meta.url));
const PACKS_DIR = fileURLToPath(new URL('../fixtures/packs', import.meta.url));
const HOSTILE = JSON.parse(readFileSync(`${PACKS_DIR}/hostile-pack.json`, 'utf8')) as {
  meta: { name: string };
  entities: { name: string; summary: string; facts: { value: string }[] }[];
};

/** The import status line of the options page. */
const statusIncludes = (text: string) =>
  document.querySelector('[data-testid="import-status"]')?.textContent?.includes(text) ?? false;

/** What the card (in its shadow root) shows and what it is made of. */
const cardContents = () => {
  const root = document.querySelector('backstory-card')?.shadowRoot;
  if (!root?.querySelector('[data-testid="card-title"]')) return null;
  const all = [...root.querySelectorAll('*')];
  return {
    title: root.querySelector('[data-testid="card-title"]')!.textContent ?? '',
    text: root.textContent ?? '',
    tags: [...new Set(all.map((e) => e.localName))],
    handlers: all.flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => /^on/.test(n)),
    links: all.flatMap((e) => (e.hasAttribute('href') ? [e.getAttribute('href')!] : [])),
  };
};

/** What the markup would have done to a page had it run, or been parsed, anywhere. */
const pageUntouched = () =>
  document.title.startsWith('Fixture:') &&
  document.querySelectorAll('img, script').length === 0 &&
  !('pwned' in window);

export function describeHostileInputs(
  name: string,
  available: Availability,
  launch: () => Promise<Driver>,
): void {
  if (!suiteRuns(`${name} hostile inputs`, available)) return;

  describe(`${name}: hostile inputs`, () => {
    let server: StaticServer;
    let driver: Driver;
    let scratch: string;

    beforeAll(async () => {
      server = await serveStatic({ fixtures: FIXTURES_DIR });
      driver = await launch();
      scratch = mkdtempSync(join(tmpdir(), 'backstory-hostile-'));
    });
    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    async function until(check: () => Promise<boolean>, what: string, timeout = 10_000) {
      const end = Date.now() + timeout;
      while (!(await check())) {
        if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    async function openPage(): Promise<Tab> {
      const tab = await driver.newTab();
      await tab.goto(`${server.url}fixtures/hostile-page.html`);
      return tab;
    }

    /** Hovers a highlighted name and waits for its card. */
    async function cardOf(tab: Tab, text: string) {
      await until(async () => (await tab.evaluate(centreOf, text)) !== undefined, `"${text}"`);
      const point = (await tab.evaluate(centreOf, text))!;
      await tab.mouseMove(point.x, point.y);
      await tab.waitFor(() => !!document.querySelector('backstory-card')?.shadowRoot, null);
      await until(async () => (await tab.evaluate(cardContents, null)) !== null, 'the card');
      return (await tab.evaluate(cardContents, null))!;
    }

    /** Opens the options page and imports the test pack and the hostile pack through it. */
    async function importBoth(): Promise<Tab> {
      const options = await driver.newTab();
      await options.goto(driver.extensionUrl('options.html'));
      await options.waitFor(() => document.querySelector('input[name="pack"]'), null);
      await options.upload('input[name="pack"]', `${PACKS_DIR}/test-pack.json`);
      await options.waitFor(statusIncludes, 'Imported Test fixture pack');
      await options.upload('input[name="pack"]', `${PACKS_DIR}/hostile-pack.json`);
      await options.waitFor(statusIncludes, `Imported ${HOSTILE.meta.name}: 2 entries`);
      return options;
    }

    it('a pack of markup is imported as text: its card shows the markup as characters and creates nothing', async () => {
      const options = await importBoth();
      // The options page lists it by its name, as text.
      const listed = await options.evaluate(
        () => ({
          text: document.querySelector('[data-pack-id="hostile-fixture-pack"]')?.textContent ?? '',
          made: document.querySelectorAll('img, script:not([src]), b').length,
        }),
        null,
      );
      expect(listed.text).toContain(HOSTILE.meta.name);
      expect(listed.made).toBe(0);

      const page = await openPage();
      const card = await cardOf(page, 'Quillon Varga');
      const [person, council] = HOSTILE.entities;
      expect(card.title).toBe(person!.name);
      for (const text of [person!.summary, person!.facts[0]!.value, council!.name])
        expect(card.text).toContain(text);
      expect(card.tags).not.toContain('img');
      expect(card.tags).not.toContain('script');
      expect(card.handlers).toEqual([]);
      expect(card.links.length).toBeGreaterThan(0);
      for (const href of card.links) expect(href).toMatch(/^https:\/\//);
      expect(await page.evaluate(pageUntouched, null)).toBe(true);
      await page.close();
      await options.close();
    });

    it(
      'a 26 MB file and a file cut short are refused, and the imported packs keep working',
      { timeout: 180_000 },
      async () => {
        const options = await importBoth();
        // A valid pack padded past the limit: refused by its size alone.
        const big = join(scratch, 'big-pack.json');
        const valid = readFileSync(`${PACKS_DIR}/test-pack.json`, 'utf8');
        writeFileSync(big, valid.replace('{', `{${' '.repeat(26_000_000)}`));
        await options.upload('input[name="pack"]', big);
        // Handing a 26 MB file to the page takes the test driver a while in Firefox.
        await options.waitFor(
          statusIncludes,
          'big-pack.json is 26.0 MB; packs may be at most 25 MB. Nothing was changed.',
          60_000,
        );

        const cut = join(scratch, 'cut-pack.json');
        const newer = readFileSync(`${PACKS_DIR}/hostile-pack.json`, 'utf8').replace(
          '"version": "1 <b>v</b>"',
          '"version": "2"',
        );
        writeFileSync(cut, newer.slice(0, Math.floor(newer.length / 2)));
        await options.upload('input[name="pack"]', cut);
        await options.waitFor(statusIncludes, 'was it cut short?', 30_000);
        const versions = await options.evaluate(
          () =>
            [...document.querySelectorAll('[data-pack-id]')].map(
              (li) => `${li.getAttribute('data-pack-id')}: ${li.textContent}`,
            ),
          null,
        );
        expect(versions).toEqual([
          expect.stringMatching(/^test-fixture-pack: .*version 1,/),
          expect.stringMatching(/^hostile-fixture-pack: .*version 1 <b>v<\/b>,/),
        ]);

        const page = await openPage();
        const card = await cardOf(page, 'Quillon Varga');
        expect(card.title).toBe(HOSTILE.entities[0]!.name);
        await page.press('Escape');
        expect((await cardOf(page, 'Zephyr Commission')).title).toBe('Zephyr Commission');
        expect(await page.evaluate(pageUntouched, null)).toBe(true);
        await page.close();
        await options.close();
      },
    );
  });
}
