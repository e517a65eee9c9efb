import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../scripts/load-dataset';
import { parseMarkedPassages } from '../src/core/eval/marked';
import { scoreMatcher, type GoldPassage } from '../src/core/eval/score';

const dir = fileURLToPath(new URL('./eval/', import.meta.url));
const jsonl = readFileSync(`${dir}dev.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as GoldPassage);

describe('the dev set', () => {
  it('is what its readable source says (run npm run eval:dev-set after editing dev.txt)', () => {
    expect(parseMarkedPassages(readFileSync(`${dir}dev.txt`, 'utf8'))).toEqual(jsonl);
  });

  it('has at least 80 passages, with Arabic, Persian and unrelated ones', () => {
    expect(jsonl.length).toBeGreaterThanOrEqual(80);
    for (const kind of ['ar-', 'fa-', 'none-', 'hard-']) {
      expect(jsonl.filter((p) => p.id.startsWith(kind)).length, kind).toBeGreaterThan(3);
    }
    expect(
      jsonl.filter((p) => p.id.startsWith('none-')).every((p) => p.mentions.length === 0),
    ).toBe(true);
  });

  it('meets the goal: precision ≥ 0.97 and recall ≥ 0.95', () => {
    const dataset = loadDataset(fileURLToPath(new URL('../data', import.meta.url)));
    const score = scoreMatcher(jsonl, dataset.entities);
    expect(score.unresolved).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.97);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  });
});
