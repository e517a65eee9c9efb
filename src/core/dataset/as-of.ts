/**
 * Where a date falls against an interval of partial dates (YYYY, YYYY-MM or YYYY-MM-DD), for
 * showing a role "as of" the article's publication date. A partial date covers its whole
 * year or month: a role from "2020" has begun by 2020-06-01, and one to "2024" still holds
 * on 2024-12-31.
 */
export type IntervalStatus = 'before' | 'during' | 'after';

const lower = (d: string) => (d + '-01-01').slice(0, 10);
const upper = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

export function intervalStatus(
  from: string | undefined,
  to: string | undefined,
  date: string,
): IntervalStatus | undefined {
  if (!from && !to) return undefined;
  const day = date.slice(0, 10);
  if (from && day < lower(from)) return 'before';
  if (to && day > upper(to)) return 'after';
  return 'during';
}
