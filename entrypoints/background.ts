import dataset from 'virtual:backstory-dataset';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { answerRequest } from '../src/background/requests';
import { Datasets } from '../src/background/datasets';
import { COMMANDS, requestSchema } from '../src/shared/messages';
import { NOTES_KEY, OWN_ENTRIES_KEY, readNotes } from '../src/shared/annotations';
import { PACKS_KEY } from '../src/shared/packs';
import { startInOpenTabs } from '../src/platform/content-script';
import { useBrowserMessages } from '../src/platform/i18n';
import { settingsAreas } from '../src/platform/settings-areas';
import { t } from '../src/shared/i18n';
import { loadSettings, saveSettings } from '../src/shared/settings';

const ADD_MENU_ID = 'add-to-backstory';

export default defineBackground(() => {
  useBrowserMessages();
  const datasets = new Datasets(dataset, browser.storage.local);
  // The reader's notes, read once per worker lifetime and again after they change.
  let notes: ReturnType<typeof readNotes> | undefined;
  // Returning undefined leaves messages that are not ours to other listeners.
  browser.runtime.onMessage.addListener((message) => {
    if (!requestSchema.safeParse(message).success) return undefined;
    return Promise.all([datasets.cardModels(), (notes ??= readNotes(browser.storage.local))]).then(
      ([cards, notes]) => answerRequest(message, cards, notes),
    );
  });
  // Packs or the reader's own entries changed: rebuild cards and the extra name index.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (NOTES_KEY in changes) notes = undefined;
    if (PACKS_KEY in changes || OWN_ENTRIES_KEY in changes) void datasets.packsChanged();
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
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void loadSettings(settingsAreas()).then((s) => saveSettings(settingsAreas(), s));
    // Tabs open before this install or update keep a dead copy of the old content script (or
    // none): start the new one there, so the reader need not reload the page.
    if (reason === 'install' || reason === 'update') void startInOpenTabs();
    // A new version may compile names differently: rebuild the packs' index with it.
    void datasets.packsChanged();
    browser.contextMenus.create(
      { id: ADD_MENU_ID, title: t('menu_add_selection'), contexts: ['selection'] },
      () => void browser.runtime.lastError, // already there after an update: fine
    );
  });
  // "Add to Backstory…" on a selection opens the form for a new entry, with the text in it.
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== ADD_MENU_ID || !info.selectionText) return;
    const url = `${browser.runtime.getURL('/options.html')}#add=${encodeURIComponent(info.selectionText)}`;
    void browser.tabs.create({ url });
  });
});
