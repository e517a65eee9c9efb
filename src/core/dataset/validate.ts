import type { z } from 'zod';
import { datasetMetaSchema, entitySchema, type Dataset, type Entity } from './schema';

/** One source file of the dataset, as read from `data/` (or from an import). */
export interface DatasetFile {
  path: string;
  json: unknown;
}

/** Thrown with every problem found, each naming its file and field, so one run fixes them all. */
export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The dataset is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'DatasetError';
  }
}

/** `facts[0].sources[1].url`: how every problem names its field, in data/ and in packs. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
}

function describe(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const at = fieldPath(issue.path);
    return `${file}${at ? ` → ${at}` : ''}: ${issue.message}`;
  });
}

/**
 * Validates the metadata and entity files and the links between them (unique ids, ids matching
 * file names, related ids that exist). Returns the dataset with entities sorted by id so builds
 * are reproducible; throws a DatasetError listing every problem otherwise.
 */
export function validateDataset(meta: DatasetFile, entityFiles: DatasetFile[]): Dataset {
  const problems: string[] = [];
  const parsedMeta = datasetMetaSchema.safeParse(meta.json);
  if (!parsedMeta.success) problems.push(...describe(meta.path, parsedMeta.error));

  const entities: Entity[] = [];
  const paths: string[] = [];
  const fileOf = new Map<string, string>();
  for (const file of entityFiles) {
    const parsed = entitySchema.safeParse(file.json);
    if (!parsed.success) {
      problems.push(...describe(file.path, parsed.error));
      // Its id still counts as known, so one broken file does not also flag every link to it.
      const id = (file.json as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && !fileOf.has(id)) fileOf.set(id, file.path);
      continue;
    }
    const entity = parsed.data;
    const expected = file.path.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
    if (expected !== entity.id) {
      problems.push(
        `${file.path} → id: "${entity.id}" does not match the file name "${expected}.json"`,
      );
    }
    const other = fileOf.get(entity.id);
    if (other) problems.push(`${file.path} → id: "${entity.id}" is already used by ${other}`);
    fileOf.set(entity.id, file.path);
    entities.push(entity);
    paths.push(file.path);
  }

  const missing = (path: string, at: string, id: string) => {
    if (!fileOf.has(id)) problems.push(`${path} → ${at}: no entity has the id "${id}"`);
  };
  entities.forEach((entity, e) => {
    const path = paths[e]!;
    entity.relations.forEach((r, i) => missing(path, `relations[${i}].target`, r.target));
    entity.timeline.forEach((t, i) => t.place && missing(path, `timeline[${i}].place`, t.place));
  });
  if (entityFiles.length === 0) problems.push('no entity files were found');
  if (problems.length > 0 || !parsedMeta.success) throw new DatasetError(problems);

  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { meta: parsedMeta.data, entities };
}
