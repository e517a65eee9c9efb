import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../scripts/load-dataset';
import { Matcher, newDocumentState } from '../src/core/matcher/matcher';

/**
 * Passages written in the style of real wire copy, each with the entities a reader should see
 * highlighted, in order. They exercise the dataset's aliases and rules together: spellings,
 * acronyms, short forms after a full name, and words that must not match ("Quds Day").
 */
const dataset = loadDataset(fileURLToPath(new URL('../data', import.meta.url)));
const matcher = new Matcher(dataset.entities);
const passages = JSON.parse(
  readFileSync(fileURLToPath(new URL('./passages/passages.json', import.meta.url)), 'utf8'),
) as { text: string; expect: string[] }[];

describe('real-style passages', () => {
  it.each(passages.map((p, i) => [i + 1, p] as const))('passage %i', (_, passage) => {
    const found = matcher.findAll(passage.text, newDocumentState());
    const seen = found.map((m) => `${passage.text.slice(m.start, m.end)} → ${m.entityId}`);
    expect(
      found.map((m) => m.entityId),
      seen.join('\n'),
    ).toEqual(passage.expect);
  });
});
