import { expect, it } from 'vitest';
import { formatPartialDate, formatSpan } from './format-date';

it('writes partial dates the way a reader says them', () => {
  expect(formatPartialDate('2020-01-03')).toBe('3 Jan 2020');
  expect(formatPartialDate('2023-03')).toBe('Mar 2023');
  expect(formatPartialDate('1979')).toBe('1979');
});

it('writes intervals, open or closed', () => {
  expect(formatSpan('2020-01-03')).toBe('since 3 Jan 2020');
  expect(formatSpan('2021', '2024-05-19')).toBe('2021 – 19 May 2024');
  expect(formatSpan(undefined, '1988')).toBe('until 1988');
});
