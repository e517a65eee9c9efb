import type { Problem } from '../../core/problems';
import type { BackupPreview } from '../../shared/backup';
import { problemLine } from '../../shared/problem-text';
import { formatList, t } from '../../shared/i18n';
import { JsonFileInput } from './JsonFileInput';

export type RestoreState =
  | { kind: 'idle' }
  | { kind: 'preview'; file: string; preview: BackupPreview; warnings: Problem[] }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string; problems: Problem[] };

interface Props {
  onExport: () => void;
  onChooseBackup: (file: File) => void;
  restore: RestoreState;
  onApply: () => void;
  onCancel: () => void;
}

const list = (names: string[]) => (names.length ? formatList(names) : t('none'));

/** Everything the reader made, exported to one file and imported back, with a preview. */
export function YourData({ onExport, onChooseBackup, restore, onApply, onCancel }: Props) {
  return (
    <section class="bs-your-data" aria-labelledby="bs-your-data-title">
      <h2 id="bs-your-data-title">{t('data_title')}</h2>
      <p>{t('data_help')}</p>
      <p>
        <button type="button" class="bs-button" name="export-all" onClick={onExport}>
          {t('data_export')}
        </button>
      </p>
      <label class="bs-stacked">
        <span>{t('data_import')}</span>
        <JsonFileInput name="backup" onFile={onChooseBackup} />
      </label>
      <div role="status" data-testid="restore-status">
        {restore.kind === 'preview' && (
          <div class="bs-preview-changes">
            <p>{t('data_would_change', restore.file)}</p>
            <ul>
              <li>{t('data_settings', list(restore.preview.settings))}</li>
              <li>{t('data_packs_added', list(restore.preview.packsAdded))}</li>
              <li>{t('data_packs_replaced', list(restore.preview.packsReplaced))}</li>
              <li>{t('data_notes', restore.preview.notesAdded, restore.preview.notesChanged)}</li>
              <li>{t('data_entries_added', list(restore.preview.entriesAdded))}</li>
              <li>{t('data_entries_replaced', list(restore.preview.entriesReplaced))}</li>
              {restore.warnings.map((w, i) => (
                <li key={i}>
                  {t('data_reset_to_default', problemLine(w, t('problem_the_settings')))}
                </li>
              ))}
            </ul>
            <button type="button" class="bs-button" name="apply-backup" onClick={onApply}>
              {t('data_apply')}
            </button>{' '}
            <button type="button" class="bs-link" onClick={onCancel}>
              {t('cancel')}
            </button>
          </div>
        )}
        {restore.kind === 'done' && <p>{restore.message}</p>}
        {restore.kind === 'failed' && (
          <div class="bs-error">
            <p>{restore.message}</p>
            <ul>
              {restore.problems.map((p, i) => (
                <li key={i}>{problemLine(p)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
