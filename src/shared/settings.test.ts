import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  parseSettings,
  saveSettings,
  runsOn,
  settingsFromChange,
  withSitePaused,
} from './settings';

function memoryArea(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  return {
    data,
    get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
  };
}

describe('settings', () => {
  it('starts enabled', async () => {
    expect(await loadSettings(memoryArea())).toEqual({
      enabled: true,
      hoverDelayMs: 300,
      density: 'all',
      includeCode: false,
      theme: 'auto',
      pausedSites: [],
    });
  });

  it('keeps what was saved', async () => {
    const area = memoryArea();
    await saveSettings(area, { enabled: false });
    expect(await loadSettings(area)).toEqual({
      enabled: false,
      hoverDelayMs: 300,
      density: 'all',
      includeCode: false,
      theme: 'auto',
      pausedSites: [],
    });
  });

  it('falls back to defaults field by field when the stored value is damaged', () => {
    expect(parseSettings({ enabled: 'yes' })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ enabled: false, unknown: 1 })).toEqual({
      enabled: false,
      hoverDelayMs: 300,
      density: 'all',
      includeCode: false,
      theme: 'auto',
      pausedSites: [],
    });
    expect(parseSettings({ enabled: false, hoverDelayMs: -5 })).toEqual({
      enabled: false,
      hoverDelayMs: 300,
      density: 'all',
      includeCode: false,
      theme: 'auto',
      pausedSites: [],
    });
  });

  it('reads changes only when the settings key changed', () => {
    expect(settingsFromChange({ other: { newValue: 1 } })).toBeUndefined();
    expect(settingsFromChange({ settings: { newValue: { enabled: false } } })).toEqual({
      enabled: false,
      hoverDelayMs: 300,
      density: 'all',
      includeCode: false,
      theme: 'auto',
      pausedSites: [],
    });
  });

  it('pauses and resumes one site without touching the others', () => {
    const paused = withSitePaused(DEFAULT_SETTINGS, 'News.Example.org', true);
    expect(runsOn(paused, 'news.example.org')).toBe(false);
    expect(runsOn(paused, 'other.example.org')).toBe(true);
    expect(runsOn(withSitePaused(paused, 'news.example.org', false), 'news.example.org')).toBe(
      true,
    );
    expect(runsOn({ ...DEFAULT_SETTINGS, enabled: false }, 'other.example.org')).toBe(false);
    // A damaged list loses only itself.
    expect(parseSettings({ pausedSites: 'oops', density: 'first' })).toMatchObject({
      pausedSites: [],
      density: 'first',
    });
  });
});
