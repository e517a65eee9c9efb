/**
 * Importing a pack file, from the chosen file to the stored pack. The file's size is checked
 * before a byte of it is read (a 200 MB file is refused at once, not after the tab has held
 * it in memory), the text is checked whole, and the stored packs change only when it is
 * valid, so a refused file leaves the pack in use as it was. Reading the file and showing
 * progress are injected (FileReader in the options page).
 */
import { PACK_MAX_BYTES, parsePack } from '../core/packs/pack';
import type { Problem } from '../core/problems';
import { storePack, type PackArea } from './packs';
import { formatNumber, t } from './i18n';
import { problemText } from './problem-text';

/** The slice of a File this needs: its name and size are known before reading it. */
export interface ChosenFile {
  name: string;
  size: number;
}

export type ImportOutcome =
  { ok: true; message: string } | { ok: false; message: string; problems: Problem[] };

export interface ImportSteps<F extends ChosenFile> {
  area: PackArea;
  bundledIds: ReadonlySet<string>;
  read: (file: F) => Promise<string>;
  /** Called after reading, before the (possibly long) check. */
  checking?: () => Promise<void> | void;
}

export async function importPackFile<F extends ChosenFile>(
  file: F,
  steps: ImportSteps<F>,
): Promise<ImportOutcome> {
  const refused = (message: string, problems: Problem[] = []): ImportOutcome => ({
    ok: false,
    message,
    problems,
  });
  if (file.size > PACK_MAX_BYTES)
    return refused(
      t(
        'pack_too_big',
        file.name,
        formatNumber(file.size / 1e6, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
        PACK_MAX_BYTES / 1e6,
      ),
    );
  try {
    const text = await steps.read(file);
    await steps.checking?.();
    const result = parsePack(text, { bundledIds: steps.bundledIds });
    if (!result.ok) {
      return refused(t('pack_problems', file.name, result.problems.length), result.problems);
    }
    const info = await storePack(steps.area, result.pack, file.size);
    const imported = t('pack_imported', info.name, info.entities);
    const message = result.warnings.length
      ? t('pack_imported_with_note', imported, result.warnings.map(problemText).join(' '))
      : imported;
    return { ok: true, message };
  } catch (error) {
    return refused(t('pack_not_imported', file.name, String(error)));
  }
}
