import { memoryArea } from './memory-area';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  loadSettingsWithProblems,
  readSettings,
  runsOn,
  saveSettings,
  SETTINGS_BACKUP_KEY,
  SETTINGS_KEY,
  settingsFromChange,
  SYNC_ITEM_LIMIT,
  withSitePaused,
} from './settings';
import { problemLine } from './problem-text';

describe('settings', () => {
  it('starts from the defaults', async () => {
    expect(await loadSettings(memoryArea())).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps what was saved, in sync when it fits', async () => {
    const local = memoryArea();
    const sync = memoryArea({}, (k, v) => JSON.stringify({ [k]: v }).length > 8192);
    await saveSettings({ local, sync }, { density: 'first', hoverDelayMs: 500 });
    expect(sync.data[SETTINGS_KEY]).toMatchObject({ density: 'first', version: 2 });
    expect(local.data[SETTINGS_KEY]).toBeUndefined();
    expect(await loadSettings({ local, sync })).toMatchObject({
      density: 'first',
      hoverDelayMs: 500,
    });
  });

  it('moves to local storage when the settings outgrow the sync quota', async () => {
    const local = memoryArea();
    const sync = memoryArea({}, (k, v) => JSON.stringify({ [k]: v }).length > 8192);
    const siteList = Array.from({ length: 600 }, (_, i) => `site-number-${i}.example.org`);
    await saveSettings({ local, sync }, { siteList });
    expect(JSON.stringify(siteList).length).toBeGreaterThan(SYNC_ITEM_LIMIT);
    expect(local.data[SETTINGS_KEY]).toMatchObject({ siteList });
    // The newer copy wins over the older one left in sync.
    expect((await loadSettings({ local, sync })).siteList).toHaveLength(600);
  });

  it('migrates version 1 (no version field) and keeps its values', () => {
    const v1 = {
      enabled: false,
      hoverDelayMs: 800,
      density: 'first',
      includeCode: true,
      theme: 'dark',
    };
    const { settings, problems } = readSettings(v1);
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, ...v1 });
  });

  it('falls back field by field, says which, and keeps a backup of what was stored', async () => {
    const damaged = {
      version: 2,
      enabled: 'yes',
      hoverDelayMs: 99999,
      density: 'first',
      categories: { person: { on: false, colour: '#123456' }, place: { on: true, colour: 'red' } },
      siteList: ['example.com', 'not a host'],
    };
    const local = memoryArea({ [SETTINGS_KEY]: damaged });
    const loaded = await loadSettingsWithProblems(local);
    expect(loaded.settings).toMatchObject({
      enabled: true,
      hoverDelayMs: 300,
      density: 'first',
      siteList: [],
    });
    expect(loaded.settings.categories.person).toEqual({ on: false, colour: '#123456' });
    expect(loaded.settings.categories.place).toEqual(DEFAULT_SETTINGS.categories.place);
    expect(loaded.problems.map((p) => problemLine(p))).toEqual([
      'enabled: must be true or false, not a string',
      'hoverDelayMs: must be at most 2,000',
      'siteList[1]: is not a host name pattern',
      'categories.place.colour: must be a colour like #c47f00',
    ]);
    expect(local.data[SETTINGS_BACKUP_KEY]).toMatchObject({ raw: damaged });
  });

  it('reads what it knows from a newer version and says so', () => {
    const { settings, problems } = readSettings({ version: 9, density: 'first', future: 1 });
    expect(settings.density).toBe('first');
    expect(problemLine(problems[0]!)).toBe(
      'Saved by a newer version of Backstory (settings version 9): fields this version does not know were left out.',
    );
  });

  it('survives stored values that are not objects', () => {
    expect(readSettings('garbage').settings).toEqual(DEFAULT_SETTINGS);
    expect(readSettings(null).problems).toHaveLength(1);
  });

  it('reads changes only when the settings key changed', () => {
    expect(settingsFromChange({ other: { newValue: 1 } })).toBeUndefined();
    expect(
      settingsFromChange({ [SETTINGS_KEY]: { newValue: { density: 'first' } } })?.density,
    ).toBe('first');
  });

  it('pauses and resumes one site without touching the others', () => {
    const paused = withSitePaused(DEFAULT_SETTINGS, 'News.Example.org', true);
    expect(runsOn(paused, 'news.example.org')).toBe(false);
    expect(runsOn(paused, 'other.example.org')).toBe(true);
    expect(runsOn(withSitePaused(paused, 'news.example.org', false), 'news.example.org')).toBe(
      true,
    );
    expect(runsOn({ ...DEFAULT_SETTINGS, enabled: false }, 'other.example.org')).toBe(false);
  });

  it('runs everywhere except the listed sites, or only on them', () => {
    const except = { ...DEFAULT_SETTINGS, siteList: ['mybank.example'] };
    expect(runsOn(except, 'www.mybank.example')).toBe(false);
    expect(runsOn(except, 'news.example.org')).toBe(true);
    const only = { ...except, siteMode: 'only' as const, siteList: ['news.example.org'] };
    expect(runsOn(only, 'news.example.org')).toBe(true);
    expect(runsOn(only, 'www.mybank.example')).toBe(false);
  });
});
