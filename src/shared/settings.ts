import { z } from '../core/zod';
import { ENTITY_TYPES, type EntityType } from '../core/dataset/schema';
import { problem, problemAt, zodProblems, type Problem } from '../core/problems';
import { hostMatches, parseHostPattern } from './hosts';

/**
 * User settings: one object under one key, read by every context. Stored in `storage.sync`
 * (so they follow the reader to another machine) when they fit its per-item quota, else in
 * `storage.local`; the newer copy wins. Every field falls back to its default on its own, so a
 * damaged, older or newer stored value loses only the fields that are wrong, and the loader
 * says which (the options page shows it and a backup of the stored value is kept).
 */

export const SETTINGS_KEY = 'settings';
export const SETTINGS_BACKUP_KEY = 'settingsBackup';
/** Bumped when the stored shape changes; `migrate` brings older shapes forward. */
export const SETTINGS_VERSION = 2;
/** chrome.storage.sync allows 8,192 bytes per item (key included); keep a margin. */
export const SYNC_ITEM_LIMIT = 8000;

const colour = z.string().regex(/^#[0-9a-f]{6}$/i, problem('colour'));

/**
 * Each category's highlight colour out of the box: distinct, and in the luminance band where the
 * underline stands out at 3:1 (WCAG 1.4.11) from its own tint on a white page and on a near-black
 * one, with body text over the tint at 4.5:1 or more (tests/e2e/accessibility.ts measures it).
 */
export const DEFAULT_COLOURS: Record<EntityType, string> = {
  person: '#a56a00',
  organization: '#2d79c7',
  agreement: '#8a5cd6',
  event: '#cf483e',
  place: '#27884f',
  media: '#737780',
};

const categorySchema = z.object({ on: z.boolean(), colour });

/** The strict schema of each field: what a stored value must be to be kept. */
const FIELDS = {
  /** Highlight names and show cards on pages. */
  enabled: z.boolean(),
  /** How long the pointer rests on a name before its card opens, in milliseconds. */
  hoverDelayMs: z.number().int().min(0).max(2000),
  /** 'all': every mention; 'first': only the first mention of each entity on a page. */
  density: z.enum(['all', 'first']),
  /** Also look for names in code and preformatted text. */
  includeCode: z.boolean(),
  /** The card's colours: 'auto' follows the page (dark pages get a dark card). */
  theme: z.enum(['auto', 'light', 'dark']),
  /** Sites (host names) where the reader paused Backstory from the popup. */
  pausedSites: z.array(z.string().min(1).max(253)).max(5000),
  /** Run everywhere except the listed sites, or only on them. */
  siteMode: z.enum(['except', 'only']),
  /** Host patterns for `siteMode` ("example.com" also covers its subdomains). */
  siteList: z
    .array(z.string().refine((p) => parseHostPattern(p).ok, problem('host_pattern')))
    .max(2000),
  /** Each category shown or not, and its colour. */
  categories: z.object(
    Object.fromEntries(ENTITY_TYPES.map((t) => [t, categorySchema])) as Record<
      EntityType,
      typeof categorySchema
    >,
  ),
  /** How names are marked: an underline, a background tint, or both. */
  highlightStyle: z.enum(['underline', 'tint', 'both']),
};

export type Settings = { [K in keyof typeof FIELDS]: z.infer<(typeof FIELDS)[K]> };

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  hoverDelayMs: 300,
  density: 'all',
  includeCode: false,
  theme: 'auto',
  pausedSites: [],
  siteMode: 'except',
  siteList: [],
  categories: Object.fromEntries(
    ENTITY_TYPES.map((t) => [t, { on: true, colour: DEFAULT_COLOURS[t] }]),
  ) as Settings['categories'],
  highlightStyle: 'both',
};

/** The settings as stored: the fields plus the version that wrote them and when. */
export interface StoredSettings extends Settings {
  version: number;
  savedAt: number;
}

/** What reading stored settings gave: the settings, and what had to be reset and why. */
export interface LoadedSettings {
  settings: Settings;
  /** One per field that fell back to its default (empty when all was well). */
  problems: Problem[];
  savedAt: number;
}

type Raw = Record<string, unknown>;

/** Brings an older stored shape forward. Version 1 had no version field and fewer fields. */
function migrate(raw: Raw): Raw {
  let at = typeof raw.version === 'number' ? raw.version : 1;
  let value = raw;
  if (at === 1) {
    // v1 → v2: site rules, categories and highlight style are new (defaults fill them).
    value = { ...value, version: 2 };
    at = 2;
  }
  return value;
}

/** Reads a stored value field by field; what is missing or wrong falls back to its default. */
export function readSettings(stored: unknown): LoadedSettings {
  const problems: Problem[] = [];
  if (stored === undefined) return { settings: DEFAULT_SETTINGS, problems, savedAt: 0 };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return {
      settings: DEFAULT_SETTINGS,
      problems: [problemAt('', 'settings_not_object')],
      savedAt: 0,
    };
  }
  const raw = migrate(stored as Raw);
  const newer = typeof raw.version === 'number' && raw.version > SETTINGS_VERSION;
  if (newer) problems.push(problemAt('', 'settings_too_new', Number(raw.version)));
  const settings = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const [key, schema] of Object.entries(FIELDS)) {
    if (!(key in raw)) continue;
    const parsed = schema.safeParse(raw[key], { reportInput: true });
    if (parsed.success) settings[key] = parsed.data;
    else if (key === 'categories' && typeof raw[key] === 'object' && raw[key] !== null) {
      // One broken category loses only itself.
      const merged = { ...DEFAULT_SETTINGS.categories };
      for (const type of ENTITY_TYPES) {
        const one = categorySchema.safeParse((raw[key] as Raw)[type], { reportInput: true });
        if (one.success) merged[type] = one.data;
        else if ((raw[key] as Raw)[type] !== undefined)
          problems.push(...zodProblems(one.error, ['categories', type]).slice(0, 1));
      }
      settings[key] = merged;
    } else problems.push(...zodProblems(parsed.error, [key]).slice(0, 1));
  }
  const savedAt = typeof raw.savedAt === 'number' ? raw.savedAt : 0;
  return { settings: settings as Settings, problems, savedAt };
}

/** Kept for callers that only want the settings. */
export function parseSettings(raw: unknown): Settings {
  return readSettings(raw).settings;
}

/** The slice of a `browser.storage` area the settings need; injected so this module stays pure. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove?(key: string): Promise<void>;
}

/** Where settings live: `sync` when the browser has it, always `local`. */
export interface SettingsAreas {
  local: SettingsArea;
  sync?: SettingsArea;
}

const areasOf = (areas: SettingsArea | SettingsAreas): SettingsAreas =>
  'local' in areas ? areas : { local: areas };

async function readArea(area: SettingsArea | undefined): Promise<unknown> {
  if (!area) return undefined;
  try {
    return (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch {
    return undefined; // sync can be switched off by policy; local then holds them
  }
}

/** Loads the newer of the sync and local copies, with what had to be reset. */
export async function loadSettingsWithProblems(
  areas: SettingsArea | SettingsAreas,
): Promise<LoadedSettings> {
  const { local, sync } = areasOf(areas);
  const [fromSync, fromLocal] = await Promise.all([readArea(sync), readArea(local)]);
  const a = readSettings(fromSync);
  const b = readSettings(fromLocal);
  const chosen = fromSync !== undefined && (fromLocal === undefined || a.savedAt >= b.savedAt);
  const loaded = chosen ? a : b;
  if (loaded.problems.length > 0) {
    // Keep what was stored, once, so nothing the reader set is lost for good.
    const raw = chosen ? fromSync : fromLocal;
    const backup = (await local.get(SETTINGS_BACKUP_KEY))[SETTINGS_BACKUP_KEY] as
      { raw?: unknown } | undefined;
    if (JSON.stringify(backup?.raw) !== JSON.stringify(raw))
      await local.set({
        [SETTINGS_BACKUP_KEY]: { raw, at: new Date().toISOString(), problems: loaded.problems },
      });
  }
  return loaded;
}

export async function loadSettings(areas: SettingsArea | SettingsAreas): Promise<Settings> {
  return (await loadSettingsWithProblems(areas)).settings;
}

/** Saves a change: to sync when the whole object fits its quota, else to local. */
export async function saveSettings(
  areas: SettingsArea | SettingsAreas,
  patch: Partial<Settings>,
): Promise<Settings> {
  const both = areasOf(areas);
  const merged = readSettings({ ...(await loadSettings(both)), ...patch }).settings;
  const stored: StoredSettings = {
    ...merged,
    version: SETTINGS_VERSION,
    savedAt: Date.now(),
  };
  const size = JSON.stringify({ [SETTINGS_KEY]: stored }).length;
  const target = both.sync && size <= SYNC_ITEM_LIMIT ? both.sync : both.local;
  try {
    await target.set({ [SETTINGS_KEY]: stored });
  } catch {
    await both.local.set({ [SETTINGS_KEY]: stored }); // over quota after all: local holds them
  }
  return merged;
}

/** Whether a storage change touched the settings (in either area). */
export function settingsChanged(changes: Record<string, unknown>): boolean {
  return SETTINGS_KEY in changes;
}

/** Reads the new settings out of a `storage.onChanged` event, or undefined when they did not change. */
export function settingsFromChange(
  changes: Record<string, { newValue?: unknown }>,
): Settings | undefined {
  const change = changes[SETTINGS_KEY];
  return change ? parseSettings(change.newValue) : undefined;
}

/** Whether the reader's site rules let Backstory run on `host`. */
export function siteAllowed(settings: Settings, host: string): boolean {
  const h = host.toLowerCase();
  const listed = settings.siteList.some((p) => hostMatches(p, h));
  return settings.siteMode === 'only' ? listed : !listed;
}

/** Whether Backstory runs on a page of `host` under these settings. */
export function runsOn(settings: Settings, host: string): boolean {
  return (
    settings.enabled &&
    !settings.pausedSites.includes(host.toLowerCase()) &&
    siteAllowed(settings, host)
  );
}

/** The settings with `host` paused or resumed. */
export function withSitePaused(settings: Settings, host: string, paused: boolean): Settings {
  const h = host.toLowerCase();
  const rest = settings.pausedSites.filter((s) => s !== h);
  return { ...settings, pausedSites: paused ? [...rest, h] : rest };
}
