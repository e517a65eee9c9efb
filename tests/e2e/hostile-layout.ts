import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Availability } from '../support/browsers';
import { suiteRuns } from '../support/suite';
import type { Driver, Tab } from '../support/drivers';
import { serveStatic, type StaticServer } from '../support/server';
import {
  cardTitled,
  hasHighlights,
  highlightedTexts,
  highlightedWhere,
  inCard,
  until,
} from './contract';

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/pages', import.meta.url));

/** Centre of the highlighted `text` inside the element `id` (through shadow roots). */
const pointIn = ([text, id]: readonly [string, string]) => {
  let point: { x: number; y: number } | undefined;
  CSS.highlights.forEach((highlight, name) => {
    if (point || !name.startsWith('backstory-') || name === 'backstory-current') return;
    for (const r of highlight as Set<AbstractRange>) {
      const range = new Range();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      let el: Element | null = r.startContainer.parentElement;
      while (el && !el.id) {
        const up: Node | null = el.parentNode;
        el = up instanceof ShadowRoot ? up.host : up instanceof Element ? up : null;
      }
      if (range.toString() !== text || el?.id !== id) continue;
      const rect = range.getClientRects()[0];
      if (rect) point = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      return;
    }
  });
  return point;
};

/**
 * What is on top at the centre of the open card, as the reader's eye and pointer find it. An
 * overlay that lets the pointer through is made to catch it for the question (elementFromPoint
 * skips such elements), so it counts if it covers the card. Our shadow host stands for the card.
 */
const onTopOfCard = () => {
  const frame = document
    .querySelector('backstory-card')
    ?.shadowRoot?.querySelector('.bs-frame[data-placed]');
  if (!frame) return 'no card';
  const r = frame.getBoundingClientRect();
  const overlay = document.getElementById('overlay');
  if (overlay) overlay.style.pointerEvents = 'auto';
  const el = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 40));
  if (overlay) overlay.style.pointerEvents = '';
  return el ? `${el.localName}${el.id ? `#${el.id}` : ''}` : 'nothing';
};

/** Centre of the pin button in the open card, for a real click. */
const pinButton = () => {
  const pin = document.querySelector('backstory-card')?.shadowRoot?.querySelector('.bs-pin');
  if (!pin) return undefined;
  const r = pin.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
};

const PROPS = [
  'display',
  'position',
  'visibility',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
  'line-height',
  'color',
  'background-color',
  'padding-top',
  'padding-left',
  'margin-top',
  'border-top-width',
  'text-transform',
  'letter-spacing',
  'width',
] as const;

/** Computed styles of the card's own elements: what the page's stylesheet could have changed. */
const cardStyles = (props: readonly string[]) => {
  const root = document.querySelector('backstory-card')?.shadowRoot;
  const out: Record<string, Record<string, string>> = {};
  for (const selector of ['.bs-frame', '.bs-card', '[data-testid="card-title"]', '.bs-pin']) {
    const el = root?.querySelector(selector);
    const style = el && getComputedStyle(el);
    out[selector] = Object.fromEntries(props.map((p) => [p, style?.getPropertyValue(p) ?? '']));
  }
  return out;
};

/** The hostile rules of hostile-css.html, by the name its query takes. */
const HOSTILE_RULES = ['revert', 'unset', 'block', 'tiny', 'overlay', 'host'] as const;

/**
 * Pages that fight us: shadow roots, custom elements, the top layer (modal dialogs,
 * fullscreen), stylesheets that restyle everything, scripts that clear the highlight registry,
 * and the reader's own copy and find, which must work as if we were not there.
 */
export function describeHostileLayout(
  name: string,
  available: Availability,
  launch: () => Promise<Driver>,
  launchPlain: () => Promise<Driver>,
): void {
  if (!suiteRuns(`${name} hostile layout`, available)) return;

  describe(`${name} hostile pages`, () => {
    let server: StaticServer;
    let driver: Driver;
    let plain: Driver | undefined;

    beforeAll(async () => {
      server = await serveStatic({ fixtures: FIXTURES_DIR });
      driver = await launch();
      // A browser that has only just installed the extension may open its first page before
      // the content script is registered there (seen once in a full run): the suite starts
      // once a page is read, as a reader's first page after installing would be on reload.
      const tab = await driver.newTab();
      await until(
        async () => {
          await tab.goto(`${server.url}fixtures/hostile-shadow.html`);
          return tab
            .waitFor(hasHighlights, null, 5_000)
            .then(() => true)
            .catch(() => false);
        },
        30_000,
        'the content script to read a first page',
      );
      await tab.close();
    });
    afterAll(async () => {
      await plain?.close();
      await driver?.close();
      await server?.close();
    });

    async function open(file: string, on: Driver = driver): Promise<Tab> {
      const tab = await on.newTab();
      await tab.goto(`${server.url}fixtures/${file}`);
      return tab;
    }

    async function untilNamesIn(tab: Tab, id: string, texts: string[]): Promise<void> {
      await until(
        async () => {
          const here = (await tab.evaluate(highlightedWhere, null)).filter((f) => f.id === id);
          return texts.every((t) => here.some((f) => f.text === t));
        },
        10_000,
        `${texts.join(', ')} highlighted in #${id}`,
      );
    }

    /** Hovers `text` inside `id` until its card is placed on screen. */
    async function openCard(tab: Tab, text: string, id: string): Promise<void> {
      await untilNamesIn(tab, id, [text]);
      const point = await tab.evaluate(pointIn, [text, id] as const);
      expect(point, `"${text}" in #${id} has a box`).toBeDefined();
      await tab.mouseMove(point!.x, point!.y);
      await tab.waitFor(cardTitled, text, 10_000);
      await tab.waitFor(inCard, '.bs-frame[data-placed]');
    }

    /** The card is on top where it shows, and its pin button takes a real click. */
    async function expectUsableOnTop(tab: Tab): Promise<void> {
      expect(await tab.evaluate(onTopOfCard, null)).toBe('backstory-card');
      // Only the card: the page's top corner, far from it, is still the page's.
      expect(
        await tab.evaluate(() => document.elementFromPoint(2, 2)?.localName ?? 'nothing', null),
      ).not.toBe('backstory-card');
      const pin = await tab.evaluate(pinButton, null);
      expect(pin, 'the card has a pin button').toBeDefined();
      await tab.mouseClick(pin!.x, pin!.y);
      await tab.waitFor(inCard, '.bs-frame[data-pinned]', 5_000);
    }

    it('reads open shadow roots and custom elements, and leaves a closed shadow root as it was', async () => {
      const tab = await open('hostile-shadow.html');
      await untilNamesIn(tab, 'light', ['Esmail Qaani', 'Baghdad']);
      await untilNamesIn(tab, 'open-host', ['Esmail Qaani', 'Muscat']);
      await untilNamesIn(tab, 'custom', ['Muscat']);
      const closed = await tab.evaluate(() => {
        const w = window as unknown as { closedRoot: ShadowRoot; closedMarkup: string };
        let ranges = 0;
        CSS.highlights.forEach((highlight) => {
          for (const r of highlight as Set<AbstractRange>)
            if (r.startContainer.getRootNode() === w.closedRoot) ranges++;
        });
        const button = w.closedRoot.querySelector('button')!;
        button.click();
        return {
          ranges,
          markup: w.closedRoot.innerHTML,
          expected: w.closedMarkup,
          clicks: button.dataset.clicks,
          hostAttrs: document.getElementById('closed-host')!.getAttributeNames(),
        };
      }, null);
      expect(closed.ranges).toBe(0);
      expect(closed.markup).toBe(closed.expected.replace('<button>', '<button data-clicks="1">'));
      expect(closed.clicks).toBe('1');
      expect(closed.hostAttrs).toEqual(['id']);
      // A name inside the open shadow root opens its card like any other.
      await openCard(tab, 'Muscat', 'open-host');
      await expectUsableOnTop(tab);
      await tab.close();
    });

    it('shows the card of a name in a modal dialog above the dialog, and its buttons work', async () => {
      const tab = await open('hostile-shadow.html');
      await tab.waitFor(hasHighlights, null);
      await tab.evaluate(
        () => (document.getElementById('dialog') as HTMLDialogElement).showModal(),
        null,
      );
      await openCard(tab, 'Tehran', 'in-dialog');
      await expectUsableOnTop(tab);
      expect(
        await tab.evaluate(
          () => (document.getElementById('dialog') as HTMLDialogElement).open,
          null,
        ),
      ).toBe(true);
      // The pinned card waits while its name is hidden with the dialog, and is on top again
      // when the page opens the dialog once more.
      await tab.evaluate(
        () => (document.getElementById('dialog') as HTMLDialogElement).close(),
        null,
      );
      await tab.evaluate(
        () => (document.getElementById('dialog') as HTMLDialogElement).showModal(),
        null,
      );
      await tab.mouseMove(3, 3);
      await until(
        async () => (await tab.evaluate(onTopOfCard, null)) === 'backstory-card',
        5_000,
        'the pinned card on top of the reopened dialog',
      );
      await tab.close();
    });

    it('shows the card of a name in a fullscreen element on top of it, and its buttons work', async () => {
      const tab = await open('hostile-shadow.html');
      await tab.waitFor(hasHighlights, null);
      const entered = await tab.evaluate(
        () =>
          document
            .getElementById('stage')!
            .requestFullscreen()
            .then(
              () => document.fullscreenElement?.id ?? 'none',
              (e: unknown) => `refused: ${String(e)}`,
            ),
        null,
      );
      expect(entered, 'the browser lets the page go fullscreen headless').toBe('stage');
      await openCard(tab, 'Hossein Salami', 'in-stage');
      await expectUsableOnTop(tab);
      expect(await tab.evaluate(() => document.fullscreenElement?.id, null)).toBe('stage');
      await tab.close();
    });

    describe('a stylesheet that restyles everything', () => {
      let plainLooks: Record<string, Record<string, string>> | undefined;
      async function looks(rule: string) {
        const tab = await open(`hostile-css.html${rule ? `?rule=${rule}` : ''}`);
        await untilNamesIn(tab, 'story', ['Esmail Qaani', 'Baghdad', 'Muscat', 'Tehran']);
        await openCard(tab, 'Esmail Qaani', 'story');
        const styles = await tab.evaluate(cardStyles, PROPS);
        return { tab, styles };
      }

      for (const rule of HOSTILE_RULES) {
        it(`?rule=${rule}: names highlighted, the card on top, usable and styled as on a plain page`, async () => {
          if (!plainLooks) {
            const base = await looks('');
            plainLooks = base.styles;
            await base.tab.close();
          }
          const { tab, styles } = await looks(rule);
          expect(styles).toEqual(plainLooks);
          await expectUsableOnTop(tab);
          await tab.close();
        });
      }
    });

    it('gets its highlights back at most once a second from a page that keeps clearing them, and never touches the page’s own', async () => {
      const tab = await open('hostile-registry.html');
      await until(
        async () => (await tab.evaluate(highlightedTexts, null)).includes('Baghdad'),
        10_000,
        'Baghdad to be highlighted',
      );
      const pageOwn = () => {
        const w = window as unknown as { pageHighlights: Record<string, Highlight> };
        return Object.entries(w.pageHighlights).map(([name, mine]) => {
          const registered = CSS.highlights.get(name);
          const ranges = [...(mine as unknown as Set<AbstractRange>)].map((r) => {
            const range = new Range();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            return range.toString();
          });
          return { name, same: registered === mine, ranges, priority: mine.priority };
        });
      };
      const expected = [
        { name: 'page-own', same: true, ranges: ["reader's own"], priority: 3 },
        { name: 'backstory-page-notes', same: true, ranges: ['note'], priority: 0 },
      ];
      expect(await tab.evaluate(pageOwn, null)).toEqual(expected);
      const cleared = await tab.evaluate(
        (ms) =>
          (
            window as unknown as {
              clearForAWhile(ms: number): Promise<{ returns: number; elapsed: number }>;
            }
          ).clearForAWhile(ms),
        5_000,
      );
      // Every return is caught by the next clear (50 ms later): one count per re-registration.
      expect(cleared.returns).toBeGreaterThanOrEqual(2);
      expect(cleared.returns).toBeLessThanOrEqual(Math.floor(cleared.elapsed / 1000) + 1);
      // Once the page stops, ours are back within the second, and the page's are untouched.
      await until(
        async () => (await tab.evaluate(highlightedTexts, null)).includes('Baghdad'),
        2_500,
        'Baghdad to be highlighted again',
      );
      expect(await tab.evaluate(pageOwn, null)).toEqual(expected);
      await tab.close();
    });

    /**
     * Selects from "Qaani" in the first paragraph to "Mus" in the second (or, with `all`, the
     * whole page with Ctrl+A), copies with Ctrl+C and pastes with Ctrl+V into the page's
     * textarea: what the browser put on the clipboard, and what the page's copy listener saw.
     */
    async function copyAcrossNames(
      tab: Tab,
      all = false,
    ): Promise<{ copied: string; pasted: string }> {
      await tab.evaluate((everything) => {
        const w = window as unknown as { copied?: string };
        document.addEventListener('copy', () => (w.copied = getSelection()!.toString()), {
          once: true,
        });
        const first = document.getElementById('first')!.firstChild!;
        const second = document.getElementById('second')!.firstChild!;
        const text = second.textContent!;
        if (everything) getSelection()!.removeAllRanges();
        else getSelection()!.setBaseAndExtent(first, 7, second, text.indexOf('Muscat') + 3);
      }, all);
      if (all) {
        // From the page itself (not a field), as a reader who clicks the margin first.
        await tab.mouseClick(3, 3);
        await tab.chord(['Control', 'a']);
      }
      await tab.chord(['Control', 'c']);
      await tab.evaluate(() => {
        const area = document.getElementById('paste') as HTMLTextAreaElement;
        area.value = '';
        area.focus();
      }, null);
      await tab.chord(['Control', 'v']);
      return tab.evaluate(() => {
        const area = document.getElementById('paste') as HTMLTextAreaElement;
        const pasted = area.value;
        // Emptied again, so the pasted words are not found later as the page's own.
        area.value = '';
        area.blur();
        return {
          copied: (window as unknown as { copied?: string }).copied ?? '(no copy event)',
          pasted,
        };
      }, null);
    }

    const FIND = [
      'Esmail Qaani',
      'Baghdad',
      'Tehran',
      'Qaani met',
      'in Baghdad on',
      'Muscat, then',
    ];
    /** How many times `window.find` finds each text, from the top of the page. */
    const findCounts = (texts: readonly string[]) =>
      texts.map((text) => {
        // Non-standard but in both browsers; TypeScript's DOM types leave it out.
        const find = (window as unknown as { find(...args: unknown[]): boolean }).find;
        const selection = getSelection()!;
        selection.collapse(document.body, 0);
        let count = 0;
        while (count < 50 && find.call(window, text, false, false, false)) count++;
        selection.removeAllRanges();
        return count;
      });

    it('copies and finds the same text as the page without us, with and without a card open', async () => {
      plain ??= await launchPlain();
      const without = await open('copy-find.html', plain);
      const plainCopy = await copyAcrossNames(without);
      const plainAll = await copyAcrossNames(without, true);
      const plainFinds = await without.evaluate(findCounts, FIND);
      await without.close();
      expect(plainCopy.pasted, 'the plain browser copies and pastes').toMatch(/^Qaani met.*Mus$/s);
      expect(plainFinds.every((n) => n > 0)).toBe(true);

      const tab = await open('copy-find.html');
      await untilNamesIn(tab, 'first', ['Esmail Qaani', 'Baghdad']);
      await untilNamesIn(tab, 'second', ['Esmail Qaani', 'Muscat', 'Tehran']);
      expect(await copyAcrossNames(tab)).toEqual(plainCopy);
      expect(await tab.evaluate(findCounts, FIND)).toEqual(plainFinds);
      // With a card pinned open, selecting the whole page copies the page's text only. (The
      // card's own words are found by find-in-page while it is open: they are on screen.)
      await openCard(tab, 'Baghdad', 'third');
      await tab.evaluate(() => {
        const pin = document
          .querySelector('backstory-card')!
          .shadowRoot!.querySelector<HTMLElement>('.bs-pin')!;
        pin.click();
      }, null);
      await tab.waitFor(inCard, '.bs-frame[data-pinned]');
      await tab.mouseMove(5, 5);
      expect(await copyAcrossNames(tab, true)).toEqual(plainAll);
      expect(await tab.evaluate(inCard, '.bs-frame[data-pinned]')).toBe(true);
      expect(plainAll.pasted).toContain('Officials in Baghdad and Tehran said little about it.');
      // The card's own text is still the reader's to select and copy, by hand.
      const words = await tab.evaluate(
        () =>
          document
            .querySelector('backstory-card')!
            .shadowRoot!.querySelector('.bs-summary')!
            .textContent!.split(' ')
            .slice(0, 3)
            .join(' '),
        null,
      );
      const [from, to] = await tab.evaluate((text) => {
        const el = document
          .querySelector('backstory-card')!
          .shadowRoot!.querySelector('.bs-summary')!;
        const range = new Range();
        range.setStart(el.firstChild!, 0);
        range.setEnd(el.firstChild!, text.length);
        const rects = range.getClientRects();
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        return [
          { x: first.left + 1, y: first.top + first.height / 2 },
          { x: last.right, y: last.top + last.height / 2 },
        ];
      }, words);
      await tab.drag(from!, to!);
      await tab.chord(['Control', 'c']);
      await tab.evaluate(() => document.getElementById('paste')!.focus(), null);
      await tab.chord(['Control', 'v']);
      expect(
        await tab.evaluate(
          () => (document.getElementById('paste') as HTMLTextAreaElement).value,
          null,
        ),
      ).toBe(words);
      await tab.close();
    });
  });
}
