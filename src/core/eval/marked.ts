import type { GoldPassage } from './score';

/**
 * Parses passages written with inline markup: `## id` starts a passage, `[[text|entity]]`
 * marks a mention. Returns the clean text with UTF-16 offsets of every mention.
 */
export function parseMarkedPassages(source: string): GoldPassage[] {
  const passages: GoldPassage[] = [];
  const chunks = source.split(/^## +/m).slice(1);
  for (const chunk of chunks) {
    const newline = chunk.indexOf('\n');
    const id = chunk.slice(0, newline).trim();
    const body = chunk.slice(newline + 1).trim();
    let text = '';
    const mentions: GoldPassage['mentions'] = [];
    let last = 0;
    for (const m of body.matchAll(/\[\[([^\]|]+)\|([^\]]+)\]\]/g)) {
      text += body.slice(last, m.index);
      const start = text.length;
      text += m[1]!;
      mentions.push({ start, end: text.length, entity: m[2]!.trim() });
      last = m.index! + m[0].length;
    }
    text += body.slice(last);
    if (/\[\[|\]\]/.test(text)) throw new Error(`passage ${id}: unbalanced [[ ]] markup`);
    passages.push({ id, text, mentions });
  }
  return passages;
}
