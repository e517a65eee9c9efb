const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2020-01-03" → "3 Jan 2020", "2023-03" → "Mar 2023", "1979" → "1979"; no time zone can shift it. */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** An interval as a reader says it: "since 3 Jan 2020", "2021 – 2024", "until 1988". */
export function formatSpan(from?: string, to?: string): string {
  if (from && to) return `${formatPartialDate(from)} – ${formatPartialDate(to)}`;
  if (from) return `since ${formatPartialDate(from)}`;
  if (to) return `until ${formatPartialDate(to)}`;
  return '';
}
