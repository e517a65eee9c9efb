/**
 * `npm run eval:dev-set`: turns the readable dev set (tests/eval/dev.txt) into the gold format
 * (tests/eval/dev.jsonl). In dev.txt each passage starts with a line `## <id>`, and every
 * mention is written `[[surface text|entity-id]]`; the converter removes the markup and records
 * each mention's UTF-16 offsets in the clean text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMarkedPassages } from '../src/core/eval/marked';

const dir = fileURLToPath(new URL('../tests/eval/', import.meta.url));
const passages = parseMarkedPassages(readFileSync(`${dir}dev.txt`, 'utf8'));
writeFileSync(`${dir}dev.jsonl`, passages.map((p) => JSON.stringify(p)).join('\n') + '\n');
console.log(
  `Wrote ${passages.length} passages with ${passages.reduce((n, p) => n + p.mentions.length, 0)} mentions to tests/eval/dev.jsonl`,
);
