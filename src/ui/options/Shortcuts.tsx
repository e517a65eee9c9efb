import { t } from '../../shared/i18n';

export interface Shortcut {
  name: string;
  description: string;
  /** The keys now assigned; empty when the reader removed them. */
  shortcut: string;
}

interface Props {
  shortcuts: Shortcut[];
  /** Opens the browser's own shortcut settings, where they can be changed. */
  onOpenBrowserSettings?: () => void;
  /** Where the browser keeps them when it cannot be opened from here. */
  howToChange: string;
}

/** The keyboard commands and their current keys; they are changed in the browser's settings. */
export function Shortcuts({ shortcuts, onOpenBrowserSettings, howToChange }: Props) {
  return (
    <fieldset class="bs-option-group">
      <legend>
        <strong>{t('shortcuts_title')}</strong>
      </legend>
      <table class="bs-shortcuts">
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.name}>
              <td>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <em>{t('shortcuts_not_set')}</em>}</td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {howToChange}{' '}
        {onOpenBrowserSettings && (
          <button type="button" class="bs-link" onClick={onOpenBrowserSettings}>
            {t('shortcuts_change')}
          </button>
        )}
      </p>
    </fieldset>
  );
}
