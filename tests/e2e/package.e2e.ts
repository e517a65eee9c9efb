import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from '../support/browsers';

// Firefox's add-on linter rejects JavaScript files over 4 MB; stay well under it.
const LIMIT = 2 * 1024 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
  );
}

describe.each([CHROME_BUILD, FIREFOX_BUILD])('the package in %s', (dir) => {
  it('has every file well under the 4 MB add-on linter limit', () => {
    const all = files(dir);
    expect(all.length).toBeGreaterThan(0);
    for (const file of all) expect(statSync(file).size, file).toBeLessThan(LIMIT);
  });
});
