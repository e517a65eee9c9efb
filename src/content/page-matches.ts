import { newDocumentState, type Matcher } from '../core/matcher/matcher';
import { collectTextBlocks, locate, type CollectOptions } from './text-blocks';

/** One highlighted name on the page: its entity and the live DOM range it covers. */
export interface PageMatch {
  entityId: string;
  range: Range;
}

export interface PageScan {
  matches: PageMatch[];
  /** The matches touching each text node, for hit-testing under the pointer. */
  byNode: Map<Text, PageMatch[]>;
}

export interface ScanOptions extends CollectOptions {
  /** Only the first mention of each entity, for readers who find every mention too busy. */
  firstMentionOnly?: boolean;
}

/** Reads the page's text, matches it and turns each match into a DOM Range (the DOM is not changed). */
export function scanPage(root: Node, matcher: Matcher, options: ScanOptions = {}): PageScan {
  const doc = root.ownerDocument ?? (root as Document);
  const matches: PageMatch[] = [];
  const byNode = new Map<Text, PageMatch[]>();
  const state = newDocumentState();
  const shown = new Set<string>();
  for (const block of collectTextBlocks(root, options)) {
    for (const m of matcher.findAll(block.text, state)) {
      if (options.firstMentionOnly && shown.has(m.entityId)) continue;
      shown.add(m.entityId);
      const start = locate(block, m.start, false);
      const end = locate(block, m.end, true);
      const range = doc.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const match = { entityId: m.entityId, range };
      matches.push(match);
      for (let i = start.index; i <= end.index; i++) {
        const node = block.nodes[i]!;
        const list = byNode.get(node);
        if (list) list.push(match);
        else byNode.set(node, [match]);
      }
    }
  }
  return { matches, byNode };
}
