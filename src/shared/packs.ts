/**
 * Where imported dataset packs live and how they change: a list of what is installed under
 * one key, and each pack's contents under a key of its own. A pack that replaces another of
 * the same id is written first under a new key, then the list is switched to it, then the old
 * contents are deleted, so a failure at any step leaves one whole pack in use, never half of
 * two. The area is injected (storage.local in the browser, a map in tests).
 */
import type { Dataset, Entity, EntityType } from '../core/dataset/schema';
import type { SerializedIndex } from '../core/matcher/compile';
import type { Pack } from '../core/packs/pack';

export const PACKS_KEY = 'packs';
/** The compiled matcher index of the enabled packs' names, built by the background. */
export const EXTRA_INDEX_KEY = 'extraIndex';

export interface StoredPackInfo {
  id: string;
  name: string;
  version: string;
  checked: string;
  licence: string;
  description?: string;
  entities: number;
  bytes: number;
  importedAt: string;
  enabled: boolean;
  /** Where the pack's contents are stored. */
  dataKey: string;
}

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

export async function listPacks(area: PackArea): Promise<StoredPackInfo[]> {
  const stored = (await area.get(PACKS_KEY))[PACKS_KEY];
  return Array.isArray(stored) ? (stored as StoredPackInfo[]) : [];
}

/** Installs a validated pack, replacing one with the same id in one switch. */
export async function storePack(
  area: PackArea,
  pack: Pack,
  bytes: number,
): Promise<StoredPackInfo> {
  const before = await listPacks(area);
  const old = before.find((p) => p.id === pack.meta.id);
  const info: StoredPackInfo = {
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

/** A stored pack's file contents, as imported (for export). */
export async function packContents(
  area: PackArea,
  info: StoredPackInfo,
): Promise<Pack | undefined> {
  return (await area.get(info.dataKey))[info.dataKey] as Pack | undefined;
}

/** The entities of every enabled pack. */
export async function enabledPackEntities(area: PackArea): Promise<Entity[]> {
  const packs = (await listPacks(area)).filter((p) => p.enabled);
  const contents = await Promise.all(packs.map((p) => packContents(area, p)));
  return contents.flatMap((c) => c?.entities ?? []);
}

/** The bundled dataset with the enabled packs' entities added (the packs' own ids never clash). */
export function withPacks(bundled: Dataset, extra: readonly Entity[]): Dataset {
  return extra.length === 0 ? bundled : { ...bundled, entities: [...bundled.entities, ...extra] };
}
