import type { Entity } from '../dataset/schema';
import { foldAlias, foldUnit, isWordCharAt, isWordCharBefore } from './normalize';

/**
 * Matcher v0: a character trie over the folded aliases of every entity. The scan tries each
 * word start of the text, walks the trie as far as the text allows and keeps the longest alias
 * that ends on a word boundary; the scan resumes after it, so matches never overlap
 * ("Kata'ib Hezbollah" is not also "Hezbollah"). A space in an alias matches any run of
 * whitespace in the text, so names broken across lines still match.
 */

export interface Match {
  /** UTF-16 offsets into the scanned string; `end` is exclusive. */
  start: number;
  end: number;
  entityId: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entityIds: string[];
}

const node = (): TrieNode => ({ next: new Map(), entityIds: [] });

export class Matcher {
  private readonly root = node();

  constructor(entities: readonly Pick<Entity, 'id' | 'name' | 'aliases'>[]) {
    for (const entity of entities) {
      for (const alias of [entity.name, ...entity.aliases]) this.add(alias, entity.id);
    }
  }

  private add(alias: string, entityId: string): void {
    const key = foldAlias(alias);
    if (key.length === 0) return;
    let at = this.root;
    for (const unit of key) {
      let child = at.next.get(unit);
      if (!child) at.next.set(unit, (child = node()));
      at = child;
    }
    if (!at.entityIds.includes(entityId)) at.entityIds.push(entityId);
  }

  /** Every alias occurrence in `text`, in order, leftmost-longest, without overlaps. */
  findAll(text: string): Match[] {
    const matches: Match[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (isWordCharBefore(text, i) || !isWordCharAt(text, i)) {
        i++;
        continue;
      }
      const found = this.longestAt(text, i);
      if (found) {
        matches.push(found);
        i = found.end;
      } else {
        i++;
      }
    }
    return matches;
  }

  private longestAt(text: string, start: number): Match | undefined {
    let at: TrieNode | undefined = this.root;
    let best: Match | undefined;
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
      if (at && at.entityIds.length > 0 && !isWordCharAt(text, j)) {
        best = { start, end: j, entityId: at.entityIds[0]! };
      }
    }
    return best;
  }
}
