/**
 * The popup's state and actions, joined to the browser: settings (live), the tab it acts on and
 * what Backstory found there (asked again every second while the popup is open, so the list
 * follows the page), and the switches. The view (`PopupApp`) gets plain props.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Entity } from '../core/dataset/schema';
import { onSettingsStored, settingsAreas } from '../platform/settings-areas';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  withSitePaused,
  type Settings,
} from '../shared/settings';
import type { PageView } from '../ui/PopupApp';
import { askPage, grantAccess, pageState, targetTab, type PageState } from './page-link';

const REFRESH_MS = 1000;

export function usePopup(entities: ReadonlyMap<string, Entity>) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [tab, setTab] = useState<Awaited<ReturnType<typeof targetTab>>>();
  const [state, setState] = useState<PageState>({ kind: 'loading' });

  useEffect(() => {
    const reload = () => void loadSettings(settingsAreas()).then(setSettings);
    reload();
    void targetTab().then(setTab);
    return onSettingsStored(reload);
  }, []);

  const refresh = useCallback(async () => {
    if (tab) setState(await pageState(tab));
  }, [tab]);

  useEffect(() => {
    if (!tab) return;
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [tab, refresh]);

  const host = state.kind === 'ready' || state.kind === 'no-access' ? state.host : '';
  const page: PageView =
    state.kind === 'ready'
      ? {
          kind: 'ready',
          host,
          complete: state.found.complete,
          entries: state.found.entities.flatMap(({ id, count }) => {
            const entity = entities.get(id);
            return entity ? [{ id, name: entity.name, type: entity.type, count }] : [];
          }),
        }
      : state;

  const save = (next: Partial<Settings>) =>
    void saveSettings(settingsAreas(), next).then(setSettings);

  return {
    page,
    enabled: settings.enabled,
    sitePaused: !!host && settings.pausedSites.includes(host.toLowerCase()),
    theme: settings.theme === 'auto' ? undefined : settings.theme,
    onToggleEnabled: (enabled: boolean) => save({ enabled }),
    onToggleSite: (paused: boolean) =>
      save({ pausedSites: withSitePaused(settings, host, paused).pausedSites }),
    onReveal: (id: string) => {
      if (tab?.id === undefined) return;
      void askPage(tab.id, { type: 'reveal', id })
        .then(() => browser.tabs.getCurrent())
        // A real popup steps aside so the card on the page can be read; a popup page open in
        // a tab of its own stays.
        .then((self) => self === undefined && window.close());
    },
    onGrant: () => {
      if (tab && state.kind === 'no-access')
        void grantAccess(tab, state.origin).then(() => refresh());
    },
  };
}
