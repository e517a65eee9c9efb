import dataset from 'virtual:backstory-dataset';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { answerRequest } from '../src/background/requests';
import { CardModels } from '../src/core/dataset/card-model';
import { COMMANDS } from '../src/shared/messages';
import { settingsAreas } from '../src/platform/settings-areas';
import { loadSettings, saveSettings } from '../src/shared/settings';

export default defineBackground(() => {
  const cards = new CardModels(dataset);
  // Returning undefined leaves messages that are not ours to other listeners.
  browser.runtime.onMessage.addListener((message) => {
    const answer = answerRequest(message, cards);
    return answer ? Promise.resolve(answer) : undefined;
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
  });
});
