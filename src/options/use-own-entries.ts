/** The options page's own-entries section joined to storage; `#add=<text>` proposes a name. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Dataset, Entity } from '../core/dataset/schema';
import {
  addOwnEntry,
  OWN_ENTRIES_KEY,
  readOwnEntries,
  removeOwnEntry,
  saveNote,
} from '../shared/annotations';
import type { OwnEntryForm } from '../ui/options/OwnEntries';

/** The text the context menu passed in the address, if any. */
function proposedFromHash(): string | undefined {
  const match = /^#add=(.*)$/.exec(location.hash);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!).replace(/\s+/g, ' ').trim().slice(0, 200) || undefined;
  } catch {
    return undefined;
  }
}

export function useOwnEntries(bundled: Dataset) {
  const area = browser.storage.local;
  const [entries, setEntries] = useState<Entity[]>([]);
  const [proposedName, setProposed] = useState(proposedFromHash);

  useEffect(() => {
    const refresh = () => void readOwnEntries(area).then(setEntries);
    refresh();
    const onChanged = (changes: Record<string, unknown>, where: string) => {
      if (where === 'local' && OWN_ENTRIES_KEY in changes) refresh();
    };
    const onHash = () => setProposed(proposedFromHash());
    browser.storage.onChanged.addListener(onChanged);
    addEventListener('hashchange', onHash);
    if (proposedFromHash()) document.getElementById('add')?.scrollIntoView();
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      removeEventListener('hashchange', onHash);
    };
  }, []);

  return {
    entries,
    proposedName,
    onAdd: async (form: OwnEntryForm) => {
      const taken = new Set(bundled.entities.map((e) => e.id));
      const result = await addOwnEntry(area, form, taken);
      if (!result.ok) return result.problems;
      if (form.note.trim()) await saveNote(area, result.entity.id, form.note);
      return [];
    },
    onRemove: (id: string) => void removeOwnEntry(area, id),
  };
}
