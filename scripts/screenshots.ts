/**
 * `npm run screenshots`: the README's pictures, taken in headless Chromium with the built
 * extension: the card on the demo article (light, and dark after choosing "Dark" card colours in
 * the options), the popup listing the article's names and searching, and the options page.
 * Each is cropped to what it shows, at device scale 1, so the PNGs stay small.
 * `--out DIR` writes elsewhere (default tests/demo); `--no-build` uses the current build.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { availability, CHROME_BUILD, CHROMIUM_PATH } from '../tests/support/browsers';
import { extensionWorker, launchExtensionContext } from '../tests/support/drivers';
import { serveStatic } from '../tests/support/server';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: fileURLToPath(new URL('../tests/demo', import.meta.url)) },
    'no-build': { type: 'boolean', default: false },
  },
});
const out = resolve(values.out!);

if (!values['no-build']) {
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const ready = availability(CHROMIUM_PATH, CHROME_BUILD, 'chromium');
if (!ready.ok) {
  console.error(`Cannot take the screenshots: ${ready.reason}`);
  process.exit(1);
}

/** The name to hover: its card has dated facts, relations and a fact the sources disagree on. */
const CARD_NAME = 'Quds Force';
/** Part of a family name, to show the popup's search answering as you type. */
const SEARCH = 'Barzan';
const WAIT = { timeout: 20_000, polling: 50 };

type Box = { x: number; y: number; width: number; height: number };

/** Where the first highlighted mention of `text` is. */
const mentionBox = (text: string): Box | undefined => {
  let found: Range | undefined;
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('backstory-')) return;
    for (const r of highlight as Set<AbstractRange>) {
      const range = new Range();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (!found && range.toString() === text) found = range;
    }
  });
  if (!found) return undefined;
  const { x, y, width, height } = found.getClientRects()[0]!;
  return { x, y, width, height };
};

const cardFrame = (): Box | undefined => {
  const frame = document
    .querySelector('backstory-card')
    ?.shadowRoot?.querySelector('.bs-frame[data-placed]');
  if (!frame) return undefined;
  const { x, y, width, height } = frame.getBoundingClientRect();
  return { x, y, width, height };
};

/** The smallest box holding all of `boxes`, with a margin, inside the viewport. */
function around(boxes: Box[], margin: number, page: Page): Box {
  const view = page.viewportSize()!;
  const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.min(view.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(view.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  return {
    x: Math.floor(left),
    y: Math.floor(top),
    width: Math.ceil(right - left),
    height: Math.ceil(bottom - top),
  };
}

const saved: string[] = [];
async function shoot(page: Page, file: string, clip?: Box): Promise<void> {
  const path = join(out, file);
  await page.screenshot({ path, ...(clip && { clip }) });
  const kb = Math.round(statSync(path).size / 1024);
  saved.push(
    `${relative(process.cwd(), path)} (${clip?.width ?? ''}×${clip?.height ?? ''}, ${kb} KB)`,
  );
}

/** Hovers the name, waits for its card to be placed, and saves the name and card together. */
async function shootCard(page: Page, file: string, theme: 'light' | 'dark'): Promise<void> {
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => !document.querySelector('backstory-card'), null, WAIT);
  await page.waitForFunction(mentionBox, CARD_NAME, WAIT);
  const name = (await page.evaluate(mentionBox, CARD_NAME))!;
  await page.mouse.move(name.x + name.width / 2, name.y + name.height / 2);
  await page.waitForFunction(cardFrame, null, WAIT);
  await page.waitForFunction(
    (theme) =>
      document
        .querySelector('backstory-card')
        ?.shadowRoot?.querySelector(`.bs-card[data-theme="${theme}"]`),
    theme,
    WAIT,
  );
  // Fonts and the card's contents settle before the picture.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const frame = (await page.evaluate(cardFrame, null))!;
  // The article's column from the top of the page, so the name is seen in its headline.
  const column = await page.evaluate(() => {
    const { x, width } = document.querySelector('article')!.getBoundingClientRect();
    return { x, y: 0, width, height: 1 };
  });
  await shoot(page, file, around([name, frame, column], 16, page));
}

/** The popup page sized as the toolbar shows it: its width, and as tall as what it holds. */
async function shootPopup(page: Page, file: string): Promise<void> {
  const height = await page.evaluate(() => {
    const main = document.querySelector('.bs-popup')!;
    const last = main.lastElementChild!.getBoundingClientRect();
    return Math.ceil(last.bottom + parseFloat(getComputedStyle(main).paddingBottom));
  });
  await page.setViewportSize({ width: POPUP_WIDTH, height });
  await shoot(page, file, { x: 0, y: 0, width: POPUP_WIDTH, height });
}
const POPUP_WIDTH = 380;

const server = await serveStatic({
  demo: fileURLToPath(new URL('../tests/demo', import.meta.url)),
});
const context = await launchExtensionContext({ headless: true });
try {
  const id = new URL((await extensionWorker(context)).url()).host;
  const extensionPage = (path: string) => `chrome-extension://${id}/${path}`;

  const article = await context.newPage();
  await article.goto(`${server.url}demo/article.html`);
  await shootCard(article, 'card.png', 'light');

  // The popup as a tab acts on the tab used before it: the article.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
  await popup.goto(extensionPage('popup.html'));
  // Wait until the whole page has been read and listed (the list says when it is partial).
  await popup.waitForFunction(
    () =>
      document.querySelector('.bs-cast-entry') &&
      !document.querySelector('[data-testid="page-message"]'),
    null,
    WAIT,
  );
  await shootPopup(popup, 'popup.png');
  await popup.fill('.bs-search', SEARCH);
  await popup.waitForFunction(() => document.querySelector('.bs-result'), null, WAIT);
  await popup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
  await shootPopup(popup, 'popup-search.png');
  await popup.close();

  const options = await context.newPage();
  await options.setViewportSize({ width: 760, height: 1000 });
  await options.goto(extensionPage('options.html'));
  await options.waitForSelector('select[name="theme"]', WAIT);
  await options.evaluate(() => document.fonts.ready.then(() => undefined));
  // From the title down to the live preview of the highlight colours.
  const form = await options.evaluate(() => {
    const title = document.querySelector('h1')!.getBoundingClientRect();
    const preview = document.querySelector('[data-testid="look-preview"]')!.getBoundingClientRect();
    const { x, width } = document.querySelector('.bs-options')!.getBoundingClientRect();
    return [
      { x, y: title.y, width, height: title.height },
      { x, y: preview.y, width, height: preview.height },
    ];
  });
  await shoot(options, 'options.png', around(form, 8, options));

  // The card's colours set to Dark, as a reader would choose them; open tabs follow at once.
  await options.selectOption('select[name="theme"]', 'dark');
  await options.waitForFunction(
    async () => {
      type Area = { get(key: string): Promise<Record<string, unknown>> };
      const { storage } = (globalThis as unknown as { chrome: { storage: Record<string, Area> } })
        .chrome;
      const stored = await Promise.all(
        [storage.sync!, storage.local!].map((area) => area.get('settings')),
      );
      return stored.some((s) => (s.settings as { theme?: string } | undefined)?.theme === 'dark');
    },
    null,
    WAIT,
  );
  await options.close();
  await article.bringToFront();
  await shootCard(article, 'card-dark.png', 'dark');
} finally {
  await context.close();
  await server.close();
}
console.log(`Saved:\n  ${saved.join('\n  ')}`);
