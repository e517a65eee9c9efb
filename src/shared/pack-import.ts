/**
 * Importing a pack file, from the chosen file to the stored pack. The file's size is checked
 * before a byte of it is read (a 200 MB file is refused at once, not after the tab has held
 * it in memory), the text is checked whole, and the stored packs change only when it is
 * valid, so a refused file leaves the pack in use as it was. Reading the file and showing
 * progress are injected (FileReader in the options page).
 */
import { PACK_MAX_BYTES, parsePack, type PackProblem } from '../core/packs/pack';
import { storePack, type PackArea } from './packs';

/** The slice of a File this needs: its name and size are known before reading it. */
export interface ChosenFile {
  name: string;
  size: number;
}

export type ImportOutcome =
  { ok: true; message: string } | { ok: false; message: string; problems: PackProblem[] };

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
  const refused = (why: string, problems: PackProblem[] = []): ImportOutcome => ({
    ok: false,
    message: `${file.name} ${why}. Nothing was changed.`,
    problems,
  });
  if (file.size > PACK_MAX_BYTES)
    return refused(
      `is ${(file.size / 1e6).toFixed(1)} MB; packs may be at most ${PACK_MAX_BYTES / 1e6} MB`,
    );
  try {
    const text = await steps.read(file);
    await steps.checking?.();
    const result = parsePack(text, { bundledIds: steps.bundledIds });
    if (!result.ok) {
      const n = result.problems.length;
      return refused(`was not imported: ${n} problem${n === 1 ? '' : 's'}`, result.problems);
    }
    const info = await storePack(steps.area, result.pack, file.size);
    const note = result.warnings.length ? ` Note: ${result.warnings.join(' ')}` : '';
    return { ok: true, message: `Imported ${info.name}: ${info.entities} entries.${note}` };
  } catch (error) {
    return refused(`was not imported: ${String(error)}`);
  }
}
