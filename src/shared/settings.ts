import { z } from 'zod';

/**
 * User settings, stored under one key in `storage.local` and read by every context.
 * Each field falls back to its default on its own, so a damaged or older stored value
 * loses only the fields that are wrong.
 */

export const SETTINGS_KEY = 'settings';

export const settingsSchema = z.object({
  /** Highlight names and show cards on pages. */
  enabled: z.boolean().catch(true).default(true),
  /** How long the pointer rests on a name before its card opens, in milliseconds. */
  hoverDelayMs: z.number().int().min(0).max(2000).catch(300).default(300),
  /** 'all': every mention; 'first': only the first mention of each entity on a page. */
  density: z.enum(['all', 'first']).catch('all').default('all'),
  /** Also look for names in code and preformatted text. */
  includeCode: z.boolean().catch(false).default(false),
  /** The card's colours: 'auto' follows the page (dark pages get a dark card). */
  theme: z.enum(['auto', 'light', 'dark']).catch('auto').default('auto'),
  /** Sites (host names) where the reader paused Backstory from the popup. */
  pausedSites: z.array(z.string().min(1).max(253)).max(5000).catch([]).default([]),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The slice of `browser.storage.local` the settings need; injected so this module stays pure. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadSettings(area: SettingsArea): Promise<Settings> {
  const stored = await area.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(
  area: SettingsArea,
  patch: Partial<Settings>,
): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings(area)), ...patch });
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Reads the new settings out of a `storage.onChanged` event, or undefined when they did not change. */
export function settingsFromChange(
  changes: Record<string, { newValue?: unknown }>,
): Settings | undefined {
  const change = changes[SETTINGS_KEY];
  return change ? parseSettings(change.newValue) : undefined;
}

/** Whether Backstory runs on a page of `host` under these settings. */
export function runsOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.pausedSites.includes(host.toLowerCase());
}

/** The settings with `host` paused or resumed. */
export function withSitePaused(settings: Settings, host: string, paused: boolean): Settings {
  const h = host.toLowerCase();
  const rest = settings.pausedSites.filter((s) => s !== h);
  return { ...settings, pausedSites: paused ? [...rest, h] : rest };
}
