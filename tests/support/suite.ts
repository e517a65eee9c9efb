import { describe, it } from 'vitest';
import type { Availability } from './browsers';

/**
 * Whether a browser suite can run. When it cannot, registers in its place a failing test under
 * CI=true (a CI machine must have the browser) or one skipped test, with the reason printed.
 */
export function suiteRuns(suite: string, available: Availability): boolean {
  if (available.ok) return true;
  if (process.env.CI === 'true') {
    it(`${suite}: browser available`, () => {
      throw new Error(`CI=true and ${available.reason}`);
    });
  } else {
    console.warn(`Skipping ${suite}: ${available.reason}`);
    describe.skip(suite, () => it('needs the browser', () => {}));
  }
  return false;
}
