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
  foldKeepCase,
  IGNORE,
  INFO,
  isWordAt,
  isWordBefore,
  learn,
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
  /** The root's children by folded first character (-1: none), so a word start costs one load. */
  private readonly rootChild = new Int32Array(65536).fill(-1);
  /**
   * A filter on a word's first two folded units: one bit per hashed pair that begins some
   * alias. Most words of a text begin no alias, and are then skipped without entering the trie.
   */
  private readonly pairs = new Uint8Array(8192);
  /** First units that are a whole alias on their own (the pair filter cannot judge those). */
  private readonly single = new Uint8Array(65536);
  /** Scratch for the accepting positions of one walk: pairs (end, node). */
  private ends = new Int32Array(64);

  constructor(entitiesOrIndex: readonly MatchableEntity[] | CompiledIndex) {
    this.index = Array.isArray(entitiesOrIndex)
      ? compileIndex(entitiesOrIndex)
      : (entitiesOrIndex as CompiledIndex);
    const { edgeStart, edgeChar, edgeTarget, entryStart } = this.index;
    for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) {
      const c1 = edgeChar[e]!;
      const node = edgeTarget[e]!;
      this.rootChild[c1] = node;
      if (entryStart[node]! < entryStart[node + 1]!) this.single[c1] = 1;
      for (let f = edgeStart[node]!; f < edgeStart[node + 1]!; f++) {
        const h = pairHash(c1, edgeChar[f]!);
        this.pairs[h >>> 3]! |= 1 << (h & 7);
      }
    }
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
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      let info = INFO[code]!;
      if (info === 0) info = learn(code);
      if (!(info & WORD)) {
        if (info & SURROGATE && isWordAt(text, i) && !isWordBefore(text, i)) {
          const found = this.longestAt(text, i, state, false);
          if (found) {
            matches.push(found);
            i = found.end;
            continue;
          }
        }
        i++;
        continue;
      }
      // A word start: the scan only stops on a word character after a non-word one (see the
      // end of this loop), except after an astral letter, which is checked here.
      const afterAstral =
        i > 0 && INFO[text.charCodeAt(i - 1)]! & SURROGATE && isWordBefore(text, i);
      if (!afterAstral && (this.mayStartAt(text, i, info) || CLITICS.has(code))) {
        const found = this.longestAt(text, i, state, false) ?? this.afterClitics(text, i, state);
        if (found) {
          matches.push(found);
          i = found.end;
          continue;
        }
      }
      // No name starts here: skip the rest of the word, stepping over ignorables inside it.
      i++;
      while (i < n) {
        let next = INFO[text.charCodeAt(i)]!;
        if (next === 0) next = learn(text.charCodeAt(i));
        if (!(next & (WORD | IGNORE))) break;
        i++;
      }
    }
    return matches;
  }

  /** Whether an alias may start at word start `i`, judged from its first two units. */
  private mayStartAt(text: string, i: number, info: number): boolean {
    const c1 = info >>> 8;
    if (this.rootChild[c1]! < 0) return false;
    if (this.single[c1] || i + 1 >= text.length) return true;
    const code = text.charCodeAt(i + 1);
    let next = INFO[code]!;
    if (next === 0) next = learn(code);
    if (next & (IGNORE | SURROGATE)) return true;
    const h = pairHash(c1, next & SPACE ? 0x20 : next >>> 8);
    return (this.pairs[h >>> 3]! & (1 << (h & 7))) !== 0;
  }

  /** A name glued to one or two Arabic clitics ("وطهران"), for aliases that allow it. */
  private afterClitics(text: string, start: number, state: DocumentState): Match | undefined {
    let i = start;
    for (let k = 0; k < 2 && CLITICS.has(text.charCodeAt(i)); k++) {
      i++;
      while (i < text.length && classOf(text.charCodeAt(i)) & IGNORE) i++; // لـ with tatweel
      const found = this.longestAt(text, i, state, true);
      if (found) return found;
    }
    return undefined;
  }

  private child(node: number, c: number): number {
    if (node === 0) return this.rootChild[c]!;
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
    let count = 0;
    let node = 0;
    let j = start;
    while (j < n) {
      const code = text.charCodeAt(j);
      let info = INFO[code]!;
      if (info === 0) info = learn(code);
      if (info & IGNORE) {
        j++;
        continue;
      }
      if (info & SPACE) {
        node = this.child(node, 0x20);
        if (node < 0) break;
        while (j < n && classOf(text.charCodeAt(j)) & (SPACE | IGNORE)) j++;
        continue;
      }
      node = this.child(node, info >>> 8);
      if (node < 0) break;
      j++;
      if (entryStart[node]! < entryStart[node + 1]! && !isWordAt(text, j)) {
        if (count + 2 > this.ends.length) {
          const grown = new Int32Array(this.ends.length * 2);
          grown.set(this.ends);
          this.ends = grown;
        }
        this.ends[count++] = j;
        this.ends[count++] = node;
      }
    }
    for (let k = count - 2; k >= 0; k -= 2) {
      const end = this.ends[k]!;
      const at = this.ends[k + 1]!;
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

const pairHash = (c1: number, c2: number): number => (Math.imul(c1, 0x9e37) ^ c2) & 0xffff;

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
  if (rule.notSurname && afterGivenName(text, start)) return false;
  if (rule.notFirstName && /^[ \u00A0]\p{Lu}/u.test(text.slice(end, end + 2))) return false;
  return true;
}

/** Words that start a sentence or a place phrase in capitals without being a given name. */
const NOT_NAMES = new Set(
  'In On At From To Of And Or The For With By About Across Into Near Toward Towards Via While When Where As Like Both Neighbouring Neighboring Visiting Northern Southern Eastern Western Central'.split(
    ' ',
  ),
);
const HONORIFICS = /^(?:Mr|Ms|Mrs|Miss|Dr)\.?$/;

/** Whether the word right before `start` (one space away) is a given name or an honorific. */
function afterGivenName(text: string, start: number): boolean {
  const before = /(^|[^\p{L}\p{M}'.])([\p{L}\p{M}'.]+)[ \u00A0]$/u.exec(
    text.slice(Math.max(0, start - 40), start),
  );
  const word = before?.[2];
  if (!word) return false;
  if (HONORIFICS.test(word)) return true;
  return /^\p{Lu}\p{Ll}/u.test(word) && !NOT_NAMES.has(word);
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
