/**
 * The popup's link to the tab it was opened over: which tab that is, whether Backstory can
 * read it, what it found there, and the permission grant that lets it start without a reload.
 */
import { browser, type Browser } from 'wxt/browser';
import { startContentScript } from '../platform/content-script';
import { pageEntitiesSchema, type PageEntities, type PageRequest } from '../shared/messages';

type Tab = Browser.tabs.Tab;

/** What the popup can say about the page in its tab. */
export type PageState =
  | { kind: 'loading' }
  | { kind: 'ready'; host: string; found: PageEntities }
  /** A browser page, the extension store, a file, a PDF viewer: extensions cannot read it. */
  | { kind: 'unsupported'; host?: string }
  /** A web page the browser has not (yet) let us read: one click asks for it. */
  | { kind: 'no-access'; host: string; origin: string };

/**
 * The tab the popup acts on: the active tab of its window; when the popup page is itself open
 * in a tab (a pinned popup, or the browser tests), the tab the reader was on before it.
 */
export async function targetTab(): Promise<Tab | undefined> {
  const self = await browser.tabs.getCurrent();
  if (self?.id !== undefined) {
    const tabs = await browser.tabs.query({ windowId: self.windowId });
    return tabs
      .filter((t) => t.id !== self.id)
      .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

export async function askPage(tabId: number, request: PageRequest): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, request);
}

/** Reads what Backstory found in the tab, or why it cannot. */
export async function pageState(tab: Tab): Promise<PageState> {
  const url = tab.url ? new URL(tab.url) : undefined;
  const web = url && (url.protocol === 'http:' || url.protocol === 'https:');
  if (tab.id !== undefined) {
    const answer = await askPage(tab.id, { type: 'page-entities' }).catch(() => undefined);
    const found = pageEntitiesSchema.safeParse(answer);
    // Without the "tabs" permission the URL shows only where we may read the page.
    if (found.success) return { kind: 'ready', host: url?.hostname ?? '', found: found.data };
  }
  if (!url || !web) return { kind: 'unsupported' };
  const origin = `${url.protocol}//${url.host}/*`;
  const allowed = await browser.permissions.contains({ origins: [origin] }).catch(() => false);
  if (!allowed) return { kind: 'no-access', host: url.hostname, origin };
  // Allowed, yet no content script answers: a tab opened before Backstory was installed or
  // updated. Start it there once; where even that fails (a PDF viewer, the store) say so.
  if (tab.id !== undefined && !started.has(tab.id)) {
    started.add(tab.id);
    if (
      await startContentScript(tab.id).then(
        () => true,
        () => false,
      )
    )
      return { kind: 'loading' };
  }
  return { kind: 'unsupported', host: url.hostname };
}

/** Tabs the popup has started Backstory in, so it tries once per tab. */
const started = new Set<number>();

/**
 * Asks the browser for access to the tab's site (must run in the click that asked for it),
 * then starts Backstory in the tab at once, without a reload.
 */
export async function grantAccess(tab: Tab, origin: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [origin] });
  if (!granted || tab.id === undefined) return false;
  started.add(tab.id);
  await startContentScript(tab.id);
  return true;
}
