import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { loadDataset } from './load-dataset';

export const DATASET_MODULE = 'virtual:backstory-dataset';
const RESOLVED = `\0${DATASET_MODULE}`;

/**
 * Validates `data/` when the extension is built and serves the result as the module
 * `virtual:backstory-dataset`. An invalid dataset stops the build with a message naming
 * each file and field at fault.
 */
export function datasetPlugin(
  dataDir = fileURLToPath(new URL('../data', import.meta.url)),
): Plugin {
  return {
    name: 'backstory-dataset',
    resolveId(id) {
      return id === DATASET_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(resolve(dataDir, 'entities'));
      try {
        return `export default ${JSON.stringify(loadDataset(dataDir))};`;
      } catch (error) {
        this.error((error as Error).message);
      }
    },
  };
}
