import { z } from '../zod';
import { entitySchema, httpsUrl, partialDate, slug, text } from '../dataset/schema';
import { jsonErrorPosition } from './json-error';
import { linkProblems } from './links';
import { capped, clip, quote, requiredMessage, schemaProblems, type PackProblem } from './problems';

export type { PackProblem } from './problems';

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
  name: text.max(120, 'at most 120 characters'),
  version: text.max(40, 'at most 40 characters'),
  checked: partialDate.describe('facts checked as of'),
  licence: text.max(500, 'at most 500 characters'),
  description: text.max(1500, 'at most 1,500 characters').optional(),
  homepage: httpsUrl.optional(),
});
export type PackMeta = z.infer<typeof packMetaSchema>;

export const packSchema = z
  .object({
    $schema: z.string().optional().describe('for editors: a path or URL of pack.schema.json'),
    format: z.literal(PACK_FORMAT, `this is not a Backstory pack: must be "${PACK_FORMAT}"`),
    formatVersion: z.literal(
      PACK_FORMAT_VERSION,
      `must be ${PACK_FORMAT_VERSION}, the pack format this version of Backstory reads`,
    ),
    meta: packMetaSchema,
    entities: z.array(entitySchema).min(1, 'a pack needs at least one entity'),
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
  { ok: true; pack: Pack; warnings: string[] } | { ok: false; problems: PackProblem[] };

export function parsePack(input: string, options: ParsePackOptions = {}): ParsePackResult {
  const maxBytes = options.maxBytes ?? PACK_MAX_BYTES;
  const bytes = utf8Length(input, maxBytes);
  if (bytes > maxBytes) {
    const message = `The file is ${formatBytes(bytes)}; a pack may be at most ${formatBytes(maxBytes)}.`;
    return { ok: false, problems: [{ path: '', message }] };
  }
  // Editors on Windows may save a byte order mark; it is not part of the JSON.
  const read = readJson(input.replace(/^\uFEFF/, ''));
  if ('problem' in read) return { ok: false, problems: [read.problem] };

  const parsed = validate(read.json);
  const problems = [...parsed.problems, ...linkProblems(read.json, options.bundledIds)];
  if (!parsed.pack || problems.length > 0) return { ok: false, problems: capped(problems) };
  return { ok: true, pack: parsed.pack, warnings: ignoredFields(read.json) };
}

function readJson(text: string): { json: unknown } | { problem: PackProblem } {
  if (text.trim() === '') return { problem: { path: '', message: 'The file is empty.' } };
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    // Firefox throws InternalError on input nested too deeply for its parser.
    if (!(error instanceof SyntaxError)) return { problem: unreadable(error) };
    const at = jsonErrorPosition(text, error.message);
    const cut = at.atEnd ? ' The file ends too early: was it cut short?' : '';
    const message = `Not valid JSON at line ${at.line}, column ${at.column} (${clip(error.message)}).${cut}`;
    return { problem: { path: '', message } };
  }
}

function unreadable(error: unknown): PackProblem {
  const reason = clip(error instanceof Error ? error.message : String(error));
  return { path: '', message: `The file could not be read (${reason}); does it nest too deeply?` };
}

function validate(json: unknown): { pack?: Pack; problems: PackProblem[] } {
  let result;
  try {
    result = packSchema.safeParse(json, { error: requiredMessage });
  } catch (error) {
    return { problems: [unreadable(error)] };
  }
  if (result.success) return { pack: result.data, problems: [] };
  return { problems: schemaProblems(result.error) };
}

function ignoredFields(json: unknown): string[] {
  const known = new Set(Object.keys(packSchema.shape));
  return Object.keys(json as object)
    .filter((key) => !known.has(key))
    .map((key) => `Ignored the unknown top-level field ${quote(key)}.`);
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

/** Rounded up, so a file just over the limit never reads as the limit itself. */
function formatBytes(bytes: number): string {
  const tenths = (unit: number) => Math.ceil(bytes / (unit / 10)) / 10;
  if (bytes >= 1e6) return `${tenths(1e6)} MB`;
  if (bytes >= 1e3) return `${tenths(1e3)} KB`;
  return `${bytes} bytes`;
}
