/**
 * Finds the names on the page without holding up the page: the blocks on screen are read and
 * painted first, then the whole page in document order in slices of a few milliseconds, then
 * only what changes. The DOM is read, never written.
 */
import type { EntityType } from '../core/dataset/schema';
import { newDocumentState, type DocumentState } from '../core/matcher/matcher';
import type { NameFinder } from '../core/matcher/matcher-set';
import type { PageStats } from '../shared/messages';
import { caretAt } from './hit-test';
import { Painter } from './highlights';
import { PageIndex, type PageMatch, type ScannedBlock } from './page-index';
import { PageWatch, type PageChanges } from './page-watch';
import { FRAME_GAP_MS, nextFrame, SLICE_MS, yieldToPage } from './slices';
import {
  BlockCollector,
  collectTextBlocks,
  flowElement,
  isReadable,
  type CollectOptions,
  type TextBlock,
} from './text-blocks';

export interface ScanOptions extends CollectOptions {
  /** Only the first mention of each entity, for readers who find every mention too busy. */
  firstMentionOnly?: boolean;
}

/** Changed parts of the page are read again this long after the change (changes come in bursts). */
export const RESCAN_DELAY_MS = 100;
/** More changed parts than this at once: read the whole page again instead. */
const FLOOD = 200;
/** A whole-page rescan at most this often. */
const FULL_RESCAN_GAP_MS = 1000;
/** Hover-to-card timings kept for the stats report. */
const MAX_TIMINGS = 50;

/** Whether `ancestor` contains `node`, looking through shadow roots. */
function containsComposed(ancestor: Node, node: Node): boolean {
  for (let at: Node | null = node; at;) {
    if (at === ancestor) return true;
    at = at instanceof ShadowRoot ? at.host : at.parentNode;
  }
  return false;
}

export class PageScanner {
  readonly index: PageIndex;
  readonly stats: PageStats;
  private readonly painter: Painter;
  private readonly watch: PageWatch;
  /** The ordered pass over the whole page, while it runs. */
  private collector: BlockCollector | undefined;
  private collected: TextBlock[] = [];
  private collectedAt = 0;
  /** Names seen so far (a short form counts after its full name). */
  private state: DocumentState = newDocumentState();
  /** Blocks read ahead of the ordered pass because they were on screen, by first text node. */
  private preview = new Map<Text, ScannedBlock>();
  /** The ordered pass has read past the viewport (see `nearTop`). */
  private pastScreen = false;
  private readonly blockOfNode = new WeakMap<Text, ScannedBlock>();
  /** Blocks skipped as not rendered: a style change around them may show them. */
  private readonly hiddenBlocks = new Set<ScannedBlock>();
  private pending: PageChanges | undefined;
  private fullRescan = false;
  private lastFullRescan = -Infinity;
  private first = new Map<string, PageMatch>();
  private hiddenCategories = new Set<string>();
  /** Blocks were added or removed since the first mentions were last worked out. */
  private blocksChanged = true;
  private running = false;
  private timer: number | undefined;
  private stopped = false;

  constructor(
    private readonly root: Element,
    matcher: NameFinder,
    types: Record<string, EntityType>,
    private options: ScanOptions,
    signal: AbortSignal,
    /** Told when the page navigated without reloading. */
    private readonly onNavigate: () => void,
    /** When the content script began, for the report (defaults to now). */
    startedAt = performance.now(),
  ) {
    this.index = new PageIndex(matcher, types);
    this.stats = {
      startedAt,
      firstPaintAt: null,
      scanDoneAt: null,
      longestTaskMs: 0,
      longestTask: '',
      tasks: 0,
      registeredRanges: 0,
      matches: 0,
      blocks: 0,
      hoverToCardMs: [],
    };
    this.painter = new Painter(
      (m) => this.isShown(m),
      (label, work) => this.measure(label, work),
    );
    this.watch = new PageWatch(
      root,
      (navigated) => this.onPageChange(navigated),
      signal,
      options.isOwnUi ?? (() => false),
    );
    signal.addEventListener('abort', () => this.stop());
  }

  /** Reads the screen now, then the rest of the page in slices. */
  start(): void {
    this.measure('screen', () => {
      this.beginOrderedPass();
      this.readScreen();
    });
    this.schedule();
  }

  /** New options (density, code): the page is read again. */
  update(options: ScanOptions): void {
    this.options = options;
    this.blocksChanged = true;
    this.fullRescan = true;
    this.lastFullRescan = -Infinity;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.painter.clear();
  }

  isShown(match: PageMatch): boolean {
    if (this.hiddenCategories.has(match.category)) return false;
    return !this.options.firstMentionOnly || this.first.get(match.entityId) === match;
  }

  /**
   * The reader's look: which categories are shown, and the highlight rules (colours, style).
   * Applied at once, without reading the page again.
   */
  setLook(hidden: ReadonlySet<string>, css: string, custom: boolean): void {
    this.hiddenCategories = new Set(hidden);
    this.painter.setStyle(css, custom);
    this.measure('restyle', () => this.painter.sync());
  }

  /** The names shown on the page, in document order. */
  *shownMatches(): Generator<PageMatch> {
    for (const match of this.index.matches()) if (this.isShown(match)) yield match;
  }

  recordCardTime(ms: number): void {
    if (this.stats.hoverToCardMs.length < MAX_TIMINGS) this.stats.hoverToCardMs.push(ms);
  }

  report(): PageStats {
    return {
      ...this.stats,
      registeredRanges: this.painter.registeredCount,
      matches: this.index.size,
      blocks: this.index.blocks.length,
      hoverToCardMs: [...this.stats.hoverToCardMs],
    };
  }

  /** Runs `work` and records how long it held the main thread. */
  private measure(label: string, work: () => void): void {
    const start = performance.now();
    work();
    const took = performance.now() - start;
    this.stats.tasks++;
    if (took > this.stats.longestTaskMs) {
      this.stats.longestTaskMs = took;
      this.stats.longestTask = label;
    }
    if (this.stats.firstPaintAt === null && this.painter.registeredCount > 0)
      this.stats.firstPaintAt = performance.now();
  }

  private schedule(delay = 0): void {
    if (this.running || this.stopped || this.timer !== undefined) return;
    if (delay > 0) {
      this.timer = window.setTimeout(() => {
        this.timer = undefined;
        this.schedule();
      }, delay);
      return;
    }
    this.running = true;
    void this.loop();
  }

  private hasWork(): boolean {
    return !!this.collector || this.fullRescan || !!this.pending;
  }

  private async loop(): Promise<void> {
    let lastFrame = performance.now();
    try {
      while (!this.stopped && this.hasWork()) {
        const wait = this.lastFullRescan + FULL_RESCAN_GAP_MS - performance.now();
        if (this.fullRescan && !this.collector && wait > 0) {
          // Too soon after the last full read: come back when it is allowed.
          this.running = false;
          this.schedule(wait);
          return;
        }
        this.measure(this.sliceLabel(), () => this.slice(performance.now() + SLICE_MS));
        if (performance.now() - lastFrame > FRAME_GAP_MS) {
          await nextFrame();
          lastFrame = performance.now();
        } else await yieldToPage();
      }
    } finally {
      this.running = false;
    }
  }

  private sliceLabel(): string {
    if (this.fullRescan && !this.collector) return 'full rescan';
    return this.collector ? 'ordered pass' : 'changes';
  }

  private slice(deadline: number): void {
    if (this.fullRescan && !this.collector) {
      this.fullRescan = false;
      this.beginOrderedPass();
      this.readScreen();
    } else if (this.collector) {
      this.continueOrderedPass(deadline);
    } else if (this.pending) {
      const changes = this.pending;
      this.pending = undefined;
      this.applyChanges(changes);
    }
    this.afterChange();
  }

  private afterChange(): void {
    // The first mentions change only when blocks come or go: not recomputed on every slice.
    if (this.options.firstMentionOnly && this.blocksChanged) {
      this.blocksChanged = false;
      this.first = new Map();
      for (const match of this.index.matches())
        if (!this.first.has(match.entityId)) this.first.set(match.entityId, match);
    }
    this.painter.sync();
  }

  /** Starts reading the page from the top (again), dropping what was read before. */
  private beginOrderedPass(): void {
    this.lastFullRescan = performance.now();
    for (const scanned of this.index.remove(() => true)) this.forget(scanned);
    this.preview.clear();
    this.state = newDocumentState();
    this.collector = new BlockCollector(this.root, this.options);
    this.pastScreen = false;
    this.collected = [];
    this.collectedAt = 0;
    this.pending = undefined; // the full read covers every change so far
  }

  /**
   * When the page opens scrolled down (a reload, a link to an anchor), the blocks under a few
   * points over the viewport are read and painted first, within one slice. At the top of the
   * page the ordered pass starts on screen anyway. A short form whose full name is above the
   * screen waits for the ordered pass.
   */
  private readScreen(): void {
    if (scrollY < innerHeight / 2) return;
    const deadline = performance.now() + SLICE_MS;
    const flows = new Set<Element>();
    const w = innerWidth;
    for (let y = 16; y < innerHeight && performance.now() < deadline; y += 64) {
      for (const x of [w * 0.35, w * 0.65]) {
        const caret = caretAt(document, x, y);
        if (caret?.node.nodeType !== Node.TEXT_NODE) continue;
        const flow = flowElement(caret.node);
        if (flow && flow !== this.root && flow !== document.documentElement) flows.add(flow);
      }
    }
    const state = newDocumentState();
    for (const flow of flows) {
      if (performance.now() >= deadline) break;
      if (!isReadable(flow, this.options)) continue;
      const blocks: TextBlock[] = [];
      // A flow element can be large (a whole article without <p>s): read a bounded amount.
      new BlockCollector(flow, this.options).collect(blocks, deadline);
      for (const block of blocks) {
        const first = block.nodes[0]!;
        if (this.preview.has(first)) continue;
        const scanned = this.index.scan(block, state);
        this.preview.set(first, scanned);
        this.index.insert(scanned);
        this.remember(scanned, true);
      }
    }
    this.afterChange();
  }

  private continueOrderedPass(deadline: number): void {
    const collector = this.collector!;
    const position = collector.position;
    if (position && !position.isConnected) {
      // The walk stood on a node the page has since removed: read the page again (no sooner
      // than a full read is allowed, so a restless page cannot keep us reading).
      this.collector = undefined;
      this.fullRescan = true;
      return;
    }
    for (;;) {
      while (this.collectedAt < this.collected.length) {
        const block = this.collected[this.collectedAt++]!;
        const onScreen = this.replacePreview(block);
        const scanned = this.index.scan(block, this.state);
        this.index.insert(scanned);
        this.remember(scanned, onScreen || this.nearTop(scanned));
        if (performance.now() >= deadline) return;
      }
      this.collected = [];
      this.collectedAt = 0;
      if (collector.done) break;
      collector.collect(this.collected, deadline);
      for (const shadow of collector.shadowRoots) this.watch.watch(shadow);
      if (performance.now() >= deadline && this.collected.length === 0) return;
    }
    this.collector = undefined;
    // Screen blocks the ordered pass did not meet again have left the page.
    const stale = new Set(this.preview.values());
    this.preview.clear();
    for (const scanned of this.index.remove((s) => stale.has(s))) this.forget(scanned);
    this.stats.scanDoneAt ??= performance.now();
  }

  /**
   * Whether a block the ordered pass just read is near the viewport, checked only until the
   * pass is well below it: those blocks are painted at once instead of a frame later, when the
   * IntersectionObserver reports them.
   */
  private nearTop(scanned: ScannedBlock): boolean {
    if (this.pastScreen || scanned.matches.length === 0) return false;
    const rect = scanned.block.element.getBoundingClientRect();
    if (rect.top > 2.5 * innerHeight) {
      // Past a screen and a half below the viewport: the rest is the observer's to report.
      this.pastScreen = rect.height < innerHeight;
      return false;
    }
    return rect.bottom > -1.5 * innerHeight && rect.height > 0;
  }

  /** Drops the screen-first reading of a block the ordered pass has now reached. */
  private replacePreview(block: TextBlock): boolean {
    if (this.preview.size === 0) return false;
    let onScreen = false;
    for (const node of block.nodes) {
      const old = this.preview.get(node);
      if (!old) continue;
      this.preview.delete(node);
      onScreen ||= this.painter.isNear(old);
      this.index.remove((s) => s === old);
      this.forget(old);
    }
    return onScreen;
  }

  private remember(scanned: ScannedBlock, onScreen: boolean): void {
    this.blocksChanged = true;
    for (const node of scanned.block.nodes) this.blockOfNode.set(node, scanned);
    if (scanned.hidden) this.hiddenBlocks.add(scanned);
    this.painter.add(scanned, onScreen);
  }

  private forget(scanned: ScannedBlock): void {
    this.blocksChanged = true;
    this.hiddenBlocks.delete(scanned);
    for (const node of scanned.block.nodes)
      if (this.blockOfNode.get(node) === scanned) this.blockOfNode.delete(node);
    this.painter.remove(scanned);
  }

  private onPageChange(navigated: boolean): void {
    if (navigated) {
      this.onNavigate();
      this.fullRescan = true;
      this.lastFullRescan = -Infinity;
      this.schedule();
      return;
    }
    const changes = this.watch.take();
    // Style changes matter only if they may reveal text we skipped as hidden.
    if (this.hiddenBlocks.size === 0) changes.restyled.clear();
    if (changes.dirty.size === 0 && !changes.removals && changes.restyled.size === 0) return;
    if (changes.dirty.size > FLOOD) this.fullRescan = true;
    else {
      const pending = (this.pending ??= changes);
      if (pending !== changes) {
        for (const el of changes.dirty) pending.dirty.add(el);
        for (const el of changes.restyled) pending.restyled.add(el);
        pending.removals ||= changes.removals;
        if (pending.dirty.size > FLOOD) {
          this.fullRescan = true;
          this.pending = undefined;
        }
      }
    }
    this.schedule(RESCAN_DELAY_MS);
  }

  /** Reads again the parts of the page that changed. */
  private applyChanges(changes: PageChanges): void {
    const dirty = new Set<Element>();
    for (const el of changes.dirty) dirty.add(el);
    // Restyled elements matter only where they may have shown text we skipped as hidden.
    if (changes.restyled.size > 0) {
      for (const scanned of this.hiddenBlocks) {
        for (const el of changes.restyled)
          if (containsComposed(el, scanned.block.element)) dirty.add(scanned.block.element);
      }
    }
    const roots = [...dirty].filter(
      (el) =>
        el.isConnected &&
        ![...dirty].some((other) => other !== el && containsComposed(other, el)) &&
        isReadable(el, this.options),
    );
    // Text that became an editor (made contenteditable, or its document put in design mode,
    // which no mutation tells) is no longer ours: its old readings go, or their ranges would
    // paint stale marks over what the reader types.
    const editing = this.root.ownerDocument.designMode === 'on';
    const unreadable = [...dirty].filter(
      (el) => el.isConnected && !roots.includes(el) && !isReadable(el, this.options),
    );
    if (roots.some((el) => el === this.root || el === document.documentElement)) {
      this.fullRescan = true;
      return;
    }
    const fresh: TextBlock[] = [];
    for (const el of roots) {
      const collector = new BlockCollector(el, this.options);
      collector.collect(fresh);
      for (const shadow of collector.shadowRoots) this.watch.watch(shadow);
    }
    // Old readings of the same text, and of text that left the page, go.
    const replaced = new Set<ScannedBlock>();
    for (const block of fresh)
      for (const node of block.nodes) {
        const old = this.blockOfNode.get(node);
        if (old) replaced.add(old);
      }
    const removed = this.index.remove(
      (s) =>
        editing ||
        unreadable.some((el) => containsComposed(el, s.block.element)) ||
        replaced.has(s) ||
        (changes.removals && !s.block.nodes.every((n) => n.isConnected)) ||
        roots.some((el) => containsComposed(el, s.block.element)),
    );
    const wasNear = new Set(
      removed.filter((s) => this.painter.isNear(s)).map((s) => s.block.element),
    );
    for (const scanned of removed) this.forget(scanned);
    for (const block of fresh) {
      const scanned = this.index.scan(block, this.state);
      this.index.insert(scanned);
      this.remember(scanned, wasNear.has(block.element));
    }
  }
}

/** Reads a whole subtree at once (tests). */
export function scanNow(
  root: Node,
  matcher: NameFinder,
  types: Record<string, EntityType> = {},
  options: ScanOptions = {},
): PageMatch[] {
  const index = new PageIndex(matcher, types);
  const state = newDocumentState();
  const shown = new Set<string>();
  const out: PageMatch[] = [];
  for (const block of collectTextBlocks(root, options)) {
    for (const match of index.scan(block, state).matches) {
      if (options.firstMentionOnly && shown.has(match.entityId)) continue;
      shown.add(match.entityId);
      out.push(match);
    }
  }
  return out;
}
