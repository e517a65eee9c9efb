/** Seeded made-up names and filler words for the benchmarks (no real names, no real text). */

export const SYLLABLES = [
  'ka',
  'ri',
  'mo',
  'ha',
  'sa',
  'al',
  'ba',
  'qu',
  'de',
  'zi',
  'na',
  'ta',
  'ja',
  'fa',
  'lo',
  'ru',
  'me',
  'shi',
  'kh',
  'gh',
  'ya',
  'ou',
  'ei',
  'ne',
];
export const WORDS = (
  'the of and to in a said on for that with was as by at from his is it an were has have which after ' +
  'officials government minister security forces talks border agreement week told reporters statement ' +
  'meeting capital region president people country international military council leaders two new'
).split(' ');

export function makeAliases(count: number, random: () => number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const words = 1 + Math.floor(random() * 3);
    const parts: string[] = [];
    for (let w = 0; w < words; w++) {
      let word = '';
      const syll = 2 + Math.floor(random() * 3);
      for (let s = 0; s < syll; s++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
      parts.push(word.charAt(0).toUpperCase() + word.slice(1));
    }
    out.add(parts.join(random() < 0.2 ? '-' : ' '));
  }
  return [...out];
}
