import type { EntityType } from '../core/dataset/schema';
import type { DocumentState } from '../core/matcher/matcher';
import type { NameFinder } from '../core/matcher/matcher-set';
import { locate, type TextBlock } from './text-blocks';

/** One name found on the page: its entity and the text it covers (a StaticRange: not live). */
export interface PageMatch {
  entityId: string;
  category: EntityType | 'other';
  range: StaticRange;
  block: ScannedBlock;
  /** Indexes of the first and last of the block's text nodes the match touches. */
  span: readonly [number, number];
}

/** A block of the page's text and the names found in it. */
export interface ScannedBlock {
  block: TextBlock;
  matches: PageMatch[];
  /** Not rendered (display: none, visibility: hidden): not matched until it is shown. */
  hidden: boolean;
}

/** A live Range over a match, for geometry; undefined when the page has changed under it. */
export function liveRange(match: PageMatch): Range | undefined {
  const r = match.range;
  if (!r.startContainer.isConnected || !r.endContainer.isConnected) return undefined;
  try {
    const range = r.startContainer.ownerDocument!.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  } catch {
    return undefined; // offsets past the text's end: the text changed since it was read
  }
}

function isRendered(el: Element): boolean {
  // checkVisibility covers display: none on any ancestor, content-visibility: hidden and,
  // with the option, visibility: hidden. Older engines: assume shown.
  return typeof el.checkVisibility === 'function'
    ? el.checkVisibility({ visibilityProperty: true })
    : true;
}

/** The node in the main document that stands for `node` (itself, or its shadow hosts' outermost). */
function documentAnchor(node: Node): Node {
  let at = node;
  for (let root = at.getRootNode(); root instanceof ShadowRoot; root = at.getRootNode())
    at = root.host;
  return at;
}

/** Document order across shadow trees: -1 when a comes first. */
export function compareNodes(a: Node, b: Node): number {
  if (a === b) return 0;
  const [ha, hb] = [documentAnchor(a), documentAnchor(b)];
  const [x, y] = ha === hb ? [a, b] : [ha, hb];
  const position = x.compareDocumentPosition(y);
  if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

/**
 * Every block read so far, in document order, with its matches; and, for the pointer, the
 * matches touching each text node. Blocks come in from the ordered pass (appended), from
 * rescans of changed parts of the page (inserted in place) and are removed when their part
 * of the page changes or goes.
 */
export class PageIndex {
  readonly blocks: ScannedBlock[] = [];
  readonly byNode = new Map<Text, PageMatch[]>();
  private matchCount = 0;

  constructor(
    private readonly matcher: NameFinder,
    private readonly types: Record<string, EntityType>,
  ) {}

  get size(): number {
    return this.matchCount;
  }

  /** Matches one block of text and turns each match into a StaticRange over its text nodes. */
  scan(block: TextBlock, state: DocumentState): ScannedBlock {
    const scanned: ScannedBlock = { block, matches: [], hidden: !isRendered(block.element) };
    if (scanned.hidden) return scanned;
    for (const m of this.matcher.findAll(block.text, state)) {
      const start = locate(block, m.start, false);
      const end = locate(block, m.end, true);
      scanned.matches.push({
        entityId: m.entityId,
        category: this.types[m.entityId] ?? 'other',
        range: new StaticRange({
          startContainer: start.node,
          startOffset: start.offset,
          endContainer: end.node,
          endOffset: end.offset,
        }),
        block: scanned,
        span: [start.index, end.index],
      });
    }
    return scanned;
  }

  append(scanned: ScannedBlock): void {
    this.blocks.push(scanned);
    this.indexNodes(scanned, true);
  }

  /** Puts a block where it stands in the document (after a rescan of part of the page). */
  insert(scanned: ScannedBlock): void {
    const first = scanned.block.nodes[0]!;
    const last = this.blocks.at(-1);
    if (!last || compareNodes(last.block.nodes[0]!, first) < 0) {
      // The ordered pass reads the page top to bottom: most blocks go at the end.
      this.blocks.push(scanned);
      this.indexNodes(scanned, true);
      return;
    }
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareNodes(this.blocks[mid]!.block.nodes[0]!, first) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.blocks.splice(lo, 0, scanned);
    this.indexNodes(scanned, true);
  }

  /** Removes the blocks that `test` picks and returns them. */
  remove(test: (scanned: ScannedBlock) => boolean): ScannedBlock[] {
    const removed: ScannedBlock[] = [];
    let kept = 0;
    for (const scanned of this.blocks) {
      if (test(scanned)) {
        removed.push(scanned);
        this.indexNodes(scanned, false);
      } else this.blocks[kept++] = scanned;
    }
    this.blocks.length = kept;
    return removed;
  }

  /** Forgets every block. */
  clear(): void {
    this.blocks.length = 0;
    this.byNode.clear();
    this.matchCount = 0;
  }

  /** Every match in document order. */
  *matches(): Generator<PageMatch> {
    for (const scanned of this.blocks) yield* scanned.matches;
  }

  private indexNodes(scanned: ScannedBlock, add: boolean): void {
    this.matchCount += add ? scanned.matches.length : -scanned.matches.length;
    const { nodes } = scanned.block;
    for (const match of scanned.matches) {
      for (let i = match.span[0]; i <= match.span[1]; i++) {
        const node = nodes[i]!;
        const list = this.byNode.get(node);
        if (add) {
          if (list) list.push(match);
          else this.byNode.set(node, [match]);
        } else if (list) {
          const rest = list.filter((m) => m !== match);
          if (rest.length) this.byNode.set(node, rest);
          else this.byNode.delete(node);
        }
      }
    }
  }
}
