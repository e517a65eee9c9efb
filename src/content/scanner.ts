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
import { compareNodes, PageIndex, type PageMatch, type ScannedBlock } from './page-index';
import {
  connectedMutationObservers,
  emptyChanges,
  PageWatch,
  type PageChanges,
} from './page-watch';
import { AfterFrame, CALM_MS, FRAME_GAP_MS, nextFrame, SLICE_MS, yieldToPage } from './slices';
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
/**
 * More changed parts than this waiting at once: read the whole page again instead
 * (reading changes costs what they hold, so this is for pages that replace most of themselves).
 */
const FLOOD = 5000;
/** A whole-page rescan at most this often. */
const FULL_RESCAN_GAP_MS = 1000;
/**
 * While the page keeps changing, the changed parts on screen are read first (see
 * readChangedOnScreen). The rest may take at most this share of the main thread: after each
 * slice of that work we rest 99 times as long, and a whole-page read comes no sooner than 99
 * times the last one took. (A page changing all the time is read as it calms down, or as the
 * reader scrolls; what it costs us is then its cost to the reader's machine.)
 */
const RESTLESS_SHARE = 0.01;
/** The changed parts on screen are looked for at most this often... */
const SCREEN_GAP_MS = 250;
/** ...within this share of the main thread... */
const SCREEN_SHARE = 0.05;
/** ...looking for text at the viewport's top and bottom edges in rows this far apart... */
const SCREEN_STEP_PX = 16;
/** ...and this many rows at most. */
const SCREEN_ROWS = 6;
/** Hover-to-card timings kept for the stats report. */
const MAX_TIMINGS = 50;

/** Whether `ancestor` contains `node`, looking through shadow roots. */
function containsComposed(ancestor: Node, node: Node): boolean {
  return firstComposedAncestor(node, (at) => at === ancestor, true) !== null;
}

/**
 * The first text found by hit tests from height `y` on, `step` px at a time (up or down), at
 * two points across the viewport; a few rows at most.
 */
function textNear(y: number, step: number): Text | undefined {
  const w = innerWidth;
  for (let row = 0; row < SCREEN_ROWS; row++, y += step) {
    if (y < 0 || y > innerHeight) break;
    for (const x of [w * 0.35, w * 0.65]) {
      const node = caretAt(document, x, y)?.node;
      if (node instanceof Text) return node;
    }
  }
  return undefined;
}

/** The first of `node`'s ancestors (through shadow roots; `node` too with `self`) that passes `test`. */
function firstComposedAncestor(node: Node, test: (at: Node) => boolean, self = false): Node | null {
  for (let at: Node | null = self ? node : node.parentNode; at;) {
    if (test(at)) return at;
    at = at instanceof ShadowRoot ? at.host : at.parentNode;
  }
  return null;
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
  private blockOfNode = new WeakMap<Text, ScannedBlock>();
  /** Blocks skipped as not rendered: a style change around them may show them. */
  private readonly hiddenBlocks = new Set<ScannedBlock>();
  private pending: PageChanges | undefined;
  private fullRescan = false;
  /** When the page last changed. */
  private lastChangeAt = 0;
  private lastFullRescan = -Infinity;
  /** Time spent in the current or last whole-page read, and the gap it earns before the next. */
  private passBusyMs = 0;
  private fullRescanGapMs = FULL_RESCAN_GAP_MS;
  private first = new Map<string, PageMatch>();
  private hiddenCategories = new Set<string>();
  /** Blocks were added or removed since the first mentions were last worked out. */
  private blocksChanged = true;
  private running = false;
  private timer: number | undefined;
  private stopped = false;
  private readonly screenPass = new AfterFrame(SCREEN_SHARE, () => this.lastChangeAt);

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
      busyMs: 0,
      fullScans: 0,
      registeredRanges: 0,
      matches: 0,
      blocks: 0,
      mutationObservers: 0,
      hoverToCardMs: [],
    };
    this.painter = new Painter(
      (m) => this.isShown(m),
      (label, work) => this.measure(label, work),
      () => this.index.blocks,
    );
    this.watch = new PageWatch(
      root,
      (navigated) => this.onPageChange(navigated),
      signal,
      options.isOwnUi ?? (() => false),
    );
    // What scrolls into view while the page keeps changing may not have been read yet.
    const onMove = () => this.readOnScreenSoon();
    addEventListener('scroll', onMove, { capture: true, passive: true, signal });
    addEventListener('resize', onMove, { passive: true, signal });
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
    this.screenPass.cancel();
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
      mutationObservers: connectedMutationObservers(),
      hoverToCardMs: [...this.stats.hoverToCardMs],
    };
  }

  /** Runs `work` and records how long it held the main thread. */
  private measure(label: string, work: () => void): void {
    const start = performance.now();
    work();
    const took = performance.now() - start;
    this.stats.tasks++;
    this.stats.busyMs += took;
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
        const gap = this.restless() ? this.fullRescanGapMs : FULL_RESCAN_GAP_MS;
        const wait = this.lastFullRescan + gap - performance.now();
        if (this.fullRescan && !this.collector && wait > 0) {
          // Too soon after the last full read: come back when it is allowed (or the page calms).
          this.running = false;
          this.schedule(Math.min(wait, CALM_MS));
          return;
        }
        const label = this.sliceLabel();
        const began = performance.now();
        this.measure(label, () => this.slice(began + SLICE_MS));
        const took = performance.now() - began;
        if (label === 'changes') {
          if (this.pending && this.restless()) {
            // More changes wait and the page is still changing: rest long enough to keep within
            // our share of the thread (once it is calm, the rest is read without resting).
            this.running = false;
            this.schedule(took * (1 / RESTLESS_SHARE - 1));
            return;
          }
        } else {
          this.passBusyMs += took;
          if (!this.collector)
            this.fullRescanGapMs = Math.max(
              FULL_RESCAN_GAP_MS,
              this.passBusyMs * (1 / RESTLESS_SHARE - 1),
            );
        }
        if (performance.now() - lastFrame > FRAME_GAP_MS) {
          await nextFrame();
          lastFrame = performance.now();
        } else await yieldToPage();
      }
    } finally {
      this.running = false;
    }
  }

  /** Whether the page changed less than CALM_MS ago. */
  private restless(): boolean {
    return performance.now() - this.lastChangeAt < CALM_MS;
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
      this.applyChanges(deadline);
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

  /** Drops every reading at once (one by one, a long page made this a long task). */
  private forgetEverything(): void {
    this.index.clear();
    this.painter.forgetAll();
    this.hiddenBlocks.clear();
    this.blockOfNode = new WeakMap();
    this.blocksChanged = true;
  }

  /** Starts reading the page from the top (again), dropping what was read before. */
  private beginOrderedPass(): void {
    this.lastFullRescan = performance.now();
    this.passBusyMs = 0;
    this.stats.fullScans++;
    this.forgetEverything();
    this.preview.clear();
    this.state = newDocumentState();
    this.collector = new BlockCollector(this.root, this.options);
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
    this.previewFlows(flows, deadline);
    this.afterChange();
  }

  /**
   * Reads `flows` ahead of the ordered pass, within `deadline`; the pass reads them again in
   * order when it gets there.
   */
  private previewFlows(flows: Iterable<Element>, deadline: number): void {
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
        this.remember(scanned);
      }
    }
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
        this.replacePreview(block);
        const scanned = this.index.scan(block, this.state);
        this.index.insert(scanned);
        this.remember(scanned);
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

  /** Drops the screen-first reading of a block the ordered pass has now reached. */
  private replacePreview(block: TextBlock): void {
    if (this.preview.size === 0) return;
    for (const node of block.nodes) {
      const old = this.preview.get(node);
      if (!old) continue;
      this.preview.delete(node);
      this.index.remove((s) => s === old);
      this.forget(old);
    }
  }

  private remember(scanned: ScannedBlock): void {
    this.blocksChanged = true;
    for (const node of scanned.block.nodes) this.blockOfNode.set(node, scanned);
    if (scanned.hidden) this.hiddenBlocks.add(scanned);
    this.painter.add(scanned);
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
    this.lastChangeAt = performance.now();
    const changes = this.watch.take();
    // Whatever changed may have moved the names on screen.
    if (changes.dirty.size > 0 || changes.removed || changes.restyled.size > 0)
      this.painter.pageChanged();
    // Style changes matter only if they may reveal text we skipped as hidden.
    if (this.hiddenBlocks.size === 0) changes.restyled.clear();
    if (changes.dirty.size === 0 && !changes.removed && changes.restyled.size === 0) return;
    if (!this.fullRescan) {
      const pending = (this.pending ??= emptyChanges());
      for (const el of changes.dirty) pending.dirty.add(el);
      pending.removed ||= changes.removed;
      for (const el of changes.restyled) pending.restyled.add(el);
      if (pending.dirty.size > FLOOD) {
        this.fullRescan = true;
        this.pending = undefined;
      }
    }
    this.schedule(RESCAN_DELAY_MS);
    this.readOnScreenSoon();
  }

  /** While the page keeps changing, reads what changed on screen after the next frame. */
  private readOnScreenSoon(): void {
    if (this.stopped || !this.restless()) return;
    this.screenPass.request(SCREEN_GAP_MS, () =>
      this.measure('changes on screen', () => this.readChangedOnScreen()),
    );
  }

  /**
   * Reads the changed (or never read) parts of the page that are on screen, so that what the
   * reader sees is painted while a restless page keeps us to a trickle elsewhere. The text at
   * the top and at the bottom of the viewport is found by hit tests (each costs about as much as
   * the page is long, so there are few), then the text between them is walked in document
   * order. Runs just after a frame: the layout is up to date, so the hit tests force none.
   */
  private readChangedOnScreen(): void {
    if (this.stopped || document.designMode === 'on') return;
    const deadline = performance.now() + SLICE_MS;
    const top = textNear(SCREEN_STEP_PX / 2, SCREEN_STEP_PX);
    const bottom = top && textNear(innerHeight - SCREEN_STEP_PX / 2, -SCREEN_STEP_PX);
    if (!top || !bottom) return;
    const [first, last] = compareNodes(top, bottom) <= 0 ? [top, bottom] : [bottom, top];
    // During a whole-page read, text not read yet is read ahead of it (the changed parts it
    // has passed wait for it to end).
    const dirty = this.collector ? undefined : this.pending?.dirty;
    const targets = new Set<Element>();
    const add = (text: Text) => {
      const target = this.unreadAround(text, dirty);
      if (target) targets.add(target);
    };
    const root = first.getRootNode();
    if (root !== last.getRootNode()) {
      // In different trees (a shadow root's and the document's): only the two ends.
      add(first);
      add(last);
    } else {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      walker.currentNode = first;
      let count = 0;
      for (let at: Node | null = first; at; at = walker.nextNode()) {
        add(at as Text);
        if (at === last || ((++count & 31) === 0 && performance.now() >= deadline)) break;
      }
    }
    if (this.collector) {
      this.previewFlows(targets, deadline);
      this.afterChange();
      return;
    }
    const old = new Set<ScannedBlock>();
    const fresh: TextBlock[] = [];
    for (const el of targets) {
      if (firstComposedAncestor(el, (at) => targets.has(at as Element))) continue;
      dirty?.delete(el);
      // A part too big to read within the slice is read whole later, with the other changes.
      if (!this.reread(el, old, fresh, deadline)) (this.pending ??= emptyChanges()).dirty.add(el);
    }
    if (this.pending && this.pending.dirty.size === 0 && !this.pending.removed)
      this.pending = undefined;
    this.replaceReadings(old, fresh);
    this.afterChange();
  }

  /**
   * The part of the page to read again for on-screen text: its outermost changed ancestor, or,
   * for text never read, the block it flows in.
   */
  private unreadAround(text: Text, dirty: Set<Element> | undefined): Element | undefined {
    let outer: Element | undefined;
    if (dirty?.size)
      firstComposedAncestor(text, (at) => {
        if (dirty.has(at as Element)) outer = at as Element;
        return false;
      });
    if (outer || this.blockOfNode.has(text) || !/\S/.test(text.data)) return outer;
    const flow = flowElement(text);
    if (!flow || flow === this.root || flow === document.documentElement) return undefined;
    return isReadable(flow, this.options) ? flow : undefined;
  }

  /**
   * Drops the readings under `el` into `old` and reads it again into `fresh`, within `deadline`;
   * false when the deadline cut the reading short.
   */
  private reread(
    el: Element,
    old: Set<ScannedBlock>,
    fresh: TextBlock[],
    deadline = Infinity,
  ): boolean {
    // Whatever was read there before goes (also text now hidden, editable or code).
    this.readingsIn(el, old);
    if (!isReadable(el, this.options)) return true;
    const collector = new BlockCollector(el, this.options);
    const done = collector.collect(fresh, deadline);
    for (const shadow of collector.shadowRoots) this.watch.watch(shadow);
    return done;
  }

  /** Swaps old readings for fresh ones. */
  private replaceReadings(old: Set<ScannedBlock>, fresh: TextBlock[]): void {
    if (old.size > 0)
      for (const scanned of this.index.remove((s) => old.has(s))) this.forget(scanned);
    for (const block of fresh) {
      const scanned = this.index.scan(block, this.state);
      this.index.insert(scanned);
      this.remember(scanned);
    }
  }

  /**
   * Reads again the parts of the page that changed, as much as fits before `deadline`; the rest
   * waits for the next slice. The cost follows the size of the change, not of the page: old
   * readings are found through the text nodes of what changed or left.
   */
  private applyChanges(deadline: number): void {
    const changes = this.pending!;
    if (document.designMode === 'on') {
      // The whole document became an editor (no mutation says so; this change is the first
      // edit): nothing in it is ours to read, and stale marks would paint over the typing.
      this.pending = undefined;
      this.forgetEverything();
      return;
    }
    // Restyled elements matter only where they may have shown text we skipped as hidden.
    for (const scanned of this.hiddenBlocks) {
      for (const el of changes.restyled)
        if (containsComposed(el, scanned.block.element)) changes.dirty.add(scanned.block.element);
    }
    changes.restyled.clear();
    // Text that left the page: its readings go. Text taken out of a block that stays makes
    // that block a changed part, so what is left are the blocks no longer in the page. (A node
    // moved elsewhere is still in it; its new place is among the changed parts.)
    if (changes.removed) {
      changes.removed = false;
      const gone = new Set<ScannedBlock>();
      for (const scanned of this.index.blocks)
        if (!scanned.block.element.isConnected) gone.add(scanned);
      this.replaceReadings(gone, []);
    }
    // Changed parts, each read whole; one inside another changed part waits for it.
    for (const el of performance.now() < deadline ? changes.dirty : []) {
      changes.dirty.delete(el);
      const { dirty } = changes;
      if (!el.isConnected || firstComposedAncestor(el, (at) => dirty.has(at as Element))) continue;
      if (el === this.root || el === document.documentElement) {
        this.pending = undefined;
        this.fullRescan = true;
        return;
      }
      const old = new Set<ScannedBlock>();
      const fresh: TextBlock[] = [];
      this.reread(el, old, fresh);
      // Each part is put in place before the next is read, within the deadline: among tens of
      // thousands of siblings, finding a block's place costs more than reading it.
      this.replaceReadings(old, fresh);
      if (performance.now() >= deadline) break;
    }
    if (changes.dirty.size === 0) this.pending = undefined;
  }

  /** Adds to `into` the readings of the text under `node` (open shadow roots included). */
  private readingsIn(node: Node, into: Set<ScannedBlock>): void {
    if (node instanceof Text) {
      const scanned = this.blockOfNode.get(node);
      if (scanned) into.add(scanned);
      return;
    }
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let at: Node | null = walker.currentNode; at; at = walker.nextNode()) {
      if (at instanceof Text) {
        const scanned = this.blockOfNode.get(at);
        if (scanned) into.add(scanned);
      } else if (at instanceof Element && at.shadowRoot) this.readingsIn(at.shadowRoot, into);
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
