import { slug } from '../dataset/schema';
import { problemAt, quote, type Problem } from '../problems';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Ids unique in the pack and apart from the bundled ones, links that lead somewhere. Reads
 * the raw JSON, not zod's output, so these are reported alongside the schema's problems
 * instead of after the author has fixed those. One pass over the entities and a Map: a pack
 * of 20,000 entities costs no more than reading it.
 */
export function linkProblems(json: unknown, bundled: ReadonlySet<string> = new Set()): Problem[] {
  const entities = isRecord(json) && Array.isArray(json.entities) ? json.entities : [];
  const problems: Problem[] = [];
  const firstAt = new Map<string, number>();
  entities.forEach((entity: unknown, i) => {
    const id = isRecord(entity) ? entity.id : undefined;
    if (typeof id !== 'string') return;
    const path = `entities[${i}].id`;
    const first = firstAt.get(id);
    if (first !== undefined) {
      problems.push(problemAt(path, 'duplicate_id', quote(id), `entities[${first}]`));
    } else firstAt.set(id, i);
    if (bundled.has(id)) problems.push(problemAt(path, 'bundled_id', quote(id)));
  });

  const link = (path: string, target: unknown) => {
    // A malformed target is the schema's to report; saying it also leads nowhere is noise.
    if (typeof target !== 'string' || !slug.safeParse(target).success) return;
    if (firstAt.has(target) || bundled.has(target)) return;
    problems.push(problemAt(path, 'no_such_entity', quote(target)));
  };
  entities.forEach((entity: unknown, i) => {
    if (!isRecord(entity)) return;
    eachItem(entity.relations, (r, j) => link(`entities[${i}].relations[${j}].target`, r.target));
    eachItem(entity.timeline, (t, j) => link(`entities[${i}].timeline[${j}].place`, t.place));
  });
  return problems;
}

function eachItem(list: unknown, visit: (item: Record<string, unknown>, index: number) => void) {
  if (!Array.isArray(list)) return;
  list.forEach((item: unknown, j) => {
    if (isRecord(item)) visit(item, j);
  });
}
