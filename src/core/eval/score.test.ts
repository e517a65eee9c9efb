import { describe, expect, it } from 'vitest';
import { parseMarkedPassages } from './marked';
import { scorePassages } from './score';

const [passage] = parseMarkedPassages(
  '## p1\n[[Esmail Qaani|esmail-qaani]] met [[Qasim al-Araji|Qasim al-Araji]] in [[Baghdad|Baghdad]].\n',
);
const resolve = (ref: string) =>
  ({ 'esmail-qaani': 'esmail-qaani', 'Qasim al-Araji': 'qasim-al-araji', Baghdad: 'baghdad' })[ref];

describe('scorePassages', () => {
  it('parses marked passages into clean text and offsets', () => {
    expect(passage!.text).toBe('Esmail Qaani met Qasim al-Araji in Baghdad.');
    expect(passage!.mentions[1]).toEqual({ start: 17, end: 31, entity: 'Qasim al-Araji' });
  });

  it('counts exact spans with the right entity', () => {
    const score = scorePassages(
      [passage!],
      () => [
        { start: 0, end: 12, entityId: 'esmail-qaani' }, // right
        { start: 23, end: 31, entityId: 'qasim-al-araji' }, // wrong span
        { start: 35, end: 42, entityId: 'bagdad' }, // wrong entity
      ],
      resolve,
    );
    expect([score.truePositives, score.predicted, score.gold]).toEqual([1, 3, 3]);
    expect(score.precision).toBeCloseTo(1 / 3);
    expect(score.recall).toBeCloseTo(1 / 3);
    expect(score.misses.map((m) => m.text)).toEqual(['Qasim al-Araji', 'Baghdad']);
    expect(score.falsePositives.map((m) => m.text)).toEqual(['al-Araji', 'Baghdad']);
  });

  it('lists gold entities that resolve to nothing, as misses', () => {
    const score = scorePassages(
      [{ id: 'x', text: 'Atlantis', mentions: [{ start: 0, end: 8, entity: 'atlantis' }] }],
      () => [],
      () => undefined,
    );
    expect(score.unresolved).toEqual(['atlantis']);
    expect(score.misses).toHaveLength(1);
  });
});
