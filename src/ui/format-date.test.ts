import { expect, it } from 'vitest';
import { formatPartialDate } from './format-date';

it('writes partial dates the way a reader says them', () => {
  expect(formatPartialDate('2020-01-03')).toBe('3 Jan 2020');
  expect(formatPartialDate('2023-03')).toBe('Mar 2023');
  expect(formatPartialDate('1979')).toBe('1979');
});
