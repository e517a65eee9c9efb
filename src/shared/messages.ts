import { z } from '../core/zod';
import { entitySchema, partialDate, sourceSchema } from '../core/dataset/schema';

/**
 * Every request a page or the popup sends to the background, declared once and checked where
 * it is received; the background's answers are checked where they arrive too.
 */

export const requestSchema = z.discriminatedUnion('type', [
  /** The card of one entity, for the in-page card. */
  z.strictObject({ type: z.literal('card'), id: z.string().min(1).max(200) }),
]);
export type BackstoryRequest = z.infer<typeof requestSchema>;

const relatedItem = z.object({
  id: z.string(),
  name: z.string(),
  from: partialDate.optional(),
  to: partialDate.optional(),
});

export const cardModelSchema = z.object({
  entity: entitySchema,
  relations: z.array(z.object({ label: z.string(), items: z.array(relatedItem) })),
  timeline: z.array(
    z.object({
      date: partialDate,
      label: z.string(),
      place: z.string().optional(),
      sources: z.array(sourceSchema),
    }),
  ),
  checked: partialDate,
});

export const cardResponseSchema = z.object({
  card: cardModelSchema.nullable(),
  /** The reader's own note on the entity, if any. */
  note: z.string().max(4000).optional(),
});
export type CardResponse = z.infer<typeof cardResponseSchema>;

/** Requests the background sends to a page's content script (from keyboard commands). */
export const pageRequestSchema = z.discriminatedUnion('type', [
  /** Move to the next or previous highlighted name, scroll to it and open its card. */
  z.strictObject({ type: z.literal('navigate'), direction: z.enum(['next', 'previous']) }),
  /** Open the card of the name at (or in) the reader's text selection. */
  z.strictObject({ type: z.literal('card-for-selection') }),
  /** Close the card the reader is in, else the open one, else the last pinned one. */
  z.strictObject({ type: z.literal('close-card') }),
  /** The entities found on the page and how often each is mentioned (the popup's cast list). */
  z.strictObject({ type: z.literal('page-entities') }),
  /** Scroll to the first mention of an entity and open its card there. */
  z.strictObject({ type: z.literal('reveal'), id: z.string().min(1).max(200) }),
  /** Timings and counts of the content script's work on this page, for `npm run bench:page`. */
  z.strictObject({ type: z.literal('stats') }),
]);
export type PageRequest = z.infer<typeof pageRequestSchema>;

/** Keyboard commands declared in the manifest, and the page request each one sends. */
export const COMMANDS: Record<string, PageRequest> = {
  'next-entity': { type: 'navigate', direction: 'next' },
  'previous-entity': { type: 'navigate', direction: 'previous' },
  'card-for-selection': { type: 'card-for-selection' },
  'close-card': { type: 'close-card' },
};

/**
 * What the content script reports about its work on a page. Times are `performance.now()`
 * values of the page (the page and the content script share the document's time origin).
 */
export const pageStatsSchema = z.object({
  /** When the content script began (after settings loaded). */
  startedAt: z.number(),
  /** When the first highlights were registered (null: none yet). */
  firstPaintAt: z.number().nullable(),
  /** When the whole page had been scanned once (null: still scanning). */
  scanDoneAt: z.number().nullable(),
  /** Longest single stretch of our synchronous work, in ms. */
  longestTaskMs: z.number(),
  /** What that stretch was doing ('screen', 'ordered pass', 'changes', 'locate', …). */
  longestTask: z.string(),
  /** Number of such stretches (scan slices, rescans, repaints). */
  tasks: z.number(),
  /** Their total time, in ms. */
  busyMs: z.number(),
  /** Times the whole page was read from the top (the first read included). */
  fullScans: z.number(),
  /** Ranges currently registered with CSS.highlights. */
  registeredRanges: z.number(),
  /** Names found on the page. */
  matches: z.number(),
  /** Text blocks read. */
  blocks: z.number(),
  /** MutationObservers of ours watching the page (one, however often the page changes). */
  mutationObservers: z.number(),
  /** For each card opened by hover: ms from the end of the hover delay to the card being placed. */
  hoverToCardMs: z.array(z.number()),
});
export type PageStats = z.infer<typeof pageStatsSchema>;

/** The content script's answer to `page-entities`: ids in order of first mention, with counts. */
export const pageEntitiesSchema = z.object({
  entities: z.array(z.object({ id: z.string(), count: z.number().int().positive() })),
  /** False until the whole page has been read once (the list may still grow). */
  complete: z.boolean(),
});
export type PageEntities = z.infer<typeof pageEntitiesSchema>;
