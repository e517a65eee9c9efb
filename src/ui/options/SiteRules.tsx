import { useEffect, useRef, useState } from 'preact/hooks';
import { parseHostPattern } from '../../shared/hosts';
import { formatList, t } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';

interface Props {
  settings: Settings;
  onChange: (patch: Partial<Settings>, how?: { typing?: boolean }) => void;
}

/**
 * Where Backstory runs: everywhere except a list of sites, or only on a list. The list is
 * edited as text, one host per line; it is saved only when every line is a valid host
 * pattern, and each bad line gets its own message.
 */
export function SiteRules({ settings, onChange }: Props) {
  const stored = settings.siteList.join('\n');
  const [draft, setDraft] = useState(stored);
  // What this editor saved last: a list coming back the same is ours (keep the draft as
  // typed); a different one was changed elsewhere (show it).
  const savedHere = useRef(stored);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // Never under the reader's fingers: a list changed elsewhere shows once they leave the field.
    if (stored !== savedHere.current && document.activeElement !== field.current) setDraft(stored);
    savedHere.current = stored;
  }, [stored]);
  const lines = draft.split('\n').map((l) => l.trim());
  const checked = lines.map((line, i) => ({
    line,
    i,
    result: line ? parseHostPattern(line) : undefined,
  }));
  const errors = checked.filter((c) => c.result && !c.result.ok);
  const notes = checked.filter((c) => c.result?.ok && c.result.note);

  const save = (text: string) => {
    setDraft(text);
    const parsed = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map(parseHostPattern);
    if (parsed.every((p) => p.ok)) {
      const siteList = [...new Set(parsed.map((p) => (p.ok ? p.pattern : '')))];
      savedHere.current = siteList.join('\n');
      onChange({ siteList }, { typing: true });
    }
  };

  return (
    <fieldset class="bs-option-group">
      <legend>
        <strong>{t('sites_title')}</strong>
      </legend>
      <label class="bs-option">
        <input
          type="radio"
          name="siteMode"
          value="except"
          checked={settings.siteMode === 'except'}
          onChange={() => onChange({ siteMode: 'except' })}
        />
        <span>{t('sites_except')}</span>
      </label>
      <label class="bs-option">
        <input
          type="radio"
          name="siteMode"
          value="only"
          checked={settings.siteMode === 'only'}
          onChange={() => onChange({ siteMode: 'only' })}
        />
        <span>{t('sites_only')}</span>
      </label>
      <label class="bs-stacked">
        <span>{t('sites_help', 'example.com', '*.example.com')}</span>
        <textarea
          ref={field}
          name="siteList"
          rows={5}
          spellcheck={false}
          dir="ltr"
          aria-invalid={errors.length > 0}
          aria-describedby="bs-site-errors"
          value={draft}
          onInput={(e) => save(e.currentTarget.value)}
        />
      </label>
      <ul id="bs-site-errors" class="bs-field-messages" aria-live="polite">
        {errors.map(({ i, result }) => (
          <li key={`e${i}`} class="bs-error">
            {t('sites_line_error', i + 1, result && !result.ok ? result.message : '')}
          </li>
        ))}
        {notes.map(({ i, result }) => (
          <li key={`n${i}`}>
            {t('sites_line_note', i + 1, result?.ok ? (result.note ?? '') : '')}
          </li>
        ))}
      </ul>
      {settings.pausedSites.length > 0 && (
        <p>
          {t('sites_paused', formatList(settings.pausedSites))}{' '}
          <button type="button" class="bs-link" onClick={() => onChange({ pausedSites: [] })}>
            {t('sites_resume_all')}
          </button>
        </p>
      )}
    </fieldset>
  );
}
