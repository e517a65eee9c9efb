/**
 * The options page's datasets: the bundled one's facts, the imported packs, and importing a
 * file (read with progress, checked whole, stored only when valid), enabling, removing and
 * exporting packs.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Dataset } from '../core/dataset/schema';
import { PACK_MAX_BYTES, parsePack } from '../core/packs/pack';
import {
  listPacks,
  packContents,
  PACKS_KEY,
  removePack,
  setPackEnabled,
  storePack,
  type StoredPackInfo,
} from '../shared/packs';
import type { ImportState } from '../ui/options/Datasets';
import { download } from './use-your-data';

function readText(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) =>
      e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

export function usePacks(bundled: Dataset) {
  const area = browser.storage.local;
  const [packs, setPacks] = useState<StoredPackInfo[]>([]);
  const [importState, setImportState] = useState<ImportState>({ kind: 'idle' });
  const refresh = () => void listPacks(area).then(setPacks);

  useEffect(() => {
    refresh();
    const onChanged = (changes: Record<string, unknown>, where: string) => {
      if (where === 'local' && PACKS_KEY in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const onImport = async (file: File) => {
    if (file.size > PACK_MAX_BYTES) {
      setImportState({
        kind: 'failed',
        message: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; packs may be at most ${PACK_MAX_BYTES / 1e6} MB. Nothing was changed.`,
        problems: [],
      });
      return;
    }
    try {
      setImportState({ kind: 'reading', percent: 0 });
      const text = await readText(file, (percent) => setImportState({ kind: 'reading', percent }));
      setImportState({ kind: 'checking' });
      // Let the "checking" message paint before the (possibly long) check.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const result = parsePack(text, { bundledIds: new Set(bundled.entities.map((e) => e.id)) });
      if (!result.ok) {
        setImportState({
          kind: 'failed',
          message: `${file.name} was not imported: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}. Nothing was changed.`,
          problems: result.problems,
        });
        return;
      }
      const info = await storePack(area, result.pack, file.size);
      setImportState({
        kind: 'done',
        message: `Imported ${info.name}: ${info.entities} entries.${result.warnings.length ? ` Note: ${result.warnings.join(' ')}` : ''}`,
      });
    } catch (error) {
      setImportState({
        kind: 'failed',
        message: `${file.name} was not imported: ${String(error)}. Nothing was changed.`,
        problems: [],
      });
    }
  };

  const onExport = async (id: string) => {
    const info = packs.find((p) => p.id === id);
    const contents = info && (await packContents(area, info));
    if (!contents) return;
    download(`${id}.backstory-pack.json`, JSON.stringify(contents, null, 2));
  };

  return {
    bundled: {
      version: bundled.meta.version,
      entities: bundled.entities.length,
      checked: bundled.meta.checked,
    },
    packs,
    maxMegabytes: PACK_MAX_BYTES / 1e6,
    importState,
    onImport: (file: File) => void onImport(file),
    onToggle: (id: string, enabled: boolean) => void setPackEnabled(area, id, enabled),
    onRemove: (id: string) => void removePack(area, id),
    onExport: (id: string) => void onExport(id),
  };
}
