import { browser } from 'wxt/browser';
import type { SettingsAreas } from '../shared/settings';

/** The browser's storage areas for settings: sync where the browser offers it, and local. */
export function settingsAreas(): SettingsAreas {
  return { local: browser.storage.local, sync: browser.storage.sync ?? undefined };
}

/** Calls `onChange` whenever the stored settings change in either area; returns the unsubscribe. */
export function onSettingsStored(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' || area === 'sync') && 'settings' in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
