/** The options page's export and import of everything the reader made. */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { settingsAreas } from '../platform/settings-areas';
import {
  applyBackup,
  makeBackup,
  previewBackup,
  readBackupFile,
  type Backup,
} from '../shared/backup';
import type { RestoreState } from '../ui/options/YourData';
import { t } from '../shared/i18n';

/** Offers `text` as a file download. */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `bundledIds`: a backup's packs may not redefine the bundled dataset's entities. */
export function useYourData(bundledIds: ReadonlySet<string>) {
  const areas = { ...settingsAreas(), local: browser.storage.local };
  const [restore, setRestore] = useState<RestoreState>({ kind: 'idle' });
  const [chosen, setChosen] = useState<Backup>();

  const failed = (error: unknown) =>
    setRestore({ kind: 'failed', message: t('data_not_imported', String(error)), problems: [] });

  return {
    restore,
    onExport: () =>
      void makeBackup(areas).then((backup) =>
        download(
          `backstory-backup-${backup.exportedAt.slice(0, 10)}.json`,
          JSON.stringify(backup, null, 2),
        ),
      ),
    onChooseBackup: (file: File) =>
      void readBackupFile(file, (f) => f.text(), { bundledIds }).then(async (parsed) => {
        if (!parsed.ok) {
          setRestore({
            kind: 'failed',
            message: parsed.message ?? t('backup_not_imported', file.name),
            problems: parsed.problems,
          });
          return;
        }
        setChosen(parsed.backup);
        setRestore({
          kind: 'preview',
          file: file.name,
          preview: await previewBackup(areas, parsed.backup),
          warnings: parsed.settingsProblems,
        });
      }, failed),
    onApply: () => {
      if (!chosen) return;
      void applyBackup(areas, chosen).then(() => {
        setChosen(undefined);
        setRestore({ kind: 'done', message: t('data_imported') });
      }, failed);
    },
    onCancel: () => {
      setChosen(undefined);
      setRestore({ kind: 'idle' });
    },
  };
}
