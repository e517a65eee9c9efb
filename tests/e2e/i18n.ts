import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability } from '../support/browsers';
import type { Driver, Tab } from '../support/drivers';
import { serveStatic, type StaticServer } from '../support/server';
import { suiteRuns } from '../support/suite';
import { cardTitled, centreOf, hasHighlights, until } from './contract';

const DEMO_DIR = fileURLToPath(new URL('../demo', import.meta.url));
const PACKS_DIR = fileURLToPath(new URL('../fixtures/packs', import.meta.url));
const LOCALES = fileURLToPath(new URL('../../public/_locales', import.meta.url));

/** The UI languages checked: both right-to-left translations, and English as the control. */
export const UI_LANGUAGES = ['fa', 'ar', 'en'] as const;
type Lang = (typeof UI_LANGUAGES)[number];

/** A message as the reader must see it, straight from the catalogue the build ships. */
const message = (lang: Lang, key: string): string =>
  (
    JSON.parse(readFileSync(`${LOCALES}/${lang}/messages.json`, 'utf8')) as Record<
      string,
      { message: string }
    >
  )[key]!.message;

/** Where two elements sit, left to right, and the computed direction of the first. */
const layout = ([root, a, b]: readonly [string, string, string]) => {
  const scope = root ? document.querySelector(root)!.shadowRoot! : document;
  const first = scope.querySelector(a)!;
  const second = scope.querySelector(b)!;
  return {
    direction: getComputedStyle(first).direction,
    first: first.getBoundingClientRect().left,
    second: second.getBoundingClientRect().left,
  };
};

/**
 * The extension in the browser's UI language: translated text on the options page, the popup
 * and the card, laid out right to left for Persian and Arabic (left to right for English), with
 * the dataset's English names inside, and the page itself left as it is.
 */
export function describeLocalisation(
  name: string,
  available: Availability,
  launch: (lang: Lang) => Promise<Driver>,
): void {
  if (!suiteRuns(`${name} localisation`, available)) return;

  describe.each(UI_LANGUAGES)(`${name} with the UI in %s`, (lang) => {
    const rtl = lang !== 'en';
    let server: StaticServer;
    let driver: Driver;

    /** Why the browser is not in `lang` (Firefox without the language pack), if it is not. */
    let notInLanguage: string | undefined;

    beforeAll(async () => {
      server = await serveStatic({ demo: DEMO_DIR });
      driver = await launch(lang);
      const tab = await extensionPage('options.html', 'h1');
      const shown = await tab.evaluate(() => {
        const g = globalThis as unknown as { chrome: { i18n: { getMessage(k: string): string } } };
        return g.chrome.i18n.getMessage('locale');
      }, null);
      await tab.close();
      if (shown !== message(lang, 'locale'))
        notInLanguage = `${name} shows the extension in "${shown}", not ${lang}: Firefox needs its language pack (apt-get install -y firefox-esr-l10n-${lang})`;
    });
    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    /** Under CI the language must be there; elsewhere its absence skips with the reason. */
    function needsLanguage(skip: (note: string) => void): void {
      if (!notInLanguage) return;
      if (process.env.CI === 'true') throw new Error(notInLanguage);
      console.warn(`Skipping: ${notInLanguage}`);
      skip(notInLanguage);
    }

    async function extensionPage(path: string, ready: string): Promise<Tab> {
      const tab = await driver.newTab();
      await tab.goto(driver.extensionUrl(path));
      await tab.waitFor((selector) => document.querySelector(selector), ready);
      return tab;
    }

    it('shows the options page translated and laid out in its direction', async (ctx) => {
      needsLanguage((note) => ctx.skip(note));
      const tab = await extensionPage('options.html', 'input[name="enabled"]');
      const page = await tab.evaluate(
        () => ({
          dir: document.documentElement.dir,
          lang: document.documentElement.lang,
          title: document.title,
          heading: document.querySelector('h1')!.textContent,
          enabled: document.querySelector('input[name="enabled"] + span strong')!.textContent,
        }),
        null,
      );
      expect(page).toEqual({
        dir: rtl ? 'rtl' : 'ltr',
        lang: message(lang, 'locale'),
        title: message(lang, 'options_title'),
        heading: message(lang, 'options_title'),
        enabled: message(lang, 'options_enabled'),
      });
      // The checkbox stands before its sentence: on the right in RTL, on the left in LTR.
      const box = await tab.evaluate(layout, [
        '',
        'input[name="enabled"]',
        'input[name="enabled"] + span',
      ] as const);
      expect(box.direction).toBe(rtl ? 'rtl' : 'ltr');
      if (rtl) expect(box.first).toBeGreaterThan(box.second);
      else expect(box.first).toBeLessThan(box.second);
      await tab.close();
    });

    it('shows the popup translated and laid out in its direction', async (ctx) => {
      needsLanguage((note) => ctx.skip(note));
      const tab = await extensionPage('popup.html', '.bs-search');
      const popup = await tab.evaluate(
        () => ({
          dir: document.documentElement.dir,
          onThisPage: document.querySelector('.bs-page-title')!.textContent,
          placeholder: document.querySelector<HTMLInputElement>('.bs-search')!.placeholder,
          options: [...document.querySelectorAll('.bs-popup-footer button')].at(-1)!.textContent,
        }),
        null,
      );
      expect(popup).toEqual({
        dir: rtl ? 'rtl' : 'ltr',
        onThisPage: message(lang, 'popup_on_this_page'),
        placeholder: message(lang, 'popup_search_placeholder'),
        options: message(lang, 'popup_options'),
      });
      // The name heads the popup: at its right in RTL, with the switch across from it.
      const header = await tab.evaluate(layout, ['', '.bs-popup-header h1', '.bs-toggle'] as const);
      expect(header.direction).toBe(rtl ? 'rtl' : 'ltr');
      if (rtl) expect(header.first).toBeGreaterThan(header.second);
      else expect(header.first).toBeLessThan(header.second);
      await tab.close();
    });

    it("refuses a broken pack saying why in the reader's language, naming the field, and keeps the old pack", async (ctx) => {
      needsLanguage((note) => ctx.skip(note));
      const tab = await extensionPage('options.html', 'input[name="pack"]');
      await tab.upload('input[name="pack"]', `${PACKS_DIR}/test-pack.json`);
      await tab.waitFor(() => document.querySelector('[data-pack-id="test-fixture-pack"]'), null);

      // The alias [42] is neither a string nor an object: the message says so, around the path.
      await tab.upload('input[name="pack"]', `${PACKS_DIR}/broken-pack.json`);
      await tab.waitFor(
        () => document.querySelector('[data-testid="import-problems"] li code'),
        null,
        20_000,
      );
      const shown = await tab.evaluate(
        ([locale, kinds]) => {
          const item = document.querySelector('[data-testid="import-problems"] li')!;
          const isolates = /[\u2066-\u2069]/g;
          return {
            count: document.querySelectorAll('[data-testid="import-problems"] li').length,
            path: item.querySelector('code')!.textContent,
            text: item.querySelector('bdi')!.textContent!.replace(isolates, ''),
            kinds: new Intl.ListFormat(locale, { type: 'disjunction' }).format(kinds),
          };
        },
        [
          message(lang, 'locale'),
          [message(lang, 'kind_string'), message(lang, 'kind_object')],
        ] as const,
      );
      expect(shown.count).toBe(1);
      expect(shown.path).toBe('entities[0].aliases[0]');
      expect(shown.text).toBe(message(lang, 'problem_wrong_type_any').replace('$1', shown.kinds));
      if (rtl) expect(shown.text).not.toMatch(/\p{Script=Latin}/u);
      else expect(shown.text).toBe('must be a string or an object');

      // The pack imported first is still the one in use.
      const packs = await tab.evaluate(async () => {
        type Area = { local: { get(k: string): Promise<Record<string, unknown>> } };
        const g = globalThis as unknown as {
          browser?: { storage: Area };
          chrome: { storage: Area };
        };
        return (await (g.browser ?? g.chrome).storage.local.get('packs')).packs;
      }, null);
      expect(packs).toEqual([
        expect.objectContaining({ id: 'test-fixture-pack', version: '1', enabled: true }),
      ]);
      await tab.evaluate(
        (remove) => {
          const item = document.querySelector('[data-pack-id="test-fixture-pack"]')!;
          [...item.querySelectorAll('button')].find((b) => b.textContent === remove)!.click();
        },
        message(lang, 'remove'),
      );
      await tab.waitFor(() => !document.querySelector('[data-pack-id="test-fixture-pack"]'), null);
      await tab.close();
    });

    it("shows the card in the reader's language and direction, the names in English, the page untouched", async (ctx) => {
      needsLanguage((note) => ctx.skip(note));
      const tab = await driver.newTab();
      await tab.goto(`${server.url}demo/article.html`);
      await tab.waitFor(hasHighlights, null);
      let point: { x: number; y: number } | undefined;
      await until(
        async () => (point = await tab.evaluate(centreOf, 'Esmail Qaani')) !== undefined,
        10_000,
        'Esmail Qaani to be highlighted',
      );
      await tab.mouseMove(point!.x, point!.y);
      await tab.waitFor(cardTitled, 'Esmail Qaani', 15_000);
      const card = await tab.evaluate(() => {
        const root = document.querySelector('backstory-card')!.shadowRoot!;
        const article = root.querySelector('.bs-card')!;
        return {
          direction: getComputedStyle(article).direction,
          lang: article.closest('[lang]')?.getAttribute('lang'),
          type: root.querySelector('.bs-type')!.textContent,
          summaryDirection: getComputedStyle(root.querySelector('.bs-summary')!).direction,
          factDirection: getComputedStyle(root.querySelector('.bs-fact-body')!).direction,
          pageDir: document.documentElement.dir,
          pageLang: document.documentElement.lang,
        };
      }, null);
      expect(card).toEqual({
        direction: rtl ? 'rtl' : 'ltr',
        lang: message(lang, 'locale'),
        type: message(lang, 'type_person'),
        // English dataset text keeps its own direction inside a right-to-left card.
        summaryDirection: 'ltr',
        factDirection: 'ltr',
        pageDir: '',
        pageLang: 'en',
      });
      // The title starts the header and its controls end it: the title on the right in RTL.
      const header = await tab.evaluate(layout, [
        'backstory-card',
        '.bs-card .bs-type',
        '.bs-card .bs-actions',
      ] as const);
      if (rtl) expect(header.first).toBeGreaterThan(header.second);
      else expect(header.first).toBeLessThan(header.second);
      await tab.close();
    });
  });
}
