import type { BrowserContext, Page } from 'playwright-core';
import type { PageStats } from '../../src/shared/messages';

type Tabs = {
  query(q: object): Promise<{ id?: number }[]>;
  sendMessage(id: number, message: object): Promise<unknown>;
};

/**
 * Asks the content script in `page` for its report (see `pageStatsSchema`), through the
 * extension's service worker, the way a keyboard command reaches it: the page is brought to
 * the front and the active tab asked (without the "tabs" permission the worker cannot see tab
 * URLs to pick it otherwise). Undefined when the content script does not answer (it is off,
 * or not there).
 */
export async function contentStats(
  context: BrowserContext,
  page: Page,
): Promise<PageStats | undefined> {
  await page.bringToFront();
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const stats = await worker.evaluate(async () => {
    const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) return undefined;
    return tabs.sendMessage(tab.id, { type: 'stats' }).catch(() => undefined);
  });
  return (stats ?? undefined) as PageStats | undefined;
}

/** Polls the report until the content script has read the whole page once. */
export async function statsWhenScanned(
  context: BrowserContext,
  page: Page,
  timeout = 10_000,
): Promise<PageStats> {
  const end = Date.now() + timeout;
  for (;;) {
    const stats = await contentStats(context, page);
    if (stats?.scanDoneAt != null) return stats;
    if (Date.now() > end)
      throw new Error(`${page.url()}: the content script did not finish its scan`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
