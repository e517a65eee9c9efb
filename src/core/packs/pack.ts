import { z } from '../zod';
import { entitySchema, httpsUrl, partialDate, slug, text } from '../dataset/schema';
import { jsonErrorPosition } from './json-error';
import { linkProblems } from './links';
import { capped, clip, problem, problemAt, quote, zodProblems, type Problem } from '../problems';

/** A pack's problems are the core's problems; the name stays for readers of this module. */
export type PackProblem = Problem;

/**
 * A dataset pack: entities in the bundled dataset's own schema, in one JSON file that a reader
 * imports and anyone can build. The file is someone else's text: it is parsed as data
 * (JSON.parse, then zod), never evaluated, and every problem is reported with the field at
 * fault so an author can fix them all in one go. The format is documented in data/README.md.
 */

export const PACK_FORMAT = 'backstory-pack';
export const PACK_FORMAT_VERSION = 1;
/** Room for some 20,000 entities; beyond that, reading and matching would stall the browser. */
export const PACK_MAX_BYTES = 25_000_000;

// meta and the entities reject unknown fields: there they are nearly always typos that would
// silently lose a name or a fact. The top level only drops them, with a warning, so a newer
// pack tool may add a field (a generator name, say) without breaking import.
export const packMetaSchema = z.strictObject({
  id: slug.describe('the pack id, a lowercase slug; stays the same across versions'),
  name: text.max(120),
  version: text.max(40),
  checked: partialDate.describe('facts checked as of'),
  licence: text.max(500),
  description: text.max(1500).optional(),
  homepage: httpsUrl.optional(),
});
export type PackMeta = z.infer<typeof packMetaSchema>;

export const packSchema = z
  .object({
    $schema: z.string().optional().describe('for editors: a path or URL of pack.schema.json'),
    format: z.literal(PACK_FORMAT, problem('not_a_pack')),
    formatVersion: z.literal(PACK_FORMAT_VERSION, problem('pack_format_version')),
    meta: packMetaSchema,
    entities: z.array(entitySchema).min(1, problem('no_entities')),
  })
  .meta({
    title: 'Backstory dataset pack',
    description: 'Entities to highlight and explain on news pages; see data/README.md.',
  });
export type Pack = z.infer<typeof packSchema>;
/** The file as authors write it: arrays with a default may be left out. */
export type PackInput = z.input<typeof packSchema>;

export interface ParsePackOptions {
  /** Ids of the bundled dataset: links to them are fine, redefining them is not. */
  bundledIds?: ReadonlySet<string>;
  maxBytes?: number;
}

export type ParsePackResult =
  { ok: true; pack: Pack; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function parsePack(input: string, options: ParsePackOptions = {}): ParsePackResult {
  const maxBytes = options.maxBytes ?? PACK_MAX_BYTES;
  const bytes = utf8Length(input, maxBytes);
  if (bytes > maxBytes) {
    return { ok: false, problems: [problemAt('', 'file_too_big', bytes, maxBytes)] };
  }
  // Editors on Windows may save a byte order mark; it is not part of the JSON.
  const read = readJson(input.replace(/^\uFEFF/, ''));
  if ('problem' in read) return { ok: false, problems: [read.problem] };

  const parsed = validate(read.json);
  const problems = [...parsed.problems, ...linkProblems(read.json, options.bundledIds)];
  if (!parsed.pack || problems.length > 0) return { ok: false, problems: capped(problems) };
  return { ok: true, pack: parsed.pack, warnings: ignoredFields(read.json) };
}

function readJson(text: string): { json: unknown } | { problem: Problem } {
  if (text.trim() === '') return { problem: problemAt('', 'file_empty') };
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    // Firefox throws InternalError on input nested too deeply for its parser.
    if (!(error instanceof SyntaxError)) return { problem: unreadable(error) };
    return { problem: notJson(text, error) };
  }
}

/** Where the JSON breaks, as a line and column; the parser's own words come along. */
export function notJson(text: string, error: SyntaxError): Problem {
  const at = jsonErrorPosition(text, error.message);
  const code = at.atEnd ? 'not_json_cut_short' : 'not_json';
  return problemAt('', code, at.line, at.column, clip(error.message));
}

export function unreadable(error: unknown): Problem {
  return problemAt('', 'unreadable', clip(error instanceof Error ? error.message : String(error)));
}

function validate(json: unknown): { pack?: Pack; problems: Problem[] } {
  let result;
  try {
    result = packSchema.safeParse(json, { reportInput: true });
  } catch (error) {
    return { problems: [unreadable(error)] };
  }
  if (result.success) return { pack: result.data, problems: [] };
  return { problems: zodProblems(result.error) };
}

function ignoredFields(json: unknown): Problem[] {
  const known = new Set(Object.keys(packSchema.shape));
  return Object.keys(json as object)
    .filter((key) => !known.has(key))
    .map((key) => problemAt('', 'ignored_field', quote(key)));
}

/**
 * UTF-8 size without encoding a copy. It is never less than the UTF-16 length nor more than
 * three times it, so counting is needed only between the two; below, the length stands in.
 */
function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 2 units and 4 bytes; every other unit above 0x7ff is 3 bytes.
    if (code > 0x7f) bytes += code > 0x7ff && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}
