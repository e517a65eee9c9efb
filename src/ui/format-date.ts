import { dateFormat, t } from '../shared/i18n';

/**
 * A dataset date in the reader's language: "2020-01-03" → "3 Jan 2020", "2023-03" → "Mar 2023",
 * "1979" → "1979" in English; Persian and Arabic use their own month names and digits. Read as
 * UTC, so no time zone can shift it.
 */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || Number.isNaN(year)) return date;
  const valid = (n: number | undefined) => n !== undefined && !Number.isNaN(n);
  const format = dateFormat({
    timeZone: 'UTC',
    // Dataset dates are Gregorian and often partial: a month or a year in another calendar
    // (Persian's default is the Solar Hijri one) would straddle two and misstate them.
    calendar: 'gregory',
    year: 'numeric',
    ...(valid(month) && { month: 'short' }),
    ...(valid(month) && valid(day) && { day: 'numeric' }),
  });
  const at = new Date(Date.UTC(year, valid(month) ? month! - 1 : 0, valid(day) ? day! : 1));
  // Years before 100 would otherwise be read as 19xx.
  at.setUTCFullYear(year);
  return format.format(at);
}

/** An interval as a reader says it: "since 3 Jan 2020", "2021 – 2024", "until 1988". */
export function formatSpan(from?: string, to?: string): string {
  if (from && to) return t('span_from_to', formatPartialDate(from), formatPartialDate(to));
  if (from) return t('span_since', formatPartialDate(from));
  if (to) return t('span_until', formatPartialDate(to));
  return '';
}
