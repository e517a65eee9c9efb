import { aliasText, type Alias, type Entity } from '../dataset/schema';
import {
  fold,
  foldAlias,
  foldKeepCase,
  foldUnit,
  isWordCharAt,
  isWordCharBefore,
} from './normalize';

/**
 * A character trie over the folded names, native names and aliases of every entity. The scan
 * tries each word start of the text, walks the trie as far as the text allows and collects
 * every alias that ends on a word boundary; it then takes the longest one whose rules pass
 * (case, short form, context words) and resumes after it, so matches never overlap
 * ("Kata'ib Hezbollah" is not also "Hezbollah"). A space in an alias matches any run of
 * whitespace in the text, so names broken across lines still match.
 *
 * Short forms (a bare surname) count only after a full name of the same entity appeared
 * earlier in the same document; `DocumentState` carries that across the blocks of a page.
 */

export interface Match {
  /** UTF-16 offsets into the scanned string; `end` is exclusive. */
  start: number;
  end: number;
  entityId: string;
}

/** What the matcher remembers about a document between blocks. */
export interface DocumentState {
  /** Entities whose full name (a non-short alias) has appeared. */
  seen: Set<string>;
}

export const newDocumentState = (): DocumentState => ({ seen: new Set() });

interface Entry {
  entityId: string;
  /** For case-sensitive aliases: the alias with punctuation folded, case kept. */
  exact?: string;
  short: boolean;
  unlessFollowedBy?: string[];
  unlessPrecededBy?: string[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: Entry[];
}

const node = (): TrieNode => ({ next: new Map(), entries: [] });

type Named = Pick<Entity, 'id' | 'name' | 'aliases'> & { native?: Entity['native'] };

export class Matcher {
  private readonly root = node();

  constructor(entities: readonly Named[]) {
    for (const entity of entities) {
      // An alias object with the canonical name's own text carries the name's rules
      // ("Turkey" only capitalised), so the name is then not added a second time without them.
      const ruled = new Set(
        entity.aliases.filter((a) => typeof a !== 'string').map((a) => foldAlias(aliasText(a))),
      );
      const names: Alias[] = [
        ...(ruled.has(foldAlias(entity.name)) ? [] : [entity.name]),
        ...(entity.native ?? []).map((n) => n.text),
        ...entity.aliases,
      ];
      for (const alias of names) this.add(alias, entity.id);
    }
  }

  private add(alias: Alias, entityId: string): void {
    const text = aliasText(alias);
    const key = foldAlias(text);
    if (key.length === 0) return;
    let at = this.root;
    for (const unit of key) {
      let child = at.next.get(unit);
      if (!child) at.next.set(unit, (child = node()));
      at = child;
    }
    const rule = typeof alias === 'string' ? undefined : alias;
    at.entries.push({
      entityId,
      exact: rule?.caseSensitive ? foldKeepCase(text) : undefined,
      short: rule?.short ?? false,
      unlessFollowedBy: rule?.unlessFollowedBy?.map(foldAlias),
      unlessPrecededBy: rule?.unlessPrecededBy?.map(foldAlias),
    });
  }

  /**
   * Every alias occurrence in `text`, in order, leftmost-longest, without overlaps. Pass the
   * same `state` for every block of one document so short forms see the names before them.
   */
  findAll(text: string, state: DocumentState = newDocumentState()): Match[] {
    const matches: Match[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (isWordCharBefore(text, i) || !isWordCharAt(text, i)) {
        i++;
        continue;
      }
      const found = this.longestAt(text, i, state);
      if (found) {
        matches.push(found);
        i = found.end;
      } else {
        i++;
      }
    }
    return matches;
  }

  private longestAt(text: string, start: number, state: DocumentState): Match | undefined {
    const ends: { end: number; entries: Entry[] }[] = [];
    let at: TrieNode | undefined = this.root;
    let j = start;
    while (at && j < text.length) {
      const unit = foldUnit(text.charAt(j));
      if (unit === ' ') {
        at = at.next.get(' ');
        while (j < text.length && foldUnit(text.charAt(j)) === ' ') j++;
        continue;
      }
      at = at.next.get(unit);
      j++;
      if (at && at.entries.length > 0 && !isWordCharAt(text, j))
        ends.push({ end: j, entries: at.entries });
    }
    for (let k = ends.length - 1; k >= 0; k--) {
      const { end, entries } = ends[k]!;
      const entry = entries.find((e) => accepts(e, text, start, end, state));
      if (entry) {
        if (!entry.short) state.seen.add(entry.entityId);
        return { start, end, entityId: entry.entityId };
      }
    }
    return undefined;
  }
}

function accepts(
  entry: Entry,
  text: string,
  start: number,
  end: number,
  state: DocumentState,
): boolean {
  if (entry.short && !state.seen.has(entry.entityId)) return false;
  if (entry.exact !== undefined && foldKeepCase(text.slice(start, end)) !== entry.exact)
    return false;
  if (entry.unlessFollowedBy && entry.unlessFollowedBy.some((w) => followedBy(text, end, w)))
    return false;
  if (entry.unlessPrecededBy && entry.unlessPrecededBy.some((w) => precededBy(text, start, w)))
    return false;
  return true;
}

/** Whether the words after `end` (past spaces) begin with the folded phrase `words`. */
function followedBy(text: string, end: number, words: string): boolean {
  let i = end;
  while (i < text.length && foldUnit(text.charAt(i)) === ' ') i++;
  if (i === end && isWordCharAt(text, end)) return false;
  const next = fold(text.slice(i, i + words.length + 1));
  return next.startsWith(words) && !isWordCharAt(next, words.length);
}

/** Whether the words before `start` (past spaces) end with the folded phrase `words`. */
function precededBy(text: string, start: number, words: string): boolean {
  let i = start;
  while (i > 0 && foldUnit(text.charAt(i - 1)) === ' ') i--;
  const from = i - words.length;
  if (from < 0) return false;
  return fold(text.slice(from, i)) === words && !isWordCharBefore(text, from);
}
