import type { z } from 'zod';

/**
 * Reads a list back from storage item by item. Stored values outlive the code that wrote them
 * and can be damaged (an interrupted write, a sync tool, a hand edit): one item that no longer
 * fits its schema is dropped and counted, never the whole list. `notAList` says the value was
 * there but was not a list at all.
 */
export function readList<T>(
  stored: unknown,
  schema: z.ZodType<T>,
): { items: T[]; dropped: number[]; notAList: boolean } {
  if (!Array.isArray(stored)) return { items: [], dropped: [], notAList: stored !== undefined };
  const items: T[] = [];
  const dropped: number[] = [];
  stored.forEach((item: unknown, i) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
    else dropped.push(i);
  });
  return { items, dropped, notAList: false };
}
