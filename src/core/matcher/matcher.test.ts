import { describe, expect, it } from 'vitest';
import { Matcher } from './matcher';

const entities = [
  { id: 'quds-force', name: 'Quds Force', aliases: ['IRGC Quds Force', 'Qods Force'] },
  { id: 'irgc', name: 'Islamic Revolutionary Guard Corps', aliases: ['IRGC'] },
  { id: 'esmail-qaani', name: 'Esmail Qaani', aliases: ["Qa'ani", 'Ismail Qaani'] },
  { id: 'qasim-al-araji', name: 'Qasim al-Araji', aliases: ['al-Araji'] },
  { id: 'kataib-hezbollah', name: "Kata'ib Hezbollah", aliases: [] },
  { id: 'hezbollah', name: 'Hezbollah', aliases: [] },
  { id: 'iran', name: 'Iran', aliases: [] },
  { id: 'iraq', name: 'Iraq', aliases: [] },
  { id: 'pact', name: 'Iran–Iraq security agreement', aliases: [] },
];
const matcher = new Matcher(entities);

/** The matched substrings with their entity, which is what a reader sees highlighted. */
function spans(text: string): [string, string][] {
  return matcher.findAll(text).map((m) => [text.slice(m.start, m.end), m.entityId]);
}

describe('Matcher', () => {
  it('finds every alias with its offsets', () => {
    const text = 'Esmail Qaani met al-Araji in Baghdad.';
    expect(matcher.findAll(text)).toEqual([
      { start: 0, end: 12, entityId: 'esmail-qaani' },
      { start: 17, end: 25, entityId: 'qasim-al-araji' },
    ]);
  });

  it('ignores case', () => {
    expect(spans('THE QUDS FORCE and the quds force')).toEqual([
      ['QUDS FORCE', 'quds-force'],
      ['quds force', 'quds-force'],
    ]);
  });

  it('matches only whole words', () => {
    expect(spans('Irania, Iranian, Iraqis and Hezbollahs are not names here')).toEqual([]);
    expect(spans('(Iran) "Iraq"')).toEqual([
      ['Iran', 'iran'],
      ['Iraq', 'iraq'],
    ]);
  });

  it('lets the longest alias win and never overlaps', () => {
    expect(spans("the IRGC Quds Force and Kata'ib Hezbollah")).toEqual([
      ['IRGC Quds Force', 'quds-force'],
      ["Kata'ib Hezbollah", 'kataib-hezbollah'],
    ]);
    expect(spans('the IRGC said')).toEqual([['IRGC', 'irgc']]);
  });

  it("leaves a possessive 's outside the match, with either apostrophe", () => {
    expect(spans("Iran's envoy and al-Araji’s office")).toEqual([
      ['Iran', 'iran'],
      ['al-Araji', 'qasim-al-araji'],
    ]);
    expect(spans("Qa’ani's trip")).toEqual([['Qa’ani', 'esmail-qaani']]);
  });

  it('treats dash forms alike and matches across line breaks and NBSP', () => {
    expect(spans('the Iran-Iraq security agreement')).toEqual([
      ['Iran-Iraq security agreement', 'pact'],
    ]);
    expect(spans('Esmail\n   Qaani and Qasim\u00A0al\u2011Araji')).toEqual([
      ['Esmail\n   Qaani', 'esmail-qaani'],
      ['Qasim\u00A0al\u2011Araji', 'qasim-al-araji'],
    ]);
  });

  it('folds Latin diacritics without moving offsets', () => {
    const text = '🙂 Ésmaïl Qāānī';
    const [match] = matcher.findAll(text);
    expect(match).toEqual({ start: 3, end: 15, entityId: 'esmail-qaani' });
  });

  it('falls back to a shorter alias when a longer one is cut short', () => {
    expect(spans('Iran-Iraq security talks')).toEqual([
      ['Iran', 'iran'],
      ['Iraq', 'iraq'],
    ]);
  });

  it('finds nothing in text without names', () => {
    expect(matcher.findAll('')).toEqual([]);
    expect(matcher.findAll('The weather in the capital was mild.')).toEqual([]);
  });
});
