import { problemAt, quote, zodProblems, type Problem } from '../problems';
import { datasetMetaSchema, entitySchema, type Dataset, type Entity } from './schema';

/** One source file of the dataset, as read from `data/` (or from an import). */
export interface DatasetFile {
  path: string;
  json: unknown;
}

/** A problem in one file of data/. */
export interface FileProblem extends Problem {
  file: string;
}

/**
 * Thrown with every problem found, each naming its file and field, so one run fixes them all.
 * The problems are data; scripts/load-dataset.ts words them (in English) for the build's log.
 */
export class DatasetError extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(`The dataset is invalid (problems found: ${problems.length})`);
    this.name = 'DatasetError';
  }
}

const inFile = (file: string, problems: Problem[]): FileProblem[] =>
  problems.map((p) => ({ ...p, file }));

/**
 * Validates the metadata and entity files and the links between them (unique ids, ids matching
 * file names, related ids that exist). Returns the dataset with entities sorted by id so builds
 * are reproducible; throws a DatasetError listing every problem otherwise.
 */
export function validateDataset(meta: DatasetFile, entityFiles: DatasetFile[]): Dataset {
  const problems: FileProblem[] = [];
  const parsedMeta = datasetMetaSchema.safeParse(meta.json, { reportInput: true });
  if (!parsedMeta.success) problems.push(...inFile(meta.path, zodProblems(parsedMeta.error)));

  const entities: Entity[] = [];
  const paths: string[] = [];
  const fileOf = new Map<string, string>();
  for (const file of entityFiles) {
    const parsed = entitySchema.safeParse(file.json, { reportInput: true });
    if (!parsed.success) {
      problems.push(...inFile(file.path, zodProblems(parsed.error)));
      // Its id still counts as known, so one broken file does not also flag every link to it.
      const id = (file.json as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && !fileOf.has(id)) fileOf.set(id, file.path);
      continue;
    }
    const entity = parsed.data;
    const expected = file.path.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
    const at = (code: 'id_not_file_name' | 'id_in_other_file', other: string) =>
      problems.push({ ...problemAt('id', code, quote(entity.id), other), file: file.path });
    if (expected !== entity.id) at('id_not_file_name', quote(`${expected}.json`));
    const other = fileOf.get(entity.id);
    if (other) at('id_in_other_file', other);
    fileOf.set(entity.id, file.path);
    entities.push(entity);
    paths.push(file.path);
  }

  const missing = (path: string, at: string, id: string) => {
    if (!fileOf.has(id))
      problems.push({ ...problemAt(at, 'no_entity_with_id', quote(id)), file: path });
  };
  entities.forEach((entity, e) => {
    const path = paths[e]!;
    entity.relations.forEach((r, i) => missing(path, `relations[${i}].target`, r.target));
    entity.timeline.forEach((t, i) => t.place && missing(path, `timeline[${i}].place`, t.place));
  });
  if (entityFiles.length === 0)
    problems.push({ ...problemAt('', 'no_entity_files'), file: 'data/entities' });
  if (problems.length > 0 || !parsedMeta.success) throw new DatasetError(problems);

  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { meta: parsedMeta.data, entities };
}
