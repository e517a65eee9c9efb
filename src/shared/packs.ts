/**
 * Where imported dataset packs live and how they change: a list of what is installed under
 * one key, and each pack's contents under a key of its own. A pack that replaces another of
 * the same id is written first under a new key, then the list is switched to it, then the old
 * contents are deleted, so a failure at any step leaves one whole pack in use, never half of
 * two. The area is injected (storage.local in the browser, a map in tests).
 */
import { z } from '../core/zod';
import { entitySchema, type Dataset, type Entity, type EntityType } from '../core/dataset/schema';
import type { SerializedIndex } from '../core/matcher/compile';
import type { Pack } from '../core/packs/pack';
import { readList } from './stored-list';
import { t } from './i18n';

export const PACKS_KEY = 'packs';
/** The compiled matcher index of the enabled packs' names, built by the background. */
export const EXTRA_INDEX_KEY = 'extraIndex';

/**
 * What the list says about each pack. Storage is read back through this schema (it can be
 * damaged by a crash mid-write, a sync tool or a hand edit): an entry that fails is left out
 * instead of breaking every reader of the list.
 */
const storedPackInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  checked: z.string(),
  licence: z.string(),
  description: z.string().optional(),
  entities: z.number(),
  bytes: z.number(),
  importedAt: z.string(),
  enabled: z.boolean(),
  /** Where the pack's contents are stored. */
  dataKey: z.string(),
});
export type StoredPackInfo = z.infer<typeof storedPackInfoSchema>;

/** What the content script loads to find the packs' names. */
export interface ExtraIndex {
  index: SerializedIndex;
  types: Record<string, EntityType>;
}

export interface PackArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The installed packs, and what of the stored list could not be read. */
export async function readPackList(
  area: PackArea,
): Promise<{ packs: StoredPackInfo[]; problems: string[] }> {
  const read = readList((await area.get(PACKS_KEY))[PACKS_KEY], storedPackInfoSchema);
  const problems = read.dropped.map((i) => t('packs_entry_unreadable', i + 1));
  if (read.notAList) problems.push(t('packs_list_unreadable'));
  return { packs: read.items, problems };
}

export async function listPacks(area: PackArea): Promise<StoredPackInfo[]> {
  return (await readPackList(area)).packs;
}

/** What the pack list holds for `pack` stored now (keeping whether an older copy was on). */
export function packInfo(pack: Pack, bytes: number, old?: StoredPackInfo): StoredPackInfo {
  return {
    id: pack.meta.id,
    name: pack.meta.name,
    version: pack.meta.version,
    checked: pack.meta.checked,
    licence: pack.meta.licence,
    ...(pack.meta.description && { description: pack.meta.description }),
    entities: pack.entities.length,
    bytes,
    importedAt: new Date().toISOString(),
    enabled: old?.enabled ?? true,
    dataKey: `pack:${pack.meta.id}:${Date.now().toString(36)}`,
  };
}

/** Installs a validated pack, replacing one with the same id in one switch. */
export async function storePack(
  area: PackArea,
  pack: Pack,
  bytes: number,
): Promise<StoredPackInfo> {
  const before = await listPacks(area);
  const old = before.find((p) => p.id === pack.meta.id);
  const info = packInfo(pack, bytes, old);
  await area.set({ [info.dataKey]: pack }); // 1. the new contents, beside the old
  await area.set({ [PACKS_KEY]: [...before.filter((p) => p.id !== info.id), info] }); // 2. switch
  if (old && old.dataKey !== info.dataKey) await area.remove(old.dataKey); // 3. clean up
  return info;
}

export async function setPackEnabled(area: PackArea, id: string, enabled: boolean): Promise<void> {
  const packs = await listPacks(area);
  await area.set({ [PACKS_KEY]: packs.map((p) => (p.id === id ? { ...p, enabled } : p)) });
}

export async function removePack(area: PackArea, id: string): Promise<void> {
  const packs = await listPacks(area);
  const gone = packs.find((p) => p.id === id);
  await area.set({ [PACKS_KEY]: packs.filter((p) => p.id !== id) });
  if (gone) await area.remove(gone.dataKey);
}

/**
 * A stored pack's contents, entity by entity: what still fits the schema is used, and how
 * many did not is counted, so one damaged entry costs that entry, not the pack or every card.
 * Contents that are missing altogether are `missing`.
 */
export async function readPackContents(
  area: PackArea,
  info: StoredPackInfo,
): Promise<{ pack?: Pack; dropped: number; missing: boolean }> {
  const stored = (await area.get(info.dataKey))[info.dataKey];
  const entities = isRecord(stored) ? stored.entities : undefined;
  if (!isRecord(stored) || !isRecord(stored.meta) || !Array.isArray(entities))
    return { dropped: 0, missing: true };
  const read = readList(entities, entitySchema);
  const pack = { ...(stored as unknown as Pack), entities: read.items };
  return { pack, dropped: read.dropped.length, missing: false };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored pack's file contents, as imported (for export); undefined when they are lost. */
export async function packContents(
  area: PackArea,
  info: StoredPackInfo,
): Promise<Pack | undefined> {
  return (await readPackContents(area, info)).pack;
}

/** The entities of every enabled pack (what of them can still be read). */
export async function enabledPackEntities(area: PackArea): Promise<Entity[]> {
  const packs = (await listPacks(area)).filter((p) => p.enabled);
  const contents = await Promise.all(packs.map((p) => packContents(area, p)));
  return contents.flatMap((c) => c?.entities ?? []);
}

/** What a reader should be told about the stored packs: lost or damaged contents, by name. */
export async function packProblems(area: PackArea): Promise<string[]> {
  const { packs, problems } = await readPackList(area);
  for (const info of packs) {
    const { dropped, missing } = await readPackContents(area, info);
    if (missing) problems.push(t('packs_contents_missing', info.name));
    else if (dropped > 0) problems.push(t('packs_entries_dropped', dropped, info.name));
  }
  return problems;
}

/** The bundled dataset with the enabled packs' entities added (the packs' own ids never clash). */
export function withPacks(bundled: Dataset, extra: readonly Entity[]): Dataset {
  return extra.length === 0 ? bundled : { ...bundled, entities: [...bundled.entities, ...extra] };
}
