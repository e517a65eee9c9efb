import { useEffect, useState } from 'preact/hooks';
import { ENTITY_TYPES, type Entity, type EntityType } from '../../core/dataset/schema';
import type { Problem } from '../../core/problems';
import { t } from '../../shared/i18n';
import { problemLine } from '../../shared/problem-text';
import { typeLabel } from '../labels';

export interface OwnEntryForm {
  name: string;
  aliases: string;
  type: EntityType;
  summary: string;
  note: string;
}

interface Props {
  entries: Entity[];
  /** Text chosen on a page with "Add to Backstory…", to start a new entry from. */
  proposedName?: string;
  /** Saves a new entry; resolves with the problems to show, or none when it was added. */
  onAdd: (form: OwnEntryForm) => Promise<Problem[]>;
  onRemove: (id: string) => void;
}

const EMPTY: OwnEntryForm = { name: '', aliases: '', type: 'person', summary: '', note: '' };

/** The reader's own entries: made from a selection (or here), highlighted like any other. */
export function OwnEntries({ entries, proposedName, onAdd, onRemove }: Props) {
  const [form, setForm] = useState<OwnEntryForm>({ ...EMPTY, name: proposedName ?? '' });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState<string>();
  useEffect(() => {
    if (proposedName) setForm((f) => ({ ...f, name: proposedName }));
  }, [proposedName]);
  const set = (patch: Partial<OwnEntryForm>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <section class="bs-own" aria-labelledby="bs-own-title" id="add">
      <h2 id="bs-own-title">{t('own_title')}</h2>
      {entries.length > 0 && (
        <ul class="bs-packs">
          {entries.map((e) => (
            <li key={e.id} data-own-id={e.id}>
              <span>
                <strong>
                  <bdi>{e.name}</bdi>
                </strong>{' '}
                {t('own_entry_kind', typeLabel(e.type))} — <bdi>{e.summary}</bdi>
              </span>
              <button type="button" class="bs-link" onClick={() => onRemove(e.id)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="bs-own-form"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(undefined);
          void onAdd(form).then((found) => {
            setProblems(found);
            if (found.length === 0) {
              setSaved(t('own_added', form.name.trim()));
              setForm(EMPTY);
            }
          });
        }}
      >
        <label class="bs-stacked">
          <span>{t('own_name')}</span>
          <input
            name="own-name"
            required
            value={form.name}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </label>
        <label class="bs-stacked">
          <span>{t('own_aliases')}</span>
          <input
            name="own-aliases"
            value={form.aliases}
            onInput={(e) => set({ aliases: e.currentTarget.value })}
          />
        </label>
        <label class="bs-stacked">
          <span>{t('own_kind')}</span>
          <select
            name="own-type"
            value={form.type}
            onChange={(e) => set({ type: e.currentTarget.value as EntityType })}
          >
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </label>
        <label class="bs-stacked">
          <span>{t('own_summary')}</span>
          <textarea
            name="own-summary"
            rows={2}
            value={form.summary}
            onInput={(e) => set({ summary: e.currentTarget.value })}
          />
        </label>
        <label class="bs-stacked">
          <span>{t('own_note')}</span>
          <textarea
            name="own-note"
            rows={2}
            value={form.note}
            onInput={(e) => set({ note: e.currentTarget.value })}
          />
        </label>
        <button type="submit" class="bs-button">
          {t('own_submit')}
        </button>
        <div role="status" data-testid="own-status">
          {saved && <p>{saved}</p>}
          {problems.length > 0 && (
            <ul class="bs-field-messages">
              {problems.map((p, i) => (
                <li key={i} class="bs-error">
                  {problemLine(p, t('problem_the_entry'))}
                </li>
              ))}
            </ul>
          )}
        </div>
      </form>
    </section>
  );
}
