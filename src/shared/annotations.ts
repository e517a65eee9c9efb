/**
 * What the reader adds: a note on any entity (shown on its card everywhere and in the popup),
 * and entries of their own, made from a selection on a page. Both live in storage.local; own
 * entries use the dataset's entity schema, so they are matched, searched and shown like
 * bundled ones. The area is injected (storage.local in the browser, a map in tests).
 */
import { z } from '../core/zod';
import { entitySchema, type Entity, type EntityType } from '../core/dataset/schema';
import type { PackArea } from './packs';

export const NOTES_KEY = 'notes';
export const OWN_ENTRIES_KEY = 'ownEntries';
/** Notes are a reader's jottings, not essays. */
export const NOTE_MAX = 4000;

export type Notes = Record<string, { text: string; updatedAt: string }>;

const notesSchema = z.record(
  z.string().max(200),
  z.object({ text: z.string().max(NOTE_MAX), updatedAt: z.string() }),
);

export async function readNotes(area: PackArea): Promise<Notes> {
  const parsed = notesSchema.safeParse((await area.get(NOTES_KEY))[NOTES_KEY]);
  return parsed.success ? parsed.data : {};
}

/** Sets or (with empty text) removes the note on an entity. */
export async function saveNote(area: PackArea, id: string, text: string): Promise<void> {
  const notes = await readNotes(area);
  const trimmed = text.trim().slice(0, NOTE_MAX);
  if (trimmed) notes[id] = { text: trimmed, updatedAt: new Date().toISOString() };
  else delete notes[id];
  await area.set({ [NOTES_KEY]: notes });
}

export async function readOwnEntries(area: PackArea): Promise<Entity[]> {
  const parsed = z
    .array(entitySchema)
    .safeParse((await area.get(OWN_ENTRIES_KEY))[OWN_ENTRIES_KEY]);
  return parsed.success ? parsed.data : [];
}

/** What the reader types in the "Add to Backstory" form. */
export interface OwnEntryInput {
  name: string;
  aliases: string;
  type: EntityType;
  summary: string;
}

/** A slug for a new own entry's id: `own-` plus the name's letters, unique among `taken`. */
function ownId(name: string, taken: ReadonlySet<string>): string {
  const base =
    'own-' +
    (name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'entry');
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export type AddResult = { ok: true; entity: Entity } | { ok: false; problems: string[] };

/** Checks the form against the entity schema and stores the new entry. */
export async function addOwnEntry(
  area: PackArea,
  input: OwnEntryInput,
  takenIds: ReadonlySet<string>,
): Promise<AddResult> {
  const own = await readOwnEntries(area);
  const id = ownId(input.name, new Set([...takenIds, ...own.map((e) => e.id)]));
  const aliases = input.aliases
    .split(/[,\n]/)
    .map((a) => a.trim())
    .filter((a) => a && a !== input.name.trim());
  const parsed = entitySchema.safeParse({
    id,
    type: input.type,
    name: input.name.trim(),
    aliases,
    summary: input.summary.trim(),
  });
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (i) => `${i.path.map(String).join('.') || 'entry'}: ${i.message}`,
      ),
    };
  await area.set({ [OWN_ENTRIES_KEY]: [...own, parsed.data] });
  return { ok: true, entity: parsed.data };
}

export async function removeOwnEntry(area: PackArea, id: string): Promise<void> {
  const own = await readOwnEntries(area);
  await area.set({ [OWN_ENTRIES_KEY]: own.filter((e) => e.id !== id) });
}
