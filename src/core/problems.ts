import type { z } from 'zod';

/**
 * What is wrong with a piece of input (a pack, a backup, stored settings, the "Add to Backstory"
 * form), as data rather than English: a stable code, the field at fault and the values its
 * message needs. The core stays free of any language; the UI words each problem through its
 * message catalogue (`problem_<code>`, see src/shared/problem-text.ts), so a reader with the UI
 * in Persian or Arabic reads it in their language, and the field path stays as written.
 */

/**
 * How each parameter is shown: `count` a number in the reader's digits; `value` and `values`
 * the author's own text (ids, keys, allowed values), quoted as written; `kind` and `kinds`
 * a kind of JSON value (see VALUE_KINDS), translated; `size` a number of bytes; `path` a field
 * path; `detail` the browser's own words (a JSON parser's message), quoted as they came.
 */
export type ParamKind =
  'count' | 'value' | 'values' | 'kind' | 'kinds' | 'size' | 'path' | 'detail';

/** Every problem the core can report, with the kinds of its message's parameters, in order. */
export const PROBLEMS = {
  // zod's own issues, mapped by `zodProblems`
  required: [],
  wrong_type: ['kind', 'kind'],
  wrong_type_any: ['kinds'],
  no_form_fits: [],
  empty: [],
  too_short: ['count'],
  too_long: ['count'],
  too_few: ['count'],
  too_many: ['count'],
  too_small: ['count'],
  too_large: ['count'],
  one_of: ['values'],
  unknown_field: ['value'],
  unknown_fields: ['values'],
  bad_key: ['value'],
  bad_format: [],
  invalid: [],
  // formats and rules of our schemas, named by the schema (see `problem`)
  slug: [],
  partial_date: [],
  https_url: [],
  language_tag: [],
  dataset_version: [],
  colour: [],
  host_pattern: [],
  bidi_controls: [],
  summary_too_short: ['count'],
  summary_too_long: ['count'],
  no_sources: [],
  no_readings: [],
  no_entities: [],
  date_and_interval: [],
  fact_needs_date: [],
  ends_before_start: [],
  not_a_pack: ['value'],
  pack_format_version: ['value'],
  not_a_backup: ['value'],
  backup_too_new: [],
  // whole files
  file_empty: [],
  file_too_big: ['size', 'size'],
  not_json: ['count', 'count', 'detail'],
  not_json_cut_short: ['count', 'count', 'detail'],
  unreadable: ['detail'],
  more_problems: ['count'],
  ignored_field: ['value'],
  // links between entities
  duplicate_id: ['value', 'path'],
  bundled_id: ['value'],
  no_such_entity: ['value'],
  // the bundled dataset (data/, checked at build time)
  id_not_file_name: ['value', 'value'],
  id_in_other_file: ['value', 'path'],
  no_entity_with_id: ['value'],
  no_entity_files: [],
  // stored settings
  settings_not_object: [],
  settings_too_new: ['count'],
} as const satisfies Record<string, readonly ParamKind[]>;

export type ProblemCode = keyof typeof PROBLEMS;

/**
 * Problems with the input as a whole whose messages are sentences of their own ("The file is
 * empty."); every other message follows the field it is about ("name: must not be empty").
 */
export const SENTENCES: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'file_empty',
  'file_too_big',
  'not_json',
  'not_json_cut_short',
  'unreadable',
  'more_problems',
  'ignored_field',
  'no_entity_files',
  'settings_not_object',
  'settings_too_new',
]);
export type ProblemParam = string | number | readonly string[];

export interface Problem {
  /** The field at fault (`entities[12].aliases[0]`); "" for the input as a whole. */
  path: string;
  code: ProblemCode;
  /** The message's values, in the order and of the kinds PROBLEMS gives. */
  params: readonly ProblemParam[];
}

export const problemAt = (path: string, code: ProblemCode, ...params: ProblemParam[]): Problem => ({
  path,
  code,
  params,
});

/**
 * The kinds of JSON value a message can name, translated as `kind_<kind>`. zod's `int` is a
 * whole number; anything else zod may expect reads as `other`.
 */
export const VALUE_KINDS = [
  'string',
  'number',
  'int',
  'boolean',
  'object',
  'array',
  'null',
  'undefined',
  'other',
] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/** zod's names for what JSON can only write as an object or a list. */
const SAME_IN_JSON: Record<string, ValueKind> = {
  record: 'object',
  map: 'object',
  tuple: 'array',
  set: 'array',
};

const asKind = (name: string): ValueKind =>
  (VALUE_KINDS as readonly string[]).includes(name)
    ? (name as ValueKind)
    : (SAME_IN_JSON[name] ?? 'other');

/** What a JSON value is, in the words of VALUE_KINDS. */
export function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return asKind(typeof value);
}

/**
 * A schema's own message for a check: the problem's code, which `zodProblems` recognises.
 * Typed, so a schema cannot name a problem that has no message.
 */
export const problem = (code: ProblemCode): string => code;

const isCode = (message: string): message is ProblemCode => Object.hasOwn(PROBLEMS, message);

/** `facts[0].sources[1].url`: how every problem names its field, in data/ and in packs. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
}

/** Field values quoted back in messages are the author's text: keep them to a readable size. */
export function clip(value: string, max = 300): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

export const quote = (value: string): string => JSON.stringify(clip(value, 80));

/** A file that is wrong everywhere needs its first screenful of problems, not 50,000 of them. */
const MAX_PROBLEMS = 200;

export function capped(problems: Problem[], max = MAX_PROBLEMS): Problem[] {
  if (problems.length <= max) return problems;
  return [...problems.slice(0, max), problemAt('', 'more_problems', problems.length - max)];
}

/**
 * zod's issues as problems. Parse with `{ reportInput: true }`: a missing field (no input)
 * then reads "is required", and a wrong type says what was there instead.
 */
export function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): Problem[] {
  return error.issues
    .flatMap((issue) => unwrapUnion(issue))
    .map((issue) => ({ ...fromIssue(issue), path: fieldPath([...prefix, ...issue.path]) }));
}

/** A value as JSON writes it: strings quoted, numbers and the rest as they are. */
const literal = (value: unknown): string =>
  typeof value === 'string' ? quote(value) : String(value);

type Issue = z.core.$ZodIssue & { input?: unknown };
type Found = { code: ProblemCode; params: ProblemParam[] };

function fromIssue(issue: Issue): Found {
  const own = isCode(issue.message) ? issue.message : undefined;
  const found = (code: ProblemCode, ...params: ProblemParam[]): Found => ({ code, params });
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return found('required');
      return found('wrong_type', asKind(issue.expected), kindOf(issue.input));
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = Number(big ? issue.maximum : issue.minimum);
      if (own) return found(own, ...(PROBLEMS[own].length ? [limit] : []));
      if (issue.origin === 'string') {
        if (!big && limit === 1) return found('empty');
        return found(big ? 'too_long' : 'too_short', limit);
      }
      if (issue.origin === 'array' || issue.origin === 'set')
        return found(big ? 'too_many' : 'too_few', limit);
      return found(big ? 'too_large' : 'too_small', limit);
    }
    case 'invalid_value':
      if (own && PROBLEMS[own].length === 1) return found(own, literal(issue.values[0]));
      if (own) return found(own);
      return found('one_of', issue.values.map(literal));
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? found('unknown_field', quote(issue.keys[0]!))
        : found('unknown_fields', issue.keys.map(quote));
    case 'invalid_key':
      return found('bad_key', quote(String(issue.path.at(-1) ?? '')));
    case 'invalid_format':
      return own ? found(own) : found('bad_format');
    case 'invalid_union':
      if ('expected' in issue) return found('wrong_type_any', issue.expected as string[]);
      return found('no_form_fits');
    default:
      return own && PROBLEMS[own].length === 0 ? found(own) : found('invalid');
  }
}

/**
 * zod says only "Invalid input" when no branch of a union fits. An alias is a string or an
 * object: when the value is an object, the author meant the object, so its own problems
 * ("text: is required") are the useful ones; when it is neither, name what would fit.
 */
function unwrapUnion(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const wrongType = (issues: z.core.$ZodIssue[]) =>
    issues.length === 1 && issues[0]!.code === 'invalid_type' && issues[0]!.path.length === 0;
  const meant = issue.errors.filter((issues) => !wrongType(issues));
  if (meant.length === 1) {
    return meant[0]!.flatMap((inner) =>
      unwrapUnion({ ...inner, path: [...issue.path, ...inner.path] }),
    );
  }
  if (meant.length > 0) return [issue];
  const expected = issue.errors.map((issues) => {
    const first = issues[0];
    return first?.code === 'invalid_type' ? asKind(first.expected) : 'other';
  });
  return [{ ...issue, expected } as unknown as Issue];
}
