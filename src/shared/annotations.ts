/**
 * What the reader adds: a note on any entity (shown on its card everywhere and in the popup),
 * and entries of their own, made from a selection on a page. Both live in storage.local; own
 * entries use the dataset's entity schema, so they are matched, searched and shown like
 * bundled ones. The area is injected (storage.local in the browser, a map in tests).
 */
import { z } from '../core/zod';
import { entitySchema, type Entity, type EntityType } from '../core/dataset/schema';
import { zodProblems, type Problem } from '../core/problems';
import type { PackArea } from './packs';
import { readList } from './stored-list';
import { t } from './i18n';

export const NOTES_KEY = 'notes';
export const OWN_ENTRIES_KEY = 'ownEntries';
/** Where a damaged stored value is kept, once, before the first write replaces it. */
export const damagedKey = (key: string): string => `${key}Damaged`;
/** Notes are a reader's jottings, not essays. */
export const NOTE_MAX = 4000;

export type Notes = Record<string, { text: string; updatedAt: string }>;

const noteSchema = z.object({ text: z.string().max(NOTE_MAX), updatedAt: z.string() });

/** What was read back, and how many stored items could not be (and are kept aside on write). */
interface Read<T> {
  value: T;
  raw: unknown;
  damaged: number;
}

/** Notes one by one: a damaged note is skipped, the others stay. */
async function readNotesChecked(area: PackArea): Promise<Read<Notes>> {
  const raw = (await area.get(NOTES_KEY))[NOTES_KEY];
  if (raw === undefined) return { value: {}, raw, damaged: 0 };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { value: {}, raw, damaged: 1 };
  // A null-prototype record: an id such as "__proto__" stays an ordinary key.
  const value: Notes = Object.create(null) as Notes;
  let damaged = 0;
  for (const [id, note] of Object.entries(raw)) {
    const parsed = noteSchema.safeParse(note);
    if (parsed.success && id.length <= 200) value[id] = parsed.data;
    else damaged++;
  }
  return { value: { ...value }, raw, damaged };
}

async function readOwnEntriesChecked(area: PackArea): Promise<Read<Entity[]>> {
  const raw = (await area.get(OWN_ENTRIES_KEY))[OWN_ENTRIES_KEY];
  const read = readList(raw, entitySchema);
  return { value: read.items, raw, damaged: read.dropped.length + (read.notAList ? 1 : 0) };
}

/**
 * Writes `value` under `key`; when what was stored had parts that could not be read, the
 * stored value is first copied aside (once), so writing the readable rest loses nothing.
 */
async function writeOver<T>(area: PackArea, key: string, before: Read<T>, value: unknown) {
  if (before.damaged > 0) {
    const aside = damagedKey(key);
    const kept = (await area.get(aside))[aside] as { raw?: unknown } | undefined;
    if (JSON.stringify(kept?.raw) !== JSON.stringify(before.raw))
      await area.set({ [aside]: { raw: before.raw, at: new Date().toISOString() } });
  }
  await area.set({ [key]: value });
}

export async function readNotes(area: PackArea): Promise<Notes> {
  return (await readNotesChecked(area)).value;
}

/** Sets or (with empty text) removes the note on an entity. */
export async function saveNote(area: PackArea, id: string, text: string): Promise<void> {
  const before = await readNotesChecked(area);
  const notes = { ...before.value };
  const trimmed = text.trim().slice(0, NOTE_MAX);
  if (trimmed) notes[id] = { text: trimmed, updatedAt: new Date().toISOString() };
  else delete notes[id];
  await writeOver(area, NOTES_KEY, before, notes);
}

export async function readOwnEntries(area: PackArea): Promise<Entity[]> {
  return (await readOwnEntriesChecked(area)).value;
}

/** What a reader should be told about their stored notes and own entries. */
export async function annotationProblems(area: PackArea): Promise<string[]> {
  const [notes, own] = await Promise.all([readNotesChecked(area), readOwnEntriesChecked(area)]);
  const problems: string[] = [];
  if (notes.damaged > 0) problems.push(t('notes_unreadable', notes.damaged));
  if (own.damaged > 0) problems.push(t('own_entries_unreadable', own.damaged));
  return problems;
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

export type AddResult = { ok: true; entity: Entity } | { ok: false; problems: Problem[] };

/** Checks the form against the entity schema and stores the new entry. */
export async function addOwnEntry(
  area: PackArea,
  input: OwnEntryInput,
  takenIds: ReadonlySet<string>,
): Promise<AddResult> {
  const before = await readOwnEntriesChecked(area);
  const own = before.value;
  const id = ownId(input.name, new Set([...takenIds, ...own.map((e) => e.id)]));
  const aliases = input.aliases
    .split(/[,\n]/)
    .map((a) => a.trim())
    .filter((a) => a && a !== input.name.trim());
  const parsed = entitySchema.safeParse(
    { id, type: input.type, name: input.name.trim(), aliases, summary: input.summary.trim() },
    { reportInput: true },
  );
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  await writeOver(area, OWN_ENTRIES_KEY, before, [...own, parsed.data]);
  return { ok: true, entity: parsed.data };
}

export async function removeOwnEntry(area: PackArea, id: string): Promise<void> {
  const before = await readOwnEntriesChecked(area);
  await writeOver(
    area,
    OWN_ENTRIES_KEY,
    before,
    before.value.filter((e) => e.id !== id),
  );
}

/** Adds notes and own entries (a restored backup): the same ids are replaced, the rest stays. */
export async function mergeAnnotations(
  area: PackArea,
  notes: Notes,
  entries: readonly Entity[],
): Promise<void> {
  const [notesBefore, ownBefore] = await Promise.all([
    readNotesChecked(area),
    readOwnEntriesChecked(area),
  ]);
  await writeOver(area, NOTES_KEY, notesBefore, { ...notesBefore.value, ...notes });
  const byId = new Map(ownBefore.value.map((e) => [e.id, e]));
  for (const entry of entries) byId.set(entry.id, entry);
  await writeOver(area, OWN_ENTRIES_KEY, ownBefore, [...byId.values()]);
}
