/**
 * `npm run eval [FILE.jsonl] [--json]`: scores the matcher against gold passages, one JSON
 * object per line: {"id", "text", "mentions": [{"start", "end", "entity"}]} (UTF-16 offsets,
 * end exclusive; entity = id, canonical name or alias). Prints precision, recall and F1 over
 * exact spans with the right entity, then every false positive and miss. Without FILE it runs
 * our dev set, tests/eval/dev.jsonl.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { scoreMatcher, type GoldPassage } from '../src/core/eval/score';
import { loadDataset } from './load-dataset';

const { values, positionals } = parseArgs({
  options: { json: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const file = positionals[0] ?? fileURLToPath(new URL('../tests/eval/dev.jsonl', import.meta.url));

const passages: GoldPassage[] = [];
readFileSync(file, 'utf8')
  .split('\n')
  .forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const p = JSON.parse(line) as GoldPassage;
      if (typeof p.text !== 'string' || !Array.isArray(p.mentions))
        throw new Error('needs "text" and "mentions"');
      passages.push({ id: String(p.id ?? `line-${i + 1}`), text: p.text, mentions: p.mentions });
    } catch (error) {
      console.error(`${file}:${i + 1}: ${(error as Error).message}`);
      process.exit(2);
    }
  });

const dataset = loadDataset(fileURLToPath(new URL('../data', import.meta.url)));
const score = scoreMatcher(passages, dataset.entities);

if (values.json) {
  console.log(JSON.stringify(score, null, 2));
} else {
  const pct = (x: number) => x.toFixed(3);
  console.log(
    `${file}: ${score.passages} passages, ${score.gold} gold mentions, ${score.predicted} predicted`,
  );
  console.log(
    `precision ${pct(score.precision)}  recall ${pct(score.recall)}  F1 ${pct(score.f1)}`,
  );
  if (score.falsePositives.length)
    console.log(`\nFalse positives (${score.falsePositives.length}):`);
  for (const m of score.falsePositives)
    console.log(`  ${m.passage} [${m.start},${m.end}) "${m.text}" → ${m.entity}`);
  if (score.misses.length) console.log(`\nMisses (${score.misses.length}):`);
  for (const m of score.misses)
    console.log(`  ${m.passage} [${m.start},${m.end}) "${m.text}" (gold: ${m.entity})`);
  if (score.unresolved.length)
    console.log(`\nGold entities not in the dataset: ${score.unresolved.join(', ')}`);
}
