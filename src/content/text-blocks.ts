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
  /** The element the text flows in: its nearest ancestor that is not an inline element. */
  element: Element;
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

export interface CollectOptions {
  /** Our own UI, never read. */
  isOwnUi?: (el: Element) => boolean;
  /** Read code and preformatted text too (off by default: names there are rarely prose). */
  includeCode?: boolean;
}

function isSkipped(el: Element, options: CollectOptions): boolean {
  const tag = el.tagName.toUpperCase();
  return (
    SKIPPED.has(tag) ||
    (!options.includeCode && CODE.has(tag)) ||
    isEditable(el) ||
    el.hasAttribute('hidden') ||
    (options.isOwnUi?.(el) ?? false)
  );
}

/**
 * Whether text inside `el` is ours to read: neither it nor any ancestor (across shadow roots)
 * is skipped. Parts of the page rescanned after a change are checked with this first, so
 * typing in an editor never makes us read it.
 */
export function isReadable(el: Element, options: CollectOptions = {}): boolean {
  if (el.ownerDocument.designMode === 'on') return false;
  if (el instanceof HTMLElement && el.isContentEditable) return false;
  for (let at: Element | null = el; at;) {
    if (isSkipped(at, options)) return false;
    const parent: Node | null = at.parentNode;
    at = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
  }
  return true;
}

/** Reads the whole of `root` at once (tests, and small subtrees). */
export function collectTextBlocks(root: Node, options: CollectOptions = {}): TextBlock[] {
  const out: TextBlock[] = [];
  new BlockCollector(root, options).collect(out);
  return out;
}

/** Whether an element flows inside a line (so it belongs to the block around it). */
export function isInline(el: Element): boolean {
  return INLINE.has(el.tagName.toUpperCase());
}

/** The nearest ancestor-or-self of `node` that is an element and not inline: where its text flows. */
export function flowElement(node: Node): Element | null {
  let at: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (
    at &&
    at.nodeType === Node.ELEMENT_NODE &&
    INLINE.has((at as Element).tagName.toUpperCase())
  )
    at = at.parentNode;
  if (at && at.nodeType === Node.ELEMENT_NODE) return at as Element;
  // A shadow root or document fragment: its host stands for it.
  return at instanceof ShadowRoot ? at.host : null;
}

/**
 * Walks a subtree in document order, a slice at a time: `collect` stops at a deadline and the
 * next call goes on where it stopped, so a long page is read without one long task. It uses one
 * TreeWalker without an `acceptNode` callback (a callback per node costs a call into script for
 * every node); skipped elements are stepped over with `nextSibling`. Open shadow roots are
 * read where their host stands.
 */
export class BlockCollector {
  private readonly doc: Document;
  /** The walkers in use: the page's, then one per open shadow root being read. */
  private readonly walkers: TreeWalker[] = [];
  private pending: Node | null = null;
  private current: TextBlock | undefined;
  private currentFlow: Node | null = null;
  /** Shadow roots met so far, for the caller to watch for changes. */
  readonly shadowRoots: ShadowRoot[] = [];
  private finished = false;

  constructor(
    root: Node,
    private readonly options: CollectOptions = {},
  ) {
    this.doc = root.ownerDocument ?? (root as Document);
    const skipRoot =
      this.doc.designMode === 'on' ||
      (root.nodeType === Node.ELEMENT_NODE && this.skipped(root as Element));
    if (skipRoot) {
      this.finished = true;
      return;
    }
    this.enter(root);
  }

  get done(): boolean {
    return this.finished;
  }

  /** The node the walk will read next (null at the end), to tell whether a change lies ahead. */
  get position(): Node | null {
    return this.pending;
  }

  private skipped(el: Element): boolean {
    return isSkipped(el, this.options);
  }

  private enter(root: Node): void {
    const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    this.walkers.push(walker);
    this.pending = walker.nextNode();
  }

  /** The node after the current one's subtree, or null at the end of the walker's root. */
  private skipSubtree(walker: TreeWalker): Node | null {
    const next = walker.nextSibling();
    if (next) return next;
    while (walker.parentNode()) {
      const after = walker.nextSibling();
      if (after) return after;
    }
    return null;
  }

  /** Appends every block completed before `deadline` to `out`; true when the walk is over. */
  collect(out: TextBlock[], deadline = Infinity): boolean {
    let count = 0;
    while (!this.finished) {
      const walker = this.walkers[this.walkers.length - 1]!;
      const node = this.pending;
      if (!node) {
        // This root is read: back to the walker that met its host, or the end.
        this.endBlock(out);
        this.walkers.pop();
        if (this.walkers.length === 0) {
          this.finished = true;
          break;
        }
        this.pending = this.walkers[this.walkers.length - 1]!.nextNode();
        continue;
      }
      if ((++count & 31) === 0 && performance.now() >= deadline) return false;
      if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        if (this.skipped(el)) {
          this.pending = this.skipSubtree(walker);
          continue;
        }
        // A <br>, an image or a nested block ends the words before it.
        if (!INLINE.has(el.tagName.toUpperCase())) this.endBlock(out);
        const shadow = el.shadowRoot;
        if (shadow && !this.shadowRoots.includes(shadow)) {
          this.shadowRoots.push(shadow);
          this.endBlock(out);
          this.enter(shadow);
          continue;
        }
        this.pending = walker.nextNode();
        continue;
      }
      this.pending = walker.nextNode();
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const text = node as Text;
      if (text.data.trim() === '') {
        // Whitespace between inline elements still separates words.
        if (this.current && flowElement(text) === this.currentFlow) appendNode(this.current, text);
        else this.endBlock(out);
        continue;
      }
      const flow = flowElement(text);
      if (!flow) continue;
      if (this.current && flow !== this.currentFlow) this.endBlock(out);
      if (!this.current) {
        this.current = { text: '', nodes: [], starts: [], element: flow };
        this.currentFlow = flow;
      }
      appendNode(this.current, text);
    }
    return true;
  }

  private endBlock(out: TextBlock[]): void {
    if (this.current) {
      // A block that is only whitespace carries no words.
      if (this.current.text.trim() !== '') out.push(this.current);
      this.current = undefined;
      this.currentFlow = null;
    }
  }
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
