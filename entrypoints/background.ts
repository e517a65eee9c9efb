import dataset from 'virtual:backstory-dataset';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { answerRequest } from '../src/background/requests';
import { Datasets } from '../src/background/datasets';
import { COMMANDS, requestSchema } from '../src/shared/messages';
import { PACKS_KEY } from '../src/shared/packs';
import { settingsAreas } from '../src/platform/settings-areas';
import { loadSettings, saveSettings } from '../src/shared/settings';

export default defineBackground(() => {
  const datasets = new Datasets(dataset, browser.storage.local);
  // Returning undefined leaves messages that are not ours to other listeners.
  browser.runtime.onMessage.addListener((message) => {
    if (!requestSchema.safeParse(message).success) return undefined;
    return datasets.cardModels().then((cards) => answerRequest(message, cards));
  });
  // Imported packs changed (options page): rebuild cards and the packs' name index.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && PACKS_KEY in changes) void datasets.packsChanged();
  });
  // Keyboard commands (remappable by the user in the browser's shortcut settings) go to the
  // content script of the active tab.
  browser.commands.onCommand.addListener((command) => {
    const request = COMMANDS[command];
    if (!request) return;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (tab?.id !== undefined)
        void browser.tabs.sendMessage(tab.id, request).catch(() => undefined);
    });
  });
  // Store complete settings on install and update, so every context reads the same object,
  // migrated to this version's shape (a damaged value is repaired field by field, backed up).
  browser.runtime.onInstalled.addListener(() => {
    void loadSettings(settingsAreas()).then((s) => saveSettings(settingsAreas(), s));
    // A new version may compile names differently: rebuild the packs' index with it.
    void datasets.packsChanged();
  });
});
