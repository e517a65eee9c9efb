import { browser } from 'wxt/browser';
import { CardModels } from '../core/dataset/card-model';
import type { Dataset, Entity } from '../core/dataset/schema';
import { EntitySearch } from '../core/search/search';
import { readNotes, readOwnEntries, saveNote, type Notes } from '../shared/annotations';
import { enabledPackEntities, withPacks } from '../shared/packs';

/**
 * The popup's data: the bundled dataset at once, the enabled packs, the reader's own entries
 * and notes added as soon as storage answers. The search index and the card models are built on first use (and again after the
 * packs arrive), so the popup draws before any of them exist.
 */
export function popupData(bundled: Dataset) {
  let data = bundled;
  let index: EntitySearch | undefined;
  let cards: CardModels | undefined;
  let byId = new Map<string, Entity>(bundled.entities.map((e) => [e.id, e]));
  let notes: Notes = {};
  const area = browser.storage.local;
  const ready = Promise.all([
    enabledPackEntities(area),
    readOwnEntries(area),
    readNotes(area),
  ]).then(
    ([packs, own, stored]) => {
      notes = stored;
      const extra = [...packs, ...own];
      if (extra.length === 0) return;
      data = withPacks(bundled, extra);
      byId = new Map(data.entities.map((e) => [e.id, e]));
      index = undefined;
      cards = undefined;
    },
    () => undefined, // unreadable packs: the bundled data still serves
  );
  return {
    ready,
    search: (q: string) => (q.trim() ? (index ??= new EntitySearch(data.entities)).search(q) : []),
    getCard: (id: string) => (cards ??= new CardModels(data)).card(id),
    entities: () => byId as ReadonlyMap<string, Entity>,
    getNote: (id: string) => notes[id]?.text,
    saveNote: (id: string, text: string) => {
      const trimmed = text.trim();
      if (trimmed) notes[id] = { text: trimmed, updatedAt: new Date().toISOString() };
      else delete notes[id];
      void saveNote(area, id, text);
    },
  };
}
