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
  /** The folded words, for "a word starts with the query". */
  words: string[];
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
const RERANK = 200;
/** Words being typed this short filter names rather than expand as prefixes. */
const SHORT = 2;

export class EntitySearch {
  private readonly entities: readonly Entity[];
  private readonly labels: Label[][];
  private readonly mini: MiniSearch<Doc>;

  constructor(entities: readonly Entity[]) {
    this.entities = entities;
    this.labels = entities.map((entity) =>
      [entity.name, ...entity.aliases.map(aliasText), ...entity.native.map((n) => n.text)].map(
        (text, i) => {
          const folded = foldAlias(text);
          return { text, folded, words: words(folded), isName: i === 0 };
        },
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
    const terms = words(q);
    const typed = terms.at(-1);
    if (typed === undefined) return [];
    // A word of one or two letters being typed would expand to a large part of the index as a
    // prefix: it filters the names instead (scanned directly when it is the whole query).
    const short = typed.length <= SHORT;
    let ids: number[];
    if (short && terms.length === 1) {
      ids = [];
      this.labels.forEach((labels, id) => {
        if (labels.some((l) => l.words.some((w) => w.startsWith(typed)))) ids.push(id);
      });
    } else {
      const whole = short ? terms.slice(0, -1) : terms;
      ids = this.mini
        .search(whole.join(' '), {
          // Summaries only once the query says enough.
          fields: q.length >= 3 ? [...FIELDS] : ['name', 'aliases', 'native'],
          boost: { name: 4, aliases: 3, native: 3, summary: 0.4 },
          // The word being typed is a prefix; the words before it are whole.
          prefix: (_term, i, all) => !short && i === all.length - 1,
          // One typo in a word of five letters or more (a second costs more than it finds).
          fuzzy: (term) => (term.length >= 5 ? 1 : false),
          maxFuzzy: 1,
          combineWith: 'AND',
        })
        .map((r) => r.id as number);
      if (short)
        ids = ids.filter((id) =>
          this.labels[id]!.some((l) => l.words.some((w) => w.startsWith(typed))),
        );
    }
    // MiniSearch ranks by relevance; the best few hundred are re-ranked name-first.
    const scored = ids.slice(0, RERANK).map((id, order) => {
      let best: { rank: number; matched: string } | undefined;
      let coverage = 0;
      for (const label of this.labels[id]!) {
        const rank = labelRank(label, q, terms[0]!) * 2 + (label.isName ? 1 : 0);
        if (rank > 1 && (!best || rank > best.rank)) best = { rank, matched: label.text };
        // A canonical name beats an alias covered as much.
        coverage = Math.max(coverage, covered(label, terms) + (label.isName ? 0.01 : 0));
      }
      const entity = this.entities[id]!;
      return {
        hit: { entity, matched: best?.matched ?? entity.name },
        rank: best?.rank ?? 0,
        coverage,
        order,
      };
    });
    // Equal ranks: the name the query covers most ("Soleimani" is more of "Qasem Soleimani"
    // than of "Killing of Qasem Soleimani"), then relevance.
    scored.sort((a, b) => b.rank - a.rank || b.coverage - a.coverage || a.order - b.order);
    return scored.slice(0, limit).map((s) => s.hit);
  }
}

/** How well a name or alias answers the folded query: 0 (not at all) to 4 (exactly). */
function labelRank(label: Label, q: string, firstWord: string): number {
  const { folded } = label;
  if (folded === q) return 4;
  if (folded.startsWith(q)) return 3;
  if (!folded.includes(q)) return 0;
  return label.words.some((w) => w.startsWith(firstWord)) ? 2 : 1;
}

/** The share of a label's words that some query word starts, or names with at most one typo. */
function covered(label: Label, terms: string[]): number {
  if (label.words.length === 0) return 0;
  let hit = 0;
  for (const word of label.words)
    if (terms.some((t) => word.startsWith(t) || (t.length >= 5 && withinOneEdit(word, t)))) hit++;
  return hit / label.words.length;
}

/** Whether two words differ by at most one inserted, deleted or changed letter. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
