import { describe, expect, it } from 'vitest';
import { Matcher, newDocumentState } from './matcher';

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

describe('Matcher rules from the dataset', () => {
  const ruled = new Matcher([
    { id: 'pak', name: 'Kurdistan Freedom Party', aliases: [{ text: 'PAK', caseSensitive: true }] },
    {
      id: 'us',
      name: 'United States',
      aliases: [
        { text: 'US', caseSensitive: true },
        { text: 'U.S.', caseSensitive: true },
      ],
    },
    { id: 'qaani', name: 'Esmail Qaani', aliases: [{ text: 'Qaani', short: true }] },
    {
      id: 'quds',
      name: 'Quds Force',
      aliases: [{ text: 'Quds', unlessFollowedBy: ['Day', 'University'] }],
    },
    {
      id: 'dc',
      name: 'Washington, D.C.',
      aliases: [
        {
          text: 'Washington',
          unlessFollowedBy: ['Commanders', 'Post'],
          unlessPrecededBy: ['George'],
        },
      ],
    },
    { id: 'iran', name: 'Iran', native: [{ lang: 'fa', text: 'ایران' }], aliases: [] },
  ]);
  const ids = (text: string) =>
    ruled.findAll(text).map((m) => [text.slice(m.start, m.end), m.entityId]);

  it('matches case-sensitive acronyms only in their case', () => {
    expect(ids('PAK fighters; a pak of cards; Pak')).toEqual([['PAK', 'pak']]);
    expect(ids('the US and the U.S. told us')).toEqual([
      ['US', 'us'],
      ['U.S.', 'us'],
    ]);
  });

  it('counts a short form only after the full name appeared, across blocks', () => {
    expect(ids('Qaani said')).toEqual([]);
    const state = newDocumentState();
    const first = ruled.findAll('Esmail Qaani arrived.', state);
    const second = ruled.findAll('Later Qaani left.', state);
    expect([...first, ...second].map((m) => m.entityId)).toEqual(['qaani', 'qaani']);
  });

  it('skips an alias followed or preceded by a word that makes it something else', () => {
    expect(ids('Quds Day rallies, Al-Quds University, and the Quds fighters')).toEqual([
      ['Quds', 'quds'],
    ]);
    expect(ids('The Washington Post said Washington would respond; George Washington')).toEqual([
      ['Washington', 'dc'],
    ]);
  });

  it('matches native-script names', () => {
    expect(ids('سفر به ایران')).toEqual([['ایران', 'iran']]);
  });
});

it('lets an alias rule on the canonical name replace the plain name', () => {
  const m = new Matcher([
    { id: 'turkey', name: 'Turkey', aliases: [{ text: 'Turkey', caseSensitive: true }] },
  ]);
  const text = 'Turkey and a roast turkey';
  expect(m.findAll(text).map((x) => text.slice(x.start, x.end))).toEqual(['Turkey']);
});

describe('normalisation that keeps offsets', () => {
  const m = new Matcher([
    { id: 'qaani', name: 'Esmail Qaani', aliases: [] },
    {
      id: 'tehran',
      name: 'Tehran',
      native: [{ text: 'طهران', clitics: true }, { text: 'تهران' }],
      aliases: [],
    },
    { id: 'quds', name: 'Quds Force', native: [{ text: 'نیروی قدس' }], aliases: [] },
    { id: 'iraq', name: 'Iraq', native: [{ text: 'العراق', clitics: true }], aliases: [] },
    { id: 'kurd', name: 'Kurdistan', native: [{ text: 'كردستان' }], aliases: [] },
  ]);
  const spans = (text: string) =>
    m.findAll(text).map((x) => [text.slice(x.start, x.end), x.entityId]);

  it('steps over soft hyphens and zero-width characters inside a name', () => {
    expect(spans('Es\u00ADmail Qa\u200Bani and Esmail\u00A0Qa\u2060ani')).toEqual([
      ['Es\u00ADmail Qa\u200Bani', 'qaani'],
      ['Esmail\u00A0Qa\u2060ani', 'qaani'],
    ]);
  });

  it('folds Arabic and Persian letter variants, tatweel, harakat and ZWNJ', () => {
    expect(spans('سفر به تهران')).toEqual([['تهران', 'tehran']]);
    expect(spans('في طـهـران')).toEqual([['طـهـران', 'tehran']]); // tatweel
    expect(spans('زار طَهْرَان')).toEqual([['طَهْرَان', 'tehran']]); // harakat
    expect(spans('فرمانده نيروى قدس')).toEqual([['نيروى قدس', 'quds']]); // Arabic yeh for Persian
    expect(spans('إقليم کردستان')).toEqual([['کردستان', 'kurd']]); // Persian keheh for Arabic kaf
    expect(spans('نیروی\u200Cقدس')).toEqual([]); // ZWNJ is not a space
  });

  it('takes a name off an Arabic clitic only where the dataset allows it', () => {
    expect(spans('وطهران وبالعراق')).toEqual([
      ['طهران', 'tehran'],
      ['العراق', 'iraq'],
    ]);
    expect(spans('وتهران')).toEqual([]);
  });

  it('reports UTF-16 offsets after astral characters', () => {
    const text = '🇮🇷🙂 Tehran';
    expect(m.findAll(text)).toEqual([{ start: 7, end: 13, entityId: 'tehran' }]);
  });

  it('matches the same after a round trip through the shipped bytes', async () => {
    const { compileIndex, serializeIndex } = await import('./compile');
    const shipped = Matcher.load(
      serializeIndex(
        compileIndex([
          { id: 'iraq', name: 'Iraq', aliases: [{ text: 'IQ', caseSensitive: true }] },
        ]),
      ),
    );
    expect(shipped.findAll('Iraq, IQ, iq').map((x) => x.entityId)).toEqual(['iraq', 'iraq']);
  });

  it('applies document-level rules across blocks', () => {
    const doc = new Matcher([
      { id: 'qaani', name: 'Esmail Qaani', aliases: [{ text: 'Qaani', short: true }] },
    ]);
    expect(
      doc
        .findInDocument(['Qaani first.', 'Esmail Qaani arrived.', 'Qaani left.'])
        .map((b) => b.length),
    ).toEqual([0, 1, 1]);
  });
});

describe('name-part rules', () => {
  const m = new Matcher([
    { id: 'jordan', name: 'Jordan', aliases: [{ text: 'Jordan', notSurname: true }] },
    {
      id: 'badr',
      name: 'Badr Organization',
      aliases: [{ text: 'Badr', caseSensitive: true, notFirstName: true }],
    },
    { id: 'qaani', name: 'Esmail Qaani', aliases: ["Esmail Qa'ani"] },
  ]);
  const ids = (text: string) => m.findAll(text).map((x) => text.slice(x.start, x.end));

  it('skips a place name used as a surname, keeps it after function words', () => {
    expect(
      ids('Michael Jordan and Ms Jordan met in Amman, Jordan. In Jordan, prices rose.'),
    ).toEqual(['Jordan', 'Jordan']);
  });

  it('skips an alias used as a first name', () => {
    expect(ids('Badr Hassan said Badr fighters and the Badr Organization moved.')).toEqual([
      'Badr',
      'Badr Organization',
    ]);
  });

  it('reads transliteration marks for ayin and hamza as nothing', () => {
    expect(ids('Esmāʿīl Qāʾānī spoke')).toEqual(['Esmāʿīl Qāʾānī']);
  });
});
