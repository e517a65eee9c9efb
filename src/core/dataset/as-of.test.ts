import { expect, it } from 'vitest';
import { intervalStatus } from './as-of';

it('places a date before, during or after a role, reading partial dates generously', () => {
  // Hossein Salami commanded the IRGC from 21 Apr 2019 to 13 Jun 2025.
  expect(intervalStatus('2019-04-21', '2025-06-13', '2018-11-02')).toBe('before');
  expect(intervalStatus('2019-04-21', '2025-06-13', '2024-03-01')).toBe('during');
  expect(intervalStatus('2019-04-21', '2025-06-13', '2025-07-01')).toBe('after');
  expect(intervalStatus('2020', undefined, '2020-01-01')).toBe('during');
  expect(intervalStatus(undefined, '2024', '2024-12-31')).toBe('during');
  expect(intervalStatus('2023-03', '2023-03', '2023-03-19')).toBe('during');
  expect(intervalStatus(undefined, undefined, '2024-01-01')).toBeUndefined();
});
