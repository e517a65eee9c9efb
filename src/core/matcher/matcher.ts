import {
  compileIndex,
  deserializeIndex,
  type CompiledIndex,
  type MatchableEntity,
  type Rule,
  type SerializedIndex,
} from './compile';
import {
  classOf,
  foldAlias,
  foldCode,
  foldKeepCase,
  IGNORE,
  isWordAt,
  isWordBefore,
  SPACE,
  SURROGATE,
  WORD,
} from './normalize';

/**
 * Finds the dataset's names in text, leftmost-longest, on Unicode word boundaries.
 *
 * Why a word-anchored trie and not Aho–Corasick: every match must start at a word start, so
 * the scan only enters the trie there and walks it as far as the text allows; a failed walk
 * costs a step or two in real text, and Aho–Corasick's failure links would only find matches
 * starting inside words, which are rejected anyway. The scan collects every alias that ends
 * on a word boundary along the walk, then takes the longest one whose rules pass (case, short
 * form, context words) and resumes after it, so matches never overlap ("Kata'ib Hezbollah" is
 * not also "Hezbollah"). Ignorable characters (soft hyphens, zero-width, tatweel, harakat)
 * are stepped over; a space in an alias matches any run of whitespace. Offsets are UTF-16
 * indices into the original string.
 *
 * Short forms (a bare surname) count only after a full name of the same entity appeared
 * earlier in the same document; pass one `DocumentState` for all blocks of a page.
 */

export interface Match {
  /** UTF-16 offsets into the scanned string; `end` is exclusive. */
  start: number;
  end: number;
  entityId: string;
}

/** What the matcher remembers about a document between its blocks. */
export interface DocumentState {
  /** Entities whose full name (a non-short alias) has appeared. */
  seen: Set<string>;
}

export const newDocumentState = (): DocumentState => ({ seen: new Set() });

/** Arabic one-letter clitics that attach to the next word: and, so, with, for, like. */
const CLITICS = new Set([0x0648, 0x0641, 0x0628, 0x0644, 0x0643]);

export class Matcher {
  private readonly index: CompiledIndex;

  constructor(entitiesOrIndex: readonly MatchableEntity[] | CompiledIndex) {
    this.index = Array.isArray(entitiesOrIndex)
      ? compileIndex(entitiesOrIndex)
      : (entitiesOrIndex as CompiledIndex);
  }

  /** Loads an index compiled at build time. */
  static load(serialized: SerializedIndex): Matcher {
    return new Matcher(deserializeIndex(serialized));
  }

  /** Matches a document given as text blocks in reading order, applying document-level rules across them. */
  findInDocument(blocks: readonly string[]): Match[][] {
    const state = newDocumentState();
    return blocks.map((block) => this.findAll(block, state));
  }

  /** Every name in `text`, in order, leftmost-longest, without overlaps. */
  findAll(text: string, state: DocumentState = newDocumentState()): Match[] {
    const matches: Match[] = [];
    const n = text.length;
    let prevWord = false;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      const cls = classOf(code);
      if (cls & IGNORE) {
        i++;
        continue;
      }
      const word = cls & SURROGATE ? isWordAt(text, i) : (cls & WORD) !== 0;
      if (word && !prevWord) {
        const found = this.longestAt(text, i, state, false) ?? this.afterClitics(text, i, state);
        if (found) {
          matches.push(found);
          i = found.end;
          prevWord = false;
          continue;
        }
      }
      prevWord = word;
      i += cls & SURROGATE && code < 0xdc00 ? 2 : 1;
    }
    return matches;
  }

  /** A name glued to one or two Arabic clitics ("وطهران"), for aliases that allow it. */
  private afterClitics(text: string, start: number, state: DocumentState): Match | undefined {
    for (let k = 1; k <= 2 && CLITICS.has(text.charCodeAt(start + k - 1)); k++) {
      const found = this.longestAt(text, start + k, state, true);
      if (found) return found;
    }
    return undefined;
  }

  private child(node: number, c: number): number {
    const { edgeStart, edgeChar, edgeTarget } = this.index;
    let lo = edgeStart[node]!;
    let hi = edgeStart[node + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = edgeChar[mid]!;
      if (x === c) return edgeTarget[mid]!;
      if (x < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private longestAt(
    text: string,
    start: number,
    state: DocumentState,
    clitic: boolean,
  ): Match | undefined {
    const { entryStart } = this.index;
    const n = text.length;
    let ends: number[] | undefined;
    let node = 0;
    let j = start;
    while (j < n) {
      const code = text.charCodeAt(j);
      const cls = classOf(code);
      if (cls & IGNORE) {
        j++;
        continue;
      }
      if (cls & SPACE) {
        node = this.child(node, 0x20);
        if (node < 0) break;
        while (j < n && classOf(text.charCodeAt(j)) & (SPACE | IGNORE)) j++;
        continue;
      }
      node = this.child(node, foldCode(code));
      if (node < 0) break;
      j++;
      if (entryStart[node]! < entryStart[node + 1]! && !isWordAt(text, j))
        (ends ??= []).push(j, node);
    }
    if (!ends) return undefined;
    for (let k = ends.length - 2; k >= 0; k -= 2) {
      const end = ends[k]!;
      const at = ends[k + 1]!;
      for (let e = entryStart[at]!; e < entryStart[at + 1]!; e++) {
        const entityId = this.index.entityIds[this.index.entryEntity[e]!]!;
        const r = this.index.entryRule[e]!;
        const rule = r >= 0 ? this.index.rules[r] : undefined;
        if (!accepts(rule, entityId, text, start, end, state, clitic)) continue;
        if (!rule?.short) state.seen.add(entityId);
        return { start, end, entityId };
      }
    }
    return undefined;
  }
}

function accepts(
  rule: Rule | undefined,
  entityId: string,
  text: string,
  start: number,
  end: number,
  state: DocumentState,
  clitic: boolean,
): boolean {
  if (clitic && !rule?.clitics) return false;
  if (!rule) return true;
  if (rule.short && !state.seen.has(entityId)) return false;
  if (rule.exact !== undefined && foldKeepCase(text.slice(start, end)) !== rule.exact) return false;
  if (rule.followed?.some((w) => followedBy(text, end, w))) return false;
  if (rule.preceded?.some((w) => precededBy(text, start, w))) return false;
  return true;
}

/** Whether the words after `end` (past spaces) begin with the folded phrase `words`. */
function followedBy(text: string, end: number, words: string): boolean {
  let i = end;
  while (i < text.length && classOf(text.charCodeAt(i)) & SPACE) i++;
  if (i === end && isWordAt(text, end)) return false;
  const next = foldAlias(text.slice(i, i + words.length + 8));
  return next.startsWith(words) && !isWordAt(next, words.length);
}

/** Whether the words before `start` (past spaces) end with the folded phrase `words`. */
function precededBy(text: string, start: number, words: string): boolean {
  let i = start;
  while (i > 0 && classOf(text.charCodeAt(i - 1)) & SPACE) i--;
  const from = i - words.length;
  return from >= 0 && foldAlias(text.slice(from, i)) === words && !isWordBefore(text, from);
}
