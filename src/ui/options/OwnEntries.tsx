import { useEffect, useState } from 'preact/hooks';
import { ENTITY_TYPES, type Entity, type EntityType } from '../../core/dataset/schema';
import { TYPE_LABEL } from '../labels';

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
  onAdd: (form: OwnEntryForm) => Promise<string[]>;
  onRemove: (id: string) => void;
}

const EMPTY: OwnEntryForm = { name: '', aliases: '', type: 'person', summary: '', note: '' };

/** The reader's own entries: made from a selection (or here), highlighted like any other. */
export function OwnEntries({ entries, proposedName, onAdd, onRemove }: Props) {
  const [form, setForm] = useState<OwnEntryForm>({ ...EMPTY, name: proposedName ?? '' });
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string>();
  useEffect(() => {
    if (proposedName) setForm((f) => ({ ...f, name: proposedName }));
  }, [proposedName]);
  const set = (patch: Partial<OwnEntryForm>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <section class="bs-own" aria-labelledby="bs-own-title" id="add">
      <h2 id="bs-own-title">Your own entries</h2>
      {entries.length > 0 && (
        <ul class="bs-packs">
          {entries.map((e) => (
            <li key={e.id} data-own-id={e.id}>
              <span>
                <strong>{e.name}</strong> ({TYPE_LABEL[e.type]}) — {e.summary}
              </span>
              <button type="button" class="bs-link" onClick={() => onRemove(e.id)}>
                Remove
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
              setSaved(`Added ${form.name.trim()}: it is highlighted on pages from now on.`);
              setForm(EMPTY);
            }
          });
        }}
      >
        <label class="bs-stacked">
          <span>Name</span>
          <input
            name="own-name"
            required
            value={form.name}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </label>
        <label class="bs-stacked">
          <span>Other names (comma-separated)</span>
          <input
            name="own-aliases"
            value={form.aliases}
            onInput={(e) => set({ aliases: e.currentTarget.value })}
          />
        </label>
        <label class="bs-stacked">
          <span>Kind</span>
          <select
            name="own-type"
            value={form.type}
            onChange={(e) => set({ type: e.currentTarget.value as EntityType })}
          >
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABEL[t]}
              </option>
            ))}
          </select>
        </label>
        <label class="bs-stacked">
          <span>Summary (who or what it is, in a sentence or two)</span>
          <textarea
            name="own-summary"
            rows={2}
            value={form.summary}
            onInput={(e) => set({ summary: e.currentTarget.value })}
          />
        </label>
        <label class="bs-stacked">
          <span>Note (only for you)</span>
          <textarea
            name="own-note"
            rows={2}
            value={form.note}
            onInput={(e) => set({ note: e.currentTarget.value })}
          />
        </label>
        <button type="submit" class="bs-button">
          Add to Backstory
        </button>
        <div role="status" data-testid="own-status">
          {saved && <p>{saved}</p>}
          {problems.length > 0 && (
            <ul class="bs-field-messages">
              {problems.map((p) => (
                <li key={p} class="bs-error">
                  {p}
                </li>
              ))}
            </ul>
          )}
        </div>
      </form>
    </section>
  );
}
