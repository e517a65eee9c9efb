/**
 * The options page joined to the browser: settings loaded (with anything that had to be
 * reset), followed live, and saved as the reader changes them (text and number fields are
 * debounced so typing does not write storage per key); the keyboard shortcuts as the browser
 * has them now.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { onSettingsStored, settingsAreas } from '../platform/settings-areas';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  loadSettingsWithProblems,
  saveSettings,
  type Settings,
} from '../shared/settings';
import type { Problem } from '../core/problems';
import type { Shortcut } from '../ui/options/Shortcuts';
import { t } from '../shared/i18n';

const SAVE_DELAY_MS = 300;
const isFirefox = () => browser.runtime.getURL('').startsWith('moz-extension:');

export function useOptions() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState<string>();
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const pending = useRef<Partial<Settings>>({});
  const timer = useRef<number>();
  /** Saves of ours not yet written. */
  const writing = useRef(0);

  useEffect(() => {
    void loadSettingsWithProblems(settingsAreas()).then((loaded) => {
      setSettings(loaded.settings);
      setProblems(loaded.problems);
    });
    void browser.commands.getAll().then((commands) =>
      setShortcuts(
        commands
          .filter((c) => c.name && c.name !== '_execute_action')
          .map((c) => ({
            name: c.name!,
            description: c.description ?? c.name!,
            shortcut: c.shortcut ?? '',
          })),
      ),
    );
    // Changes made elsewhere (the popup, another options tab) show here too.
    // Changes made elsewhere (the popup, another options tab) show here too; edits not yet
    // saved stay on top.
    // Our own writes come back here too, possibly out of order while the reader types: they
    // are skipped while a change of ours is waiting or being written (the page already shows
    // it), so an older echo cannot undo newer typing.
    return onSettingsStored(() => {
      if (writing.current > 0 || Object.keys(pending.current).length > 0) return;
      void loadSettings(settingsAreas()).then((s) => {
        if (writing.current === 0 && Object.keys(pending.current).length === 0) setSettings(s);
      });
    });
  }, []);

  const flush = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return;
    pending.current = {};
    writing.current++;
    saveSettings(settingsAreas(), patch)
      .then(
        () => setStatus(t('options_saved')),
        (error: unknown) => setStatus(t('options_not_saved', String(error))),
      )
      .finally(() => writing.current--);
  };

  // A change still waiting for its debounce is saved at once when the page is hidden (the
  // reader switched to the tab the change is for) or closed: timers in hidden pages may wait.
  useEffect(() => {
    const now = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', now);
    addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', now);
      removeEventListener('pagehide', flush);
    };
  }, []);

  /**
   * A switch, choice or colour is saved at once; typing (`typing: true`) waits for a pause,
   * so storage is not written per key.
   */
  const onChange = (patch: Partial<Settings>, how: { typing?: boolean } = {}) => {
    setSettings((now) => ({ ...now, ...patch }));
    pending.current = { ...pending.current, ...patch };
    clearTimeout(timer.current);
    if (how.typing) timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
    else flush();
  };

  return {
    settings,
    onChange,
    status,
    problems,
    onDismissProblems: () => setProblems([]),
    shortcuts,
    shortcutsHowTo: isFirefox() ? t('shortcuts_how_firefox') : t('shortcuts_how_chrome'),
    onOpenShortcutSettings: isFirefox()
      ? undefined
      : () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }),
  };
}
