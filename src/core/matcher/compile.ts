import { aliasText, type Alias, type Entity } from '../dataset/schema';
import { decodeBase64, encodeBase64 } from './base64';
import { foldAlias, foldKeepCase } from './normalize';

/**
 * The compiled matcher index: a trie over the folded names, flattened into typed arrays so it
 * can be built at build time, shipped as bytes and loaded by the content script without
 * rebuilding anything.
 *
 *   node k's edges are edgeChar/edgeTarget[edgeStart[k] .. edgeStart[k+1]), sorted by char,
 *     so a step is a binary search (most deep nodes have one edge);
 *   node k's accepting entries are [entryStart[k] .. entryStart[k+1]): entryEntity (index into
 *     entityIds) and entryRule (-1 for a plain alias, else an index into rules).
 *   Node 0 is the root. A ' ' edge stands for any run of whitespace in the text.
 *
 * Rules are rare (acronyms, short forms, context words), so they stay a small JSON table.
 */

export interface Rule {
  /** Case-sensitive: the alias as it must appear, punctuation folded, case kept. */
  exact?: string;
  /** A short form: counts only after a full name of the same entity in the document. */
  short?: boolean;
  /** Folded words that, right after / before the match, make it something else. */
  followed?: string[];
  preceded?: string[];
  /** May follow an Arabic clitic prefix (و ف ب ل ك) attached to the word. */
  clitics?: boolean;
  /** Not when it is someone's surname or first name (see the dataset schema). */
  notSurname?: boolean;
  notFirstName?: boolean;
}

export interface CompiledIndex {
  edgeStart: Uint32Array;
  edgeChar: Uint16Array;
  edgeTarget: Uint32Array;
  entryStart: Uint32Array;
  entryEntity: Uint32Array;
  entryRule: Int32Array;
  entityIds: string[];
  rules: Rule[];
}

/** What one entity is matched by: its name, native names and aliases, each with its rules. */
export type MatchableEntity = Pick<Entity, 'id' | 'name' | 'aliases'> & {
  native?: { text: string; lang?: string; clitics?: boolean }[];
};

interface BuildNode {
  next: Map<number, BuildNode>;
  entries: [entity: number, rule: number][];
  id: number;
}

function ruleOf(alias: Alias | { text: string; clitics?: boolean }): Rule | undefined {
  if (typeof alias === 'string') return undefined;
  const rule: Rule = {};
  if ('caseSensitive' in alias && alias.caseSensitive) rule.exact = foldKeepCase(alias.text);
  if ('short' in alias && alias.short) rule.short = true;
  if ('unlessFollowedBy' in alias && alias.unlessFollowedBy)
    rule.followed = alias.unlessFollowedBy.map(foldAlias);
  if ('unlessPrecededBy' in alias && alias.unlessPrecededBy)
    rule.preceded = alias.unlessPrecededBy.map(foldAlias);
  if ('clitics' in alias && alias.clitics) rule.clitics = true;
  if ('notSurname' in alias && alias.notSurname) rule.notSurname = true;
  if ('notFirstName' in alias && alias.notFirstName) rule.notFirstName = true;
  return Object.keys(rule).length > 0 ? rule : undefined;
}

export function compileIndex(entities: readonly MatchableEntity[]): CompiledIndex {
  const root: BuildNode = { next: new Map(), entries: [], id: 0 };
  const rules: Rule[] = [];
  const ruleIds = new Map<string, number>();
  let nodeCount = 1;
  let edgeCount = 0;
  let entryCount = 0;
  entities.forEach((entity, e) => {
    // An alias object with the canonical name's own text carries the name's rules
    // ("Turkey" only capitalised), so the plain name is then left out.
    const ruled = new Set(
      entity.aliases.filter((a) => typeof a !== 'string').map((a) => foldAlias(aliasText(a))),
    );
    const names = [
      ...(ruled.has(foldAlias(entity.name)) ? [] : [entity.name]),
      ...(entity.native ?? []),
      ...entity.aliases,
    ];
    for (const alias of names) {
      const key = foldAlias(typeof alias === 'string' ? alias : alias.text);
      if (key.length === 0) continue;
      let at = root;
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        let child = at.next.get(c);
        if (!child) {
          child = { next: new Map(), entries: [], id: nodeCount++ };
          at.next.set(c, child);
          edgeCount++;
        }
        at = child;
      }
      const rule = ruleOf(alias);
      let r = -1;
      if (rule) {
        const json = JSON.stringify(rule);
        r = ruleIds.get(json) ?? rules.push(rule) - 1;
        ruleIds.set(json, r);
      }
      if (!at.entries.some(([x, y]) => x === e && y === r)) {
        at.entries.push([e, r]);
        entryCount++;
      }
    }
  });

  const index: CompiledIndex = {
    edgeStart: new Uint32Array(nodeCount + 1),
    edgeChar: new Uint16Array(edgeCount),
    edgeTarget: new Uint32Array(edgeCount),
    entryStart: new Uint32Array(nodeCount + 1),
    entryEntity: new Uint32Array(entryCount),
    entryRule: new Int32Array(entryCount),
    entityIds: entities.map((e) => e.id),
    rules,
  };
  const byId: BuildNode[] = new Array<BuildNode>(nodeCount);
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    byId[node.id] = node;
    for (const child of node.next.values()) stack.push(child);
  }
  let edge = 0;
  let entry = 0;
  for (let k = 0; k < nodeCount; k++) {
    const node = byId[k]!;
    index.edgeStart[k] = edge;
    for (const [c, child] of [...node.next].sort((a, b) => a[0] - b[0])) {
      index.edgeChar[edge] = c;
      index.edgeTarget[edge++] = child.id;
    }
    index.entryStart[k] = entry;
    for (const [e, r] of node.entries) {
      index.entryEntity[entry] = e;
      index.entryRule[entry++] = r;
    }
  }
  index.edgeStart[nodeCount] = edge;
  index.entryStart[nodeCount] = entry;
  return index;
}

/** The index as shipped: the typed arrays as one base64 blob, ids and rules as JSON. */
export interface SerializedIndex {
  bytes: string;
  entityIds: string[];
  rules: Rule[];
}

const ARRAYS = [
  'edgeStart',
  'edgeTarget',
  'entryStart',
  'entryEntity',
  'entryRule',
  'edgeChar',
] as const;

export function serializeIndex(index: CompiledIndex): SerializedIndex {
  const counts = new Uint32Array(ARRAYS.map((name) => index[name].length));
  const parts = [counts, ...ARRAYS.map((name) => index[name])];
  const size = parts.reduce((n, a) => n + a.byteLength, 0);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const a of parts) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset);
    offset += a.byteLength;
  }
  return { bytes: encodeBase64(bytes), entityIds: index.entityIds, rules: index.rules };
}

export function deserializeIndex(serialized: SerializedIndex): CompiledIndex {
  const bytes = decodeBase64(serialized.bytes);
  const buffer = bytes.buffer;
  const counts = new Uint32Array(buffer, 0, ARRAYS.length);
  let offset = counts.byteLength;
  const take = <T>(
    make: (b: ArrayBuffer, o: number, n: number) => T,
    n: number,
    width: number,
  ): T => {
    const array = make(buffer as ArrayBuffer, offset, n);
    offset += n * width;
    return array;
  };
  // Uint16 edgeChar comes last, so every 32-bit array stays 4-byte aligned.
  return {
    edgeStart: take((b, o, n) => new Uint32Array(b, o, n), counts[0]!, 4),
    edgeTarget: take((b, o, n) => new Uint32Array(b, o, n), counts[1]!, 4),
    entryStart: take((b, o, n) => new Uint32Array(b, o, n), counts[2]!, 4),
    entryEntity: take((b, o, n) => new Uint32Array(b, o, n), counts[3]!, 4),
    entryRule: take((b, o, n) => new Int32Array(b, o, n), counts[4]!, 4),
    edgeChar: take((b, o, n) => new Uint16Array(b, o, n), counts[5]!, 2),
    entityIds: serialized.entityIds,
    rules: serialized.rules,
  };
}

/** Bytes the index takes in memory (typed arrays only). */
export function indexBytes(index: CompiledIndex): number {
  return ARRAYS.reduce((n, name) => n + index[name].byteLength, 0);
}
