import type { BackupPreview } from '../../shared/backup';
import { JsonFileInput } from './JsonFileInput';

export type RestoreState =
  | { kind: 'idle' }
  | { kind: 'preview'; file: string; preview: BackupPreview; warnings: string[] }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string; problems: string[] };

interface Props {
  onExport: () => void;
  onChooseBackup: (file: File) => void;
  restore: RestoreState;
  onApply: () => void;
  onCancel: () => void;
}

const list = (names: string[]) => (names.length ? names.join(', ') : 'none');

/** Everything the reader made, exported to one file and imported back, with a preview. */
export function YourData({ onExport, onChooseBackup, restore, onApply, onCancel }: Props) {
  return (
    <section class="bs-your-data" aria-labelledby="bs-your-data-title">
      <h2 id="bs-your-data-title">Your data</h2>
      <p>
        Settings, imported packs, notes and your own entries, in one file to keep or to carry to
        another browser.
      </p>
      <p>
        <button type="button" class="bs-button" name="export-all" onClick={onExport}>
          Export everything
        </button>
      </p>
      <label class="bs-stacked">
        <span>Import a Backstory backup (you see what changes before anything does)</span>
        <JsonFileInput name="backup" onFile={onChooseBackup} />
      </label>
      <div role="status" data-testid="restore-status">
        {restore.kind === 'preview' && (
          <div class="bs-preview-changes">
            <p>
              <strong>{restore.file}</strong> would change:
            </p>
            <ul>
              <li>Settings: {list(restore.preview.settings)}</li>
              <li>Packs added: {list(restore.preview.packsAdded)}</li>
              <li>Packs replaced: {list(restore.preview.packsReplaced)}</li>
              <li>
                Notes: {restore.preview.notesAdded} added, {restore.preview.notesChanged} changed
              </li>
              <li>Own entries added: {list(restore.preview.entriesAdded)}</li>
              <li>Own entries replaced: {list(restore.preview.entriesReplaced)}</li>
              {restore.warnings.map((w) => (
                <li key={w}>Reset to default: {w}</li>
              ))}
            </ul>
            <button type="button" class="bs-button" name="apply-backup" onClick={onApply}>
              Apply these changes
            </button>{' '}
            <button type="button" class="bs-link" onClick={onCancel}>
              Cancel
            </button>
          </div>
        )}
        {restore.kind === 'done' && <p>{restore.message}</p>}
        {restore.kind === 'failed' && (
          <div class="bs-error">
            <p>{restore.message}</p>
            <ul>
              {restore.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
