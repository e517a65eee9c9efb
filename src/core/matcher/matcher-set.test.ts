import { describe, expect, it } from 'vitest';
import { Matcher } from './matcher';
import { MatcherSet } from './matcher-set';

describe('MatcherSet', () => {
  it('merges matches of several indexes in text order, the longer winning an overlap', () => {
    const bundled = new Matcher([{ id: 'quds-force', name: 'Quds Force', aliases: [] }]);
    const pack = new Matcher([
      { id: 'test-quds', name: 'Quds', aliases: [] },
      { id: 'test-tehran', name: 'Tehran', aliases: [] },
    ]);
    const found = new MatcherSet([bundled, pack]).findAll('Tehran said the Quds Force left Quds.');
    expect(found.map((m) => m.entityId)).toEqual(['test-tehran', 'quds-force', 'test-quds']);
  });
});
