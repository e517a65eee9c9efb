import type { ComponentChildren } from 'preact';
import type { Settings } from '../shared/settings';
import { Look } from './options/Look';
import { Shortcuts, type Shortcut } from './options/Shortcuts';
import { SiteRules } from './options/SiteRules';

export interface OptionsFormProps {
  settings: Settings;
  /** `typing`: from a text or number field, saved after a pause rather than per key. */
  onChange: (patch: Partial<Settings>, how?: { typing?: boolean }) => void;
  /** A short confirmation or error shown after saving. */
  status?: string;
  /** Settings that could not be read and were reset (a backup of the stored value was kept). */
  problems?: string[];
  onDismissProblems?: () => void;
  /** Packs, notes or own entries that could not be read back (each line says what is lost). */
  dataProblems?: string[];
  shortcuts?: Shortcut[];
  onOpenShortcutSettings?: () => void;
  shortcutsHowTo?: string;
  /** Further sections (datasets, notes), drawn after the settings. */
  children?: ComponentChildren;
}

/** The options page: every setting with a sentence that says what it does. */
export function OptionsForm({
  settings,
  onChange,
  status,
  problems = [],
  onDismissProblems,
  dataProblems = [],
  shortcuts = [],
  onOpenShortcutSettings,
  shortcutsHowTo = '',
  children,
}: OptionsFormProps) {
  return (
    <main class="bs-options">
      <h1>Backstory options</h1>
      {problems.length > 0 && (
        <div class="bs-banner" role="alert" data-testid="settings-problems">
          <p>
            <strong>Some saved settings could not be read and were reset to their defaults.</strong>{' '}
            A copy of what was stored is kept in the extension's storage.
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {onDismissProblems && (
            <button type="button" class="bs-link" onClick={onDismissProblems}>
              Dismiss
            </button>
          )}
        </div>
      )}
      {dataProblems.length > 0 && (
        <div class="bs-banner" role="alert" data-testid="data-problems">
          <p>
            <strong>Some of your saved data could not be read.</strong> Backstory works on without
            it; here is what is affected.
          </p>
          <ul>
            {dataProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <section>
        <label class="bs-option">
          <input
            type="checkbox"
            name="enabled"
            checked={settings.enabled}
            onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
          />
          <span>
            <strong>Highlight names on pages</strong>
            <br />
            When off, Backstory leaves every page alone; open tabs follow at once.
          </span>
        </label>
        <label class="bs-option">
          <input
            type="number"
            name="hoverDelayMs"
            min={0}
            max={2000}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(e) => {
              const value = Number(e.currentTarget.value);
              if (Number.isInteger(value) && value >= 0 && value <= 2000)
                onChange({ hoverDelayMs: value }, { typing: true });
            }}
          />
          <span>
            <strong>Delay before a card opens</strong> (milliseconds, 0–2000)
            <br />
            The pointer must rest on a name this long, so sweeping across a page opens nothing.
          </span>
        </label>
        <fieldset class="bs-option-group">
          <legend>
            <strong>Which mentions to highlight</strong>
          </legend>
          <label class="bs-option">
            <input
              type="radio"
              name="density"
              value="all"
              checked={settings.density === 'all'}
              onChange={() => onChange({ density: 'all' })}
            />
            <span>Every mention</span>
          </label>
          <label class="bs-option">
            <input
              type="radio"
              name="density"
              value="first"
              checked={settings.density === 'first'}
              onChange={() => onChange({ density: 'first' })}
            />
            <span>Only the first mention of each name on a page</span>
          </label>
        </fieldset>
        <label class="bs-option">
          <select
            name="theme"
            value={settings.theme}
            onChange={(e) => onChange({ theme: e.currentTarget.value as Settings['theme'] })}
          >
            <option value="auto">Follow the page</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
          <span>
            <strong>Card colours</strong>
            <br />
            "Follow the page" gives dark pages a dark card.
          </span>
        </label>
        <label class="bs-option">
          <input
            type="checkbox"
            name="includeCode"
            checked={settings.includeCode}
            onChange={(e) => onChange({ includeCode: e.currentTarget.checked })}
          />
          <span>
            <strong>Look in code blocks too</strong>
            <br />
            Names inside code and preformatted text are skipped unless this is on.
          </span>
        </label>
        <SiteRules settings={settings} onChange={onChange} />
        <Look settings={settings} onChange={onChange} />
        <Shortcuts
          shortcuts={shortcuts}
          onOpenBrowserSettings={onOpenShortcutSettings}
          howToChange={shortcutsHowTo}
        />
      </section>
      <p class="bs-status" role="status">
        {status ?? ''}
      </p>
      {children}
    </main>
  );
}
