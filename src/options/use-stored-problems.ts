/**
 * What of the reader's stored packs, notes and own entries could not be read back, for the
 * options page to say (the extension itself works on without it); read again on every change.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { annotationProblems, NOTES_KEY, OWN_ENTRIES_KEY } from '../shared/annotations';
import { PACKS_KEY, packProblems } from '../shared/packs';
import { t } from '../shared/i18n';

export function useStoredProblems(): string[] {
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    const area = browser.storage.local;
    const read = () =>
      void Promise.all([packProblems(area), annotationProblems(area)]).then(
        (lists) => setProblems(lists.flat()),
        (error: unknown) => setProblems([t('data_unreadable', String(error))]),
      );
    read();
    // Pack contents can be large: read again only when what is checked changed.
    const watched = [PACKS_KEY, NOTES_KEY, OWN_ENTRIES_KEY];
    const onChanged = (changes: Record<string, unknown>, where: string) =>
      where === 'local' && watched.some((key) => key in changes) && read();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return problems;
}
