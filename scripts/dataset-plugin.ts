import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { toMatcherPack } from '../src/core/matcher/pack';
import { loadDataset } from './load-dataset';

/** The whole dataset: cards and search (background, popup). */
export const DATASET_MODULE = 'virtual:backstory-dataset';
/** Only what the matcher needs (content script): ids, names and alias rules. */
export const MATCHER_PACK_MODULE = 'virtual:backstory-matcher-pack';

/**
 * Validates `data/` when the extension is built and serves what ships as two modules, so the
 * content script that runs on every page carries only the names, not the cards. An invalid
 * dataset stops the build with a message naming each file and field at fault.
 */
export function datasetPlugin(
  dataDir = fileURLToPath(new URL('../data', import.meta.url)),
): Plugin {
  const modules = new Set([DATASET_MODULE, MATCHER_PACK_MODULE]);
  return {
    name: 'backstory-dataset',
    resolveId(id) {
      return modules.has(id) ? `\0${id}` : undefined;
    },
    load(id) {
      const name = id.startsWith('\0') ? id.slice(1) : undefined;
      if (!name || !modules.has(name)) return undefined;
      this.addWatchFile(resolve(dataDir, 'entities'));
      try {
        const dataset = loadDataset(dataDir);
        const value = name === DATASET_MODULE ? dataset : toMatcherPack(dataset);
        return `export default ${JSON.stringify(value)};`;
      } catch (error) {
        this.error((error as Error).message);
      }
    },
  };
}
