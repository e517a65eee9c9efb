import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { CHROME_BUILD, CHROMIUM_PATH, chromiumArgs, GECKO_ID } from './browsers';
import { extensionWorker, launchFirefox, playwrightTab, VIEWPORT, type Driver } from './drivers';

/** A browser with the extension whose errors are collected, and (Chromium) its worker in hand. */
export interface WatchedBrowser {
  driver: Driver;
  /** Uncaught errors and error-level logs seen so far, each with where it came from. */
  errors: string[];
  /** What `errors` can see in this browser, for the report of a failing test. */
  sees: string;
  /** Chromium: stops the extension's service worker and waits until it is gone. */
  stopWorker?(): Promise<void>;
  /** Chromium: whether the service worker runs (attaching to watch it if it is new). */
  workerRunning?(): Promise<boolean>;
  /** The extension's runtime id (WXT derives its event names from it). */
  extensionId: string;
  /**
   * Chromium: loads the extension again from its folder, as an update does: the old one is
   * unloaded with its tabs open. (`chrome.runtime.reload()` in headless Chromium unloads an
   * extension loaded from the command line and never brings it back.)
   */
  reloadExtension?(): Promise<void>;
}

type Exception = { exceptionDetails: { text: string; exception?: { description?: string } } };
type Console = { type: string; args: { value?: unknown; description?: string }[] };
type LogEntry = { entry: { level: string; text: string; source: string; url?: string } };

/** Feeds Runtime and Log events of one CDP target into `errors`. */
function collect(
  on: (event: string, listener: (params: never) => void) => void,
  where: () => string,
  errors: string[],
): void {
  on('Runtime.exceptionThrown', ({ exceptionDetails: d }: Exception) =>
    errors.push(`${where()}: ${d.exception?.description ?? d.text}`),
  );
  on('Runtime.consoleAPICalled', ({ type, args }: Console) => {
    if (type === 'error' || type === 'assert')
      errors.push(
        `${where()}: console.${type} ${args.map((a) => a.value ?? a.description).join(' ')}`,
      );
  });
  on('Log.entryAdded', ({ entry }: LogEntry) => {
    // A page's own failed requests (a missing favicon) are not ours.
    if (entry.level === 'error' && entry.source !== 'network')
      errors.push(`${where()}: ${entry.source} ${entry.text}`);
  });
}

async function watchPage(context: BrowserContext, page: Page, errors: string[]): Promise<void> {
  const cdp = await context.newCDPSession(page);
  // A page target's Runtime reports every world in it: the page's and our content script's.
  collect(
    (event, listener) => cdp.on(event as never, listener),
    () => page.url(),
    errors,
  );
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
}

/**
 * Follows the extension's service worker through restarts: attaches to each worker it finds
 * running (over a session of a page kept open for it) and collects what it throws and logs.
 */
async function watchWorkers(keeper: CDPSession, errors: string[]) {
  let next = 1;
  const sessions = new Map<string, string>(); // CDP session id → target id
  keeper.on('Target.receivedMessageFromTarget', ({ message }) => {
    const { method, params } = JSON.parse(message) as { method?: string; params?: never };
    if (!method) return;
    collect(
      (event, listener) => void (event === method && listener(params!)),
      () => 'service worker',
      errors,
    );
  });
  keeper.on('Target.detachedFromTarget', ({ sessionId }) => void sessions.delete(sessionId));
  /** The running worker's target id, attached to; undefined when none runs. */
  const running = async () => {
    const { targetInfos } = await keeper.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker');
    if (worker && ![...sessions.values()].includes(worker.targetId)) {
      const { sessionId } = await keeper.send('Target.attachToTarget', {
        targetId: worker.targetId,
        flatten: false,
      });
      sessions.set(sessionId, worker.targetId);
      for (const method of ['Runtime.enable', 'Log.enable'])
        await keeper.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id: next++, method }),
        });
    }
    return worker?.targetId;
  };
  await running();
  return {
    running: async () => (await running().catch(() => undefined)) !== undefined,
    async stop() {
      // Let go of the worker first: a worker with a debugger attached may be kept alive.
      for (const sessionId of sessions.keys())
        await keeper.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      sessions.clear();
      const worker = async () =>
        (await keeper.send('Target.getTargets')).targetInfos.find(
          (t) => t.type === 'service_worker',
        );
      const end = Date.now() + 15_000;
      for (let running = await worker(); running; running = await worker()) {
        if (Date.now() > end) throw new Error('the service worker did not stop');
        await keeper.send('Target.closeTarget', { targetId: running.targetId }).catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
  };
}

/** Chromium with the extension, its pages' and its worker's errors collected over CDP. */
export async function launchWatchedChromium(): Promise<WatchedBrowser> {
  // A profile folder of our own, to find the DevTools port of a browser-level session in it.
  const profile = mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...chromiumArgs(CHROME_BUILD),
      '--remote-debugging-port=0',
      // Lets a DevTools client load an unpacked extension (Extensions.loadUnpacked).
      '--enable-unsafe-extension-debugging',
    ],
    viewport: VIEWPORT,
  });
  const id = new URL((await extensionWorker(context)).url()).host;
  const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const remote = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const browserSession = await remote.newBrowserCDPSession();
  const errors: string[] = [];
  const keeperPage = context.pages()[0] ?? (await context.newPage());
  const workers = await watchWorkers(await context.newCDPSession(keeperPage), errors);
  return {
    errors,
    sees: 'uncaught exceptions and error logs of the pages (all worlds) and the service worker',
    stopWorker: () => workers.stop(),
    workerRunning: () => workers.running(),
    extensionId: id,
    async reloadExtension() {
      await browserSession.send(
        'Extensions.loadUnpacked' as never,
        { path: CHROME_BUILD } as never,
      );
    },
    driver: {
      name: 'chromium',
      async newTab() {
        const page = await context.newPage();
        await watchPage(context, page, errors);
        return playwrightTab(page);
      },
      extensionUrl: (path) => `chrome-extension://${id}/${path}`,
      closed: () => new Promise((resolve) => context.on('close', () => resolve())),
      async close() {
        await remote.close().catch(() => undefined);
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    },
  };
}

/**
 * Firefox with the extension. WebDriver BiDi shows the errors of a page's own world and of our
 * extension pages; content scripts and the background page log to the browser console, which
 * it does not expose, so there the tests rely on what the page shows and on the answers.
 */
export async function launchWatchedFirefox(): Promise<WatchedBrowser> {
  const errors: string[] = [];
  const onPage = (page: PuppeteerPage) => {
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: console.error ${message.text()}`);
    });
  };
  return {
    errors,
    sees: "uncaught exceptions and console errors of the pages' own worlds and extension pages",
    extensionId: GECKO_ID,
    driver: await launchFirefox({ onPage }),
  };
}
