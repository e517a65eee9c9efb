import dataset from 'virtual:backstory-dataset';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { answerRequest } from '../src/background/requests';
import { CardModels } from '../src/core/dataset/card-model';
import { loadSettings, saveSettings } from '../src/shared/settings';

export default defineBackground(() => {
  const cards = new CardModels(dataset);
  // Returning undefined leaves messages that are not ours to other listeners.
  browser.runtime.onMessage.addListener((message) => {
    const answer = answerRequest(message, cards);
    return answer ? Promise.resolve(answer) : undefined;
  });
  // Store complete settings on install and update, so every context reads the same object
  // and a value damaged by an older version is repaired field by field.
  browser.runtime.onInstalled.addListener(() => {
    void loadSettings(browser.storage.local).then((s) => saveSettings(browser.storage.local, s));
  });
});
