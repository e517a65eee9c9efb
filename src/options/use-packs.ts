/**
 * The options page's datasets: the bundled one's facts, the imported packs, and importing a
 * file (read with progress, checked whole, stored only when valid), enabling, removing and
 * exporting packs.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Dataset } from '../core/dataset/schema';
import { PACK_MAX_BYTES } from '../core/packs/pack';
import { importPackFile } from '../shared/pack-import';
import {
  listPacks,
  packContents,
  PACKS_KEY,
  removePack,
  setPackEnabled,
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
    setImportState({ kind: 'reading', percent: 0 });
    const outcome = await importPackFile(file, {
      area,
      bundledIds: new Set(bundled.entities.map((e) => e.id)),
      read: (f) => readText(f, (percent) => setImportState({ kind: 'reading', percent })),
      // Let the "checking" message paint before the (possibly long) check.
      checking: () => {
        setImportState({ kind: 'checking' });
        return new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    setImportState(
      outcome.ok
        ? { kind: 'done', message: outcome.message }
        : { kind: 'failed', message: outcome.message, problems: outcome.problems },
    );
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
