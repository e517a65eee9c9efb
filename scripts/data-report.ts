/**
 * `npm run data:report`: a short health report of the dataset — counts by type, facts dated
 * only to the year, contested facts, and the date the facts were checked as of.
 */
import { fileURLToPath } from 'node:url';
import { loadDataset } from './load-dataset';

const dataset = loadDataset(fileURLToPath(new URL('../data', import.meta.url)));
const { entities, meta } = dataset;
const facts = entities.flatMap((e) => e.facts.map((f) => ({ entity: e, fact: f })));

const byType = new Map<string, number>();
for (const e of entities) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);

console.log(`Backstory dataset ${meta.version}, facts checked as of ${meta.checked}`);
console.log(
  `${entities.length} entities, ${facts.length} facts, ${entities.reduce((n, e) => n + e.relations.length, 0)} relations\n`,
);
console.log('By type:');
for (const [type, n] of [...byType].sort((a, b) => b[1] - a[1]))
  console.log(`  ${type.padEnd(14)}${n}`);

const yearOnly = facts.filter(({ fact }) => /^\d{4}$/.test(fact.date ?? fact.from ?? ''));
console.log(`\nFacts dated only to the year: ${yearOnly.length}`);
for (const { entity, fact } of yearOnly)
  console.log(`  ${entity.id}: ${fact.label} (${fact.date ?? fact.from})`);

const contested = facts.filter(({ fact }) => fact.contested);
console.log(`\nContested facts: ${contested.length}`);
for (const { entity, fact } of contested) {
  console.log(
    `  ${entity.id}: ${fact.label} — ${[fact.value, ...fact.contested!.map((r) => r.value)].join(' | ')}`,
  );
}

const thin = entities.filter((e) => e.facts.length < 2);
console.log(`\nEntities with fewer than two facts: ${thin.length}`);
for (const e of thin) console.log(`  ${e.id}`);
