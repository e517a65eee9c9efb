import { chromium, type Browser, type BrowserContext, type Worker } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import {
  CHROME_BUILD,
  CHROMIUM_PATH,
  chromiumArgs,
  FIREFOX_BUILD,
  FIREFOX_PATH,
  FIREFOX_UUID,
  GECKO_ID,
} from './browsers';

/** The few page operations the browser tests need, the same over Playwright and Puppeteer. */
export interface Tab {
  /** Chooses a file in a file input, as a reader would in the file picker. */
  upload(selector: string, path: string): Promise<void>;
  goto(url: string): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeout?: number): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  /** A real click at a point of the viewport (inert or covered targets do not get it). */
  mouseClick(x: number, y: number): Promise<void>;
  /** Presses the mouse button at one point, moves to another and lets go: a selection by hand. */
  drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void>;
  press(key: string): Promise<void>;
  /** Holds the keys down in order and lets go in reverse: `chord(['Control', 'c'])`. */
  chord(keys: string[]): Promise<void>;
  /** Types into whatever has focus, key by key, as a person would. */
  keyboardType(text: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Chooses a file in a file input, as a reader would in the file picker. */
  upload(selector: string, path: string): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(path: string): Promise<void>;
  /**
   * Runs `fn` in every document the tab loads from now on, before the page's own scripts. The
   * automation tool injects it, so a page's Content-Security-Policy does not stop it.
   */
  addInitScript<A>(fn: (arg: A) => void, arg: A): Promise<void>;
  /** Calls `listener` with each console message (type, text) and uncaught page error. */
  onConsole(listener: (type: string, text: string) => void): void;
  close(): Promise<void>;
}

export interface Driver {
  name: string;
  /** A new tab in the browser that has the extension. */
  newTab(): Promise<Tab>;
  /** URL of a page of the extension, e.g. popup.html. */
  extensionUrl(path: string): string;
  /** Resolves when the user closes the browser window (for the interactive demo). */
  closed(): Promise<void>;
  close(): Promise<void>;
}

type AnyPage = {
  goto(url: string, options?: object): Promise<unknown>;
  evaluate(fn: never, arg: never): Promise<unknown>;
  mouse: {
    move(x: number, y: number, options?: { steps: number }): Promise<void>;
    click(x: number, y: number): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
  };
  keyboard: {
    press(key: never): Promise<void>;
    down(key: never): Promise<void>;
    up(key: never): Promise<void>;
    type(text: string): Promise<void>;
  };
  type(selector: string, text: string): Promise<void>;
  click(selector: string): Promise<void>;
  $(selector: string): Promise<{ uploadFile?(path: string): Promise<void> } | null>;
  setInputFiles?(selector: string, path: string): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(options: { path: string }): Promise<unknown>;
  /** Playwright's name for an init script; Puppeteer's is evaluateOnNewDocument. */
  addInitScript?(fn: never, arg: never): Promise<unknown>;
  evaluateOnNewDocument?(fn: never, arg: never): Promise<unknown>;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: unknown) => void): void;
  close(): Promise<void>;
};

function wrap(page: AnyPage, waitFor: Tab['waitFor']): Tab {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg as never) as never,
    waitFor,
    mouseMove: (x, y) => page.mouse.move(x, y),
    mouseClick: (x, y) => page.mouse.click(x, y),
    async drag(from, to) {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 5 });
      await page.mouse.up();
    },
    press: (key) => page.keyboard.press(key as never),
    async chord(keys) {
      for (const key of keys) await page.keyboard.down(key as never);
      for (const key of [...keys].reverse()) await page.keyboard.up(key as never);
    },
    keyboardType: (text) => page.keyboard.type(text),
    type: (selector, text) => page.type(selector, text),
    click: (selector) => page.click(selector),
    async upload(selector, path) {
      // Playwright sets files on the page; Puppeteer on the element.
      if (page.setInputFiles) return page.setInputFiles(selector, path);
      const input = await page.$(selector);
      if (!input?.uploadFile) throw new Error(`no file input ${selector}`);
      await input.uploadFile(path);
    },
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => void (await page.screenshot({ path })),
    async addInitScript(fn, arg) {
      const add = page.addInitScript ?? page.evaluateOnNewDocument;
      await add!.call(page, fn as never, arg as never);
    },
    onConsole(listener) {
      page.on('console', (message) => listener(message.type(), message.text()));
      page.on('pageerror', (error) => listener('pageerror', String(error)));
    },
    close: () => page.close(),
  };
}

export function playwrightTab(page: import('playwright-core').Page): Tab {
  return wrap(page as unknown as AnyPage, async (fn, arg, timeout = 10_000) => {
    // Polled on a timer, not on animation frames: a tab in the background gets none.
    await page.waitForFunction(fn as never, arg, { timeout, polling: 50 });
  });
}

export const VIEWPORT = { width: 1280, height: 800 };

/** How the system looks to pages: its colour scheme, and whether forced colours are on. */
export interface SystemLook {
  colorScheme?: 'light' | 'dark';
  forcedColors?: boolean;
}

/** Chromium with the built extension, as Playwright's own context (for CDP and the worker). */
export function launchExtensionContext(
  options: { headless?: boolean; lang?: string } & SystemLook = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    // `--lang` sets the UI language the extension's messages follow (Debian's Chromium on Linux
    // honours the flag; the LANGUAGE variable alone does not change it).
    args: [...chromiumArgs(CHROME_BUILD), ...(options.lang ? [`--lang=${options.lang}`] : [])],
    viewport: VIEWPORT,
    colorScheme: options.colorScheme ?? 'light',
    forcedColors: options.forcedColors ? 'active' : 'none',
  });
}

/** The extension's MV3 service worker, waiting for it to start if it has not yet. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Chromium without the extension, as Playwright's own browser. */
export function launchPlainBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

export async function launchChromium(
  options: { headless?: boolean; lang?: string } & SystemLook = {},
): Promise<Driver> {
  const context = await launchExtensionContext(options);
  const id = new URL((await extensionWorker(context)).url()).host;
  return {
    name: 'chromium',
    async newTab() {
      const page = await context.newPage();
      return playwrightTab(page);
    },
    extensionUrl: (path) => `chrome-extension://${id}/${path}`,
    closed: () => new Promise((resolve) => context.on('close', () => resolve())),
    close: () => context.close(),
  };
}

/** Chromium without the extension: the page as it is when we are absent. */
export async function launchPlainChromium(): Promise<Driver> {
  const browser = await launchPlainBrowser();
  return {
    name: 'chromium (no extension)',
    async newTab() {
      const page = await browser.newPage({ viewport: VIEWPORT });
      return playwrightTab(page);
    },
    extensionUrl: () => {
      throw new Error('no extension in this browser');
    },
    closed: () => new Promise((resolve) => browser.on('disconnected', () => resolve())),
    close: () => browser.close(),
  };
}

/**
 * Firefox over WebDriver BiDi. The extension is installed after launch, so `withExtension:
 * false` gives the page as it is without us. The pinned UUID makes moz-extension:// URLs known.
 */
export async function launchFirefox(
  options: {
    withExtension?: boolean;
    headless?: boolean;
    /** Called with every new tab's Puppeteer page (to listen to its errors). */
    onPage?: (page: import('puppeteer-core').Page) => void;
    /** UI language; Firefox switches only to one whose language pack is installed. */
    lang?: string;
    /** Further preferences (a dark system, forced colours). */
    prefs?: Record<string, unknown>;
  } = {},
): Promise<Driver> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: options.headless ?? true,
    defaultViewport: { width: 1280, height: 800 },
    // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      ...(options.lang && { 'intl.locale.requested': options.lang }),
      ...options.prefs,
    },
  });
  if (options.withExtension ?? true) await browser.installExtension(FIREFOX_BUILD);
  return {
    name: 'firefox',
    async newTab() {
      const page = await browser.newPage();
      options.onPage?.(page);
      const waitFor: Tab['waitFor'] = async (fn, arg, timeout = 10_000) => {
        await page.waitForFunction(fn as never, { timeout, polling: 50 }, arg);
      };
      const tab = wrap(page as unknown as AnyPage, waitFor);
      return {
        ...tab,
        async goto(url) {
          if (!url.startsWith('moz-extension:')) return tab.goto(url);
          // Firefox 153 loads extension pages over BiDi but never reports the navigation as
          // finished, so start it and poll until the page itself says it has loaded. Polls that
          // land while the old document is torn down fail; they are retried.
          page.goto(url, { timeout: 15_000 }).catch(() => undefined);
          const deadline = Date.now() + 15_000;
          for (;;) {
            const state = await page
              .evaluate(() => `${location.href} ${document.readyState}`)
              .catch(() => '');
            if (state === `${url} complete`) return;
            if (Date.now() > deadline) throw new Error(`${url} did not load (last seen: ${state})`);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        },
      };
    },
    extensionUrl: (path) => `moz-extension://${FIREFOX_UUID}/${path}`,
    closed: () => new Promise((resolve) => browser.on('disconnected', () => resolve())),
    close: () => browser.close(),
  };
}

/** The page's DOM as a browser without the extension sees it (the baseline for "we are absent"). */
export async function domWithout(launchPlain: () => Promise<Driver>, url: string): Promise<string> {
  const plain = await launchPlain();
  try {
    const tab = await plain.newTab();
    await tab.goto(url);
    return await tab.evaluate(() => document.documentElement.outerHTML, null);
  } finally {
    await plain.close();
  }
}
