import type { ComponentChildren } from 'preact';
import type { Problem } from '../core/problems';
import type { Settings } from '../shared/settings';
import { problemLine } from '../shared/problem-text';
import { t } from '../shared/i18n';
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
  problems?: Problem[];
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
      <h1>{t('options_title')}</h1>
      {problems.length > 0 && (
        <div class="bs-banner" role="alert" data-testid="settings-problems">
          <p>
            <strong>{t('options_settings_reset')}</strong> {t('options_settings_reset_copy')}
          </p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{problemLine(p, t('problem_the_settings'))}</li>
            ))}
          </ul>
          {onDismissProblems && (
            <button type="button" class="bs-link" onClick={onDismissProblems}>
              {t('dismiss')}
            </button>
          )}
        </div>
      )}
      {dataProblems.length > 0 && (
        <div class="bs-banner" role="alert" data-testid="data-problems">
          <p>
            <strong>{t('options_data_unreadable')}</strong> {t('options_data_unreadable_more')}
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
            <strong>{t('options_enabled')}</strong>
            <br />
            {t('options_enabled_help')}
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
            <strong>{t('options_delay')}</strong> {t('options_delay_unit', 0, 2000)}
            <br />
            {t('options_delay_help')}
          </span>
        </label>
        <fieldset class="bs-option-group">
          <legend>
            <strong>{t('options_density')}</strong>
          </legend>
          <label class="bs-option">
            <input
              type="radio"
              name="density"
              value="all"
              checked={settings.density === 'all'}
              onChange={() => onChange({ density: 'all' })}
            />
            <span>{t('options_density_all')}</span>
          </label>
          <label class="bs-option">
            <input
              type="radio"
              name="density"
              value="first"
              checked={settings.density === 'first'}
              onChange={() => onChange({ density: 'first' })}
            />
            <span>{t('options_density_first')}</span>
          </label>
        </fieldset>
        <label class="bs-option">
          <select
            name="theme"
            value={settings.theme}
            onChange={(e) => onChange({ theme: e.currentTarget.value as Settings['theme'] })}
          >
            <option value="auto">{t('options_theme_auto')}</option>
            <option value="light">{t('options_theme_light')}</option>
            <option value="dark">{t('options_theme_dark')}</option>
          </select>
          <span>
            <strong>{t('options_theme')}</strong>
            <br />
            {t('options_theme_help')}
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
            <strong>{t('options_code')}</strong>
            <br />
            {t('options_code_help')}
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
