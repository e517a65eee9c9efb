import { browser } from 'wxt/browser';

/**
 * Runs the content script in a tab now, as the manifest would have on load: for a tab opened
 * before Backstory was installed, updated or reloaded (Chrome does not inject into open tabs),
 * or one whose site the reader has just granted. A copy already running there hands over to the
 * new one (WXT's ContentScriptContext stops older copies when a new one starts).
 */
export async function startContentScript(tabId: number): Promise<void> {
  // The files the manifest injects on every page (WXT names them at build time).
  const script = browser.runtime.getManifest().content_scripts?.[0];
  const target = { tabId };
  if (script?.css?.length) await browser.scripting.insertCSS({ target, files: script.css });
  if (script?.js?.length)
    await browser.scripting.executeScript({ target, files: script.js as never[] });
}

/** Starts the content script in every open web page we may read; failures are skipped. */
export async function startInOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] });
  await Promise.all(
    tabs.map((tab) =>
      // Discarded tabs, and sites the reader withheld, refuse: they start on their next load.
      tab.id === undefined || tab.discarded
        ? undefined
        : startContentScript(tab.id).catch(() => undefined),
    ),
  );
}
