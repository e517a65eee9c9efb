import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  DatasetError,
  validateDataset,
  type DatasetFile,
  type FileProblem,
} from '../src/core/dataset/validate';
import type { Dataset } from '../src/core/dataset/schema';
import { notJson, unreadable } from '../src/core/packs/pack';
import { problemText } from '../src/shared/problem-text';

/** Reads `data/meta.json` and `data/entities/*.json` and validates them (Node only). */
export function loadDataset(dataDir: string): Dataset {
  const problems: FileProblem[] = [];
  const read = (path: string): DatasetFile => {
    const name = relative(process.cwd(), path);
    const text = readFileSync(path, 'utf8');
    try {
      return { path: name, json: JSON.parse(text) };
    } catch (error) {
      const problem = error instanceof SyntaxError ? notJson(text, error) : unreadable(error);
      problems.push({ ...problem, file: name });
      return { path: name, json: undefined };
    }
  };
  const meta = read(join(dataDir, 'meta.json'));
  const entityDir = join(dataDir, 'entities');
  const files = readdirSync(entityDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => read(join(entityDir, f)));
  try {
    if (problems.length > 0) throw new DatasetError(problems);
    return validateDataset(meta, files);
  } catch (error) {
    throw error instanceof DatasetError ? new Error(datasetReport(error.problems)) : error;
  }
}

/** The build's log: every problem in English, each with its file and field. */
export function datasetReport(problems: readonly FileProblem[]): string {
  const lines = problems.map(
    (p) => `  - ${p.file}${p.path ? ` → ${p.path}` : ''}: ${problemText(p)}`,
  );
  return `The dataset is invalid (problems found: ${problems.length}):\n${lines.join('\n')}`;
}
