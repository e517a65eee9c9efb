import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DatasetError, validateDataset, type DatasetFile } from '../src/core/dataset/validate';
import type { Dataset } from '../src/core/dataset/schema';

/** Reads `data/meta.json` and `data/entities/*.json` and validates them (Node only). */
export function loadDataset(dataDir: string): Dataset {
  const problems: string[] = [];
  const read = (path: string): DatasetFile => {
    const name = relative(process.cwd(), path);
    try {
      return { path: name, json: JSON.parse(readFileSync(path, 'utf8')) };
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
      return { path: name, json: undefined };
    }
  };
  const meta = read(join(dataDir, 'meta.json'));
  const entityDir = join(dataDir, 'entities');
  const files = readdirSync(entityDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => read(join(entityDir, f)));
  if (problems.length > 0) throw new DatasetError(problems);
  return validateDataset(meta, files);
}
