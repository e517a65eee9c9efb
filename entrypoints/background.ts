import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadSettings, saveSettings } from '../src/shared/settings';

export default defineBackground(() => {
  // Store complete settings on install and update, so every context reads the same object
  // and a value damaged by an older version is repaired field by field.
  browser.runtime.onInstalled.addListener(() => {
    void loadSettings(browser.storage.local).then((s) => saveSettings(browser.storage.local, s));
  });
});
