/**
 * Everything the reader made, in one file: settings, imported packs (with whether each is in
 * use), notes and own entries. Importing one shows what will change before anything does,
 * and checks every part with the same schemas as the rest of Backstory; a part that fails
 * stops the import with its path, and nothing is changed.
 */
import { z } from '../core/zod';
import { entitySchema, type Entity } from '../core/dataset/schema';
import { linkProblems } from '../core/packs/links';
import { notJson, packSchema, unreadable, type Pack } from '../core/packs/pack';
import { problem, zodProblems, type Problem } from '../core/problems';
import { formatNumber, t } from './i18n';
import { mergeAnnotations, readNotes, readOwnEntries, type Notes } from './annotations';
import { listPacks, packContents, setPackEnabled, storePack, type PackArea } from './packs';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  readSettings,
  saveSettings,
  type Settings,
  type SettingsAreas,
} from './settings';

export const BACKUP_FORMAT = 'backstory-backup';
/** A backup carries the packs too: room for a few at their largest. */
export const BACKUP_MAX_BYTES = 100_000_000;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  exportedAt: string;
  settings: Settings;
  packs: { enabled: boolean; pack: Pack }[];
  notes: Notes;
  ownEntries: Entity[];
}

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT, problem('not_a_backup')),
  formatVersion: z.literal(1, problem('backup_too_new')),
  exportedAt: z.string(),
  settings: z.unknown(),
  packs: z.array(z.object({ enabled: z.boolean(), pack: packSchema })),
  notes: z.record(
    z.string().max(200),
    z.object({ text: z.string().max(4000), updatedAt: z.string() }),
  ),
  ownEntries: z.array(entitySchema),
});

export async function makeBackup(areas: SettingsAreas & { local: PackArea }): Promise<Backup> {
  const local = areas.local;
  const infos = await listPacks(local);
  const packs = await Promise.all(
    infos.map(async (info) => ({ enabled: info.enabled, pack: await packContents(local, info) })),
  );
  return {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    settings: await loadSettings(areas),
    packs: packs.filter((p): p is { enabled: boolean; pack: Pack } => !!p.pack),
    notes: await readNotes(local),
    ownEntries: await readOwnEntries(local),
  };
}

export type ParsedBackup =
  { ok: true; backup: Backup; settingsProblems: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Checks a backup file whole. Its packs get the checks a pack file gets (ids unique, not
 * taken by the bundled dataset, links that lead somewhere): a backup is a file from anywhere.
 */
export function parseBackup(
  text: string,
  options: { bundledIds?: ReadonlySet<string> } = {},
): ParsedBackup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [error instanceof SyntaxError ? notJson(text, error) : unreadable(error)],
    };
  }
  const parsed = backupSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error).slice(0, 50) };
  const links = parsed.data.packs.flatMap((_, i) =>
    linkProblems((json as { packs: { pack: unknown }[] }).packs[i]!.pack, options.bundledIds).map(
      (p) => ({ ...p, path: `packs[${i}].pack.${p.path}` }),
    ),
  );
  if (links.length > 0) return { ok: false, problems: links.slice(0, 50) };
  const settings = readSettings(parsed.data.settings);
  return {
    ok: true,
    backup: { ...parsed.data, settings: settings.settings } as Backup,
    settingsProblems: settings.problems,
  };
}

/**
 * Reads and checks a chosen backup file. Its size is checked before a byte is read (a file
 * of hundreds of megabytes would hold the tab's memory for nothing); reading is injected.
 */
export async function readBackupFile<F extends { name: string; size: number }>(
  file: F,
  read: (file: F) => Promise<string>,
  options: { bundledIds?: ReadonlySet<string> } = {},
): Promise<ParsedBackup & { message?: string }> {
  if (file.size > BACKUP_MAX_BYTES) {
    const megabytes = formatNumber(file.size / 1e6, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const message = t('backup_too_big', file.name, megabytes, BACKUP_MAX_BYTES / 1e6);
    return { ok: false, problems: [], message };
  }
  return parseBackup(await read(file), options);
}

/** What importing a backup would change, in words a reader can check. */
export interface BackupPreview {
  settings: string[];
  packsAdded: string[];
  packsReplaced: string[];
  notesAdded: number;
  notesChanged: number;
  entriesAdded: string[];
  entriesReplaced: string[];
}

export async function previewBackup(
  areas: SettingsAreas & { local: PackArea },
  backup: Backup,
): Promise<BackupPreview> {
  const [settings, packs, notes, own] = await Promise.all([
    loadSettings(areas),
    listPacks(areas.local),
    readNotes(areas.local),
    readOwnEntries(areas.local),
  ]);
  const changed = (Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]).filter(
    (k) => JSON.stringify(settings[k]) !== JSON.stringify(backup.settings[k]),
  );
  const have = new Set(packs.map((p) => p.id));
  const ownIds = new Set(own.map((e) => e.id));
  const noteIds = Object.keys(backup.notes);
  return {
    settings: changed,
    packsAdded: backup.packs.filter((p) => !have.has(p.pack.meta.id)).map((p) => p.pack.meta.name),
    packsReplaced: backup.packs
      .filter((p) => have.has(p.pack.meta.id))
      .map((p) => p.pack.meta.name),
    notesAdded: noteIds.filter((id) => !notes[id]).length,
    notesChanged: noteIds.filter((id) => notes[id] && notes[id].text !== backup.notes[id]!.text)
      .length,
    entriesAdded: backup.ownEntries.filter((e) => !ownIds.has(e.id)).map((e) => e.name),
    entriesReplaced: backup.ownEntries.filter((e) => ownIds.has(e.id)).map((e) => e.name),
  };
}

/** Applies a checked backup: its parts replace the same parts here; the rest stays. */
export async function applyBackup(
  areas: SettingsAreas & { local: PackArea },
  backup: Backup,
): Promise<void> {
  const local = areas.local;
  for (const { pack, enabled } of backup.packs) {
    await storePack(local, pack, JSON.stringify(pack).length);
    await setPackEnabled(local, pack.meta.id, enabled);
  }
  await mergeAnnotations(local, backup.notes, backup.ownEntries);
  await saveSettings(areas, backup.settings);
}
