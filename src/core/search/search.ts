import MiniSearch from 'minisearch';
import { aliasText, type Entity } from '../dataset/schema';
import { foldAlias } from '../matcher/normalize';

/**
 * Search over the dataset for the popup, with MiniSearch: names, aliases, native-script names
 * and summaries, prefix and typo-tolerant, folded as the page matcher folds (case,
 * diacritics, dashes, Arabic and Persian letter variants), so "qaani", "Qāānī", "Ghaani" and
 * "قاآنی" all find Esmail Qaani.
 *
 * Ranking, best first: a name or alias equal to the query, then one starting with it, then
 * one with a word starting with it (canonical name before alias at each step); below those,
 * MiniSearch's relevance (fuzzy and summary matches). Ties keep MiniSearch's order.
 */

export interface SearchHit {
  entity: Entity;
  /** The name or alias that matched, so the list can say why an entry is there. */
  matched: string;
}

interface Doc {
  id: number;
  name: string;
  aliases: string;
  native: string;
  summary: string;
}

interface Label {
  text: string;
  folded: string;
  isName: boolean;
}

/** Words of folded text: split at spaces, dashes and punctuation; apostrophes dropped ("qa'ani"). */
function words(folded: string): string[] {
  return folded
    .replace(/['’ʼ`]/g, '')
    .split(/[\s\-‐-―/\\,.;:!?()[\]{}"“”«»]+/u)
    .filter((w) => w.length > 0);
}

const FIELDS = ['name', 'aliases', 'native', 'summary'] as const;

export class EntitySearch {
  private readonly entities: readonly Entity[];
  private readonly labels: Label[][];
  private readonly mini: MiniSearch<Doc>;

  constructor(entities: readonly Entity[]) {
    this.entities = entities;
    this.labels = entities.map((entity) =>
      [entity.name, ...entity.aliases.map(aliasText), ...entity.native.map((n) => n.text)].map(
        (text, i) => ({ text, folded: foldAlias(text), isName: i === 0 }),
      ),
    );
    this.mini = new MiniSearch<Doc>({
      idField: 'id',
      fields: [...FIELDS],
      storeFields: [],
      // Folding happens before splitting, so each word is already in its searchable form.
      tokenize: (text) => words(foldAlias(text)),
      processTerm: (term) => term,
      searchOptions: {
        tokenize: (text) => words(foldAlias(text)),
        processTerm: (term) => term,
      },
    });
    this.mini.addAll(
      entities.map((entity, id) => ({
        id,
        name: entity.name,
        aliases: entity.aliases.map(aliasText).join(' | '),
        native: entity.native.map((n) => n.text).join(' | '),
        summary: entity.summary,
      })),
    );
  }

  get size(): number {
    return this.entities.length;
  }

  search(query: string, limit = 20): SearchHit[] {
    const q = foldAlias(query).trim();
    if (words(q).length === 0) return [];
    const results = this.mini.search(query, {
      boost: { name: 4, aliases: 3, native: 3, summary: 0.4 },
      prefix: (term, i, terms) => i === terms.length - 1 || term.length > 2,
      // One typo in a word of five letters or more, two from nine.
      fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
      combineWith: 'AND',
    });
    const scored = results.map((r, order) => {
      const id = r.id as number;
      let best: { rank: number; matched: string } | undefined;
      for (const label of this.labels[id]!) {
        const rank = labelRank(label.folded, q) * 2 + (label.isName ? 1 : 0);
        if (rank > 1 && (!best || rank > best.rank)) best = { rank, matched: label.text };
      }
      const entity = this.entities[id]!;
      return {
        hit: { entity, matched: best?.matched ?? entity.name },
        rank: best?.rank ?? 0,
        order,
      };
    });
    scored.sort((a, b) => b.rank - a.rank || a.order - b.order);
    return scored.slice(0, limit).map((s) => s.hit);
  }
}

/** How well a folded name or alias answers the folded query: 0 (not at all) to 4 (exactly). */
function labelRank(label: string, q: string): number {
  if (label === q) return 4;
  if (label.startsWith(q)) return 3;
  if (words(label).some((w) => w.startsWith(words(q)[0] ?? q)) && label.includes(q)) return 2;
  return label.includes(q) ? 1 : 0;
}
