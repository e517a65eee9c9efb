import { z } from 'zod';

/**
 * The dataset's shape, shared by the build step (which validates `data/`) and by every
 * context that reads the compiled dataset. Field meanings are documented in data/README.md.
 */

export const ENTITY_TYPES = [
  'person',
  'organization',
  'agreement',
  'event',
  'place',
  'media',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "quds-force"');

/** YYYY, YYYY-MM or YYYY-MM-DD: facts are often known only to the month or year. */
export const partialDate = z
  .string()
  .regex(
    /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
    'must be a date written YYYY, YYYY-MM or YYYY-MM-DD',
  );

const text = z.string().trim().min(1, 'must not be empty');

export const sourceSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  publisher: text,
  read: partialDate.describe('the day we read the source'),
});
export type Source = z.infer<typeof sourceSchema>;

export const factSchema = z.strictObject({
  label: text,
  value: text,
  date: partialDate,
  sources: z.array(sourceSchema).min(1, 'a fact needs at least one source'),
  note: text.optional(),
});
export type Fact = z.infer<typeof factSchema>;

export const entitySchema = z.strictObject({
  id: slug,
  type: z.enum(ENTITY_TYPES),
  name: text,
  aliases: z.array(text).default([]),
  summary: text.max(400, 'a summary is one or two sentences (400 characters at most)'),
  facts: z.array(factSchema).default([]),
  related: z.array(slug).default([]),
});
export type Entity = z.infer<typeof entitySchema>;

export const datasetMetaSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as "0.1.0"'),
  checked: partialDate.describe('facts checked as of'),
  licence: text,
});
export type DatasetMeta = z.infer<typeof datasetMetaSchema>;

export interface Dataset {
  meta: DatasetMeta;
  entities: Entity[];
}
