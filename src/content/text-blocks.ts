/**
 * Collects the page's readable text as blocks: runs of text nodes that a reader sees as one
 * flow (a paragraph with its links and bold words), so a name split by inline markup
 * ("Esmail <b>Qaani</b>") is still one string to match. The DOM is only read, never changed.
 */

export interface TextBlock {
  text: string;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
}

/** Never read: code, styles, form fields, embedded documents, our own UI. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'SVG',
  'MATH',
  'HEAD',
  'TITLE',
]);

/** Code and program output: skipped unless the reader asks for them. */
const CODE = new Set(['CODE', 'PRE', 'KBD', 'SAMP']);

/** Elements that flow inside a line; any other element starts a new block. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'DEL',
  'KBD',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
]);

function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}

function blockOf(node: Node): Node | null {
  let at = node.parentNode;
  while (
    at &&
    at.nodeType === Node.ELEMENT_NODE &&
    INLINE.has((at as Element).tagName.toUpperCase())
  ) {
    at = at.parentNode;
  }
  return at;
}

export interface CollectOptions {
  /** Our own UI, never read. */
  isOwnUi?: (el: Element) => boolean;
  /** Read code and preformatted text too (off by default: names there are rarely prose). */
  includeCode?: boolean;
}

export function collectTextBlocks(root: Node, options: CollectOptions = {}): TextBlock[] {
  const isOwnUi = options.isOwnUi ?? (() => false);
  const includeCode = options.includeCode ?? false;
  const doc = root.ownerDocument ?? (root as Document);
  if (doc.designMode === 'on') return [];
  const blocks: TextBlock[] = [];
  let current: TextBlock | undefined;
  let currentBlock: Node | null = null;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (
        SKIPPED.has(tag) ||
        (!includeCode && CODE.has(tag)) ||
        isEditable(el) ||
        el.hasAttribute('hidden') ||
        isOwnUi(el)
      ) {
        return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) {
      // A <br>, an image or a nested block ends the words before it.
      if (!INLINE.has((node as Element).tagName.toUpperCase())) current = undefined;
      continue;
    }
    const text = node as Text;
    const data = text.data;
    if (data.trim() === '') {
      // Whitespace between inline elements still separates words.
      if (current && blockOf(text) === currentBlock) appendNode(current, text);
      else current = undefined;
      continue;
    }
    const block = blockOf(text);
    if (!current || block !== currentBlock) {
      current = { text: '', nodes: [], starts: [] };
      currentBlock = block;
      blocks.push(current);
    }
    appendNode(current, text);
  }
  return blocks;
}

function appendNode(block: TextBlock, node: Text): void {
  block.starts.push(block.text.length);
  block.nodes.push(node);
  block.text += node.data;
}

/** The text node (and its index in the block) and the offset inside it for a character offset of the block's text. */
export function locate(
  block: TextBlock,
  offset: number,
  preferEnd: boolean,
): { node: Text; offset: number; index: number } {
  // Binary search for the last node starting at or before `offset` (before it, for an end offset).
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = block.starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: block.nodes[lo]!, offset: offset - block.starts[lo]!, index: lo };
}
