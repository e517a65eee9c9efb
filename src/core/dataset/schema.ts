import { z } from '../zod';
import { problem } from '../problems';

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

/**
 * Entity ids, and pack ids: stable, URL- and file-name-safe. Capped, since an id becomes a
 * storage key and a file name (a pack's export), where a megabyte-long one would fail.
 */
export const slug = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, problem('slug'));

/** YYYY, YYYY-MM or YYYY-MM-DD: facts are often known only to the month or year. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, problem('partial_date'));

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) make
 * text display in an order other than the one it is stored in: "‮Iran" can read as another
 * name on a card while matching nothing like it on the page. A name or fact never needs them
 * (right-to-left scripts display correctly without), so text with them is refused with a
 * message rather than silently stripped, which would change what the author wrote. The
 * harmless marks (U+200E, U+200F, U+061C) stay allowed.
 */
const NO_BIDI_CONTROLS = /^[^\u202A-\u202E\u2066-\u2069]*$/;
const BIDI_MESSAGE = problem('bidi_controls');

export const text = z.string().trim().min(1).regex(NO_BIDI_CONTROLS, BIDI_MESSAGE);

/** Sources and pack homepages: https only, so no javascript: or plain-http link reaches a card. */
export const httpsUrl = z.url({ protocol: /^https$/, error: problem('https_url') });

export const sourceSchema = z.strictObject({
  url: httpsUrl,
  publisher: text,
  read: partialDate.describe('the day we read the source'),
});
export type Source = z.infer<typeof sourceSchema>;

const sources = z.array(sourceSchema).min(1, problem('no_sources'));

/** Another reading of a contested fact, with the sources that give it. */
export const readingSchema = z.strictObject({ value: text, sources });

export const factSchema = z
  .strictObject({
    label: text,
    value: text,
    /** A one-off fact. */
    date: partialDate.optional(),
    /** A role or state held over an interval; no `to` means still true as of meta.checked. */
    from: partialDate.optional(),
    to: partialDate.optional(),
    sources,
    contested: z.array(readingSchema).min(1, problem('no_readings')).optional(),
    note: text.optional(),
  })
  .superRefine((fact, ctx) => {
    if (fact.date && (fact.from || fact.to)) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: problem('date_and_interval'),
      });
    } else if (!fact.date && !fact.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: problem('fact_needs_date'),
      });
    }
    if (fact.from && fact.to && fact.to < fact.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: problem('ends_before_start') });
    }
  });
export type Fact = z.infer<typeof factSchema>;

/** When a fact applies: its date, or the start of its interval. Sorts facts on the card. */
export const factStart = (fact: Fact): string => fact.date ?? fact.from ?? '';

const word = z.string().trim().min(1).regex(NO_BIDI_CONTROLS, BIDI_MESSAGE);

export const aliasSchema = z.union([
  text,
  z.strictObject({
    text,
    /** Match only with exactly this case (acronyms that are also words). */
    caseSensitive: z.boolean().optional(),
    /** Counts only after a full name of the same entity appeared earlier in the document. */
    short: z.boolean().optional(),
    unlessFollowedBy: z.array(word).min(1).optional(),
    unlessPrecededBy: z.array(word).min(1).optional(),
    /** Skip when a capitalised given name or Mr/Ms comes right before (Michael Jordan). */
    notSurname: z.boolean().optional(),
    /** Skip when a capitalised word comes right after (Badr Hassan, a first name). */
    notFirstName: z.boolean().optional(),
  }),
]);
export type Alias = z.infer<typeof aliasSchema>;
export type AliasRule = Exclude<Alias, string>;

export const aliasText = (alias: Alias): string => (typeof alias === 'string' ? alias : alias.text);

export const RELATION_TYPES = [
  'leads',
  'commands',
  'member-of',
  'part-of',
  'party-to',
  'signatory-of',
  'mediator-of',
  'negotiator-in',
  'located-in',
  'capital-of',
  'based-in',
  'successor-of',
  'allied-with',
  'opposed-to',
  'related-to',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const relationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES),
  target: slug,
  from: partialDate.optional(),
  to: partialDate.optional(),
  note: text.optional(),
});
export type Relation = z.infer<typeof relationSchema>;

export const timelineStepSchema = z.strictObject({
  date: partialDate,
  label: text,
  place: slug.optional(),
  sources,
});
export type TimelineStep = z.infer<typeof timelineStepSchema>;

export const nativeNameSchema = z.strictObject({
  lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, problem('language_tag')),
  text,
  /** Arabic: the name may carry a one-letter clitic (و ف ب ل ك) glued to its front. */
  clitics: z.boolean().optional(),
});

export const entitySchema = z.strictObject({
  id: slug,
  type: z.enum(ENTITY_TYPES),
  name: text,
  native: z.array(nativeNameSchema).default([]),
  aliases: z.array(aliasSchema).default([]),
  summary: text.min(20, problem('summary_too_short')).max(400, problem('summary_too_long')),
  description: text.max(1500).optional(),
  facts: z.array(factSchema).default([]),
  relations: z.array(relationSchema).default([]),
  timeline: z.array(timelineStepSchema).default([]),
});
export type Entity = z.infer<typeof entitySchema>;

export const datasetMetaSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, problem('dataset_version')),
  checked: partialDate.describe('facts checked as of'),
  licence: text,
});
export type DatasetMeta = z.infer<typeof datasetMetaSchema>;

export interface Dataset {
  meta: DatasetMeta;
  entities: Entity[];
}
