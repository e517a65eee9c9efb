import { browser } from 'wxt/browser';
import { t, uiLocale, useMessages } from '../shared/i18n';

/**
 * Hands the browser's message lookup to `t()`. Chrome and Firefox pick the catalogue from the
 * browser's UI language, falling back to English (`default_locale`).
 */
export function useBrowserMessages(): void {
  // Typed by WXT for its own message names only; ours are checked by src/shared/i18n.test.ts.
  useMessages((key, substitutions) => browser.i18n.getMessage(key as never, substitutions));
}

/** An extension page in the reader's language: its title, language and direction. */
export function localisePage(titleKey: string): void {
  useBrowserMessages();
  const { lang, dir } = uiLocale();
  document.documentElement.lang = lang;
  document.documentElement.dir = dir;
  document.title = t(titleKey);
}
