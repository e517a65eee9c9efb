/**
 * Paints matches with the CSS Custom Highlight API, which styles ranges without touching the
 * DOM. The registry is shared with the page's own scripts, so ours go under names prefixed
 * `backstory-` (one per category) and we never read or remove anyone else's.
 * https://drafts.csswg.org/css-highlight-api-1/
 *
 * The browser re-validates every registered range on every DOM change, so only the names
 * within a screen or so of the viewport are registered (at most MAX_REGISTERED). Which blocks
 * are near is found by reading boxes after a scroll, a resize or a change to the page, in two
 * ways: soon, the blocks around the viewport (a binary search in document order, which is
 * screen order on most pages, then the blocks on either side) and those near before; later,
 * and at most as often as keeps it within a tenth of the thread, every block (for layouts
 * where document order is not screen order). An IntersectionObserver on every block was the
 * first design: the browser then recomputes every target on each frame whose layout changed,
 * and on a page adding thousands of names a second that cost more than all our reading.
 */
import { ENTITY_TYPES } from '../core/dataset/schema';
import type { PageMatch, ScannedBlock } from './page-index';
import { AfterFrame, CALM_MS } from './slices';

export const HIGHLIGHT_PREFIX = 'backstory-';
export const CATEGORIES = [...ENTITY_TYPES, 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const highlightName = (category: Category) => `${HIGHLIGHT_PREFIX}${category}`;
/** The mention keyboard navigation moved to, painted on top of the others. */
export const CURRENT_NAME = `${HIGHLIGHT_PREFIX}current`;
/** Most ranges registered at once. */
export const MAX_REGISTERED = 1500;
/** Blocks this many viewport heights above or below the viewport count as near. */
const NEAR_SCREENS = 1.5;
/** Fewest ms between two readings of the boxes around the viewport... */
const LOCATE_NEAR_GAP_MS = 100;
/** ...and of every box. */
const LOCATE_ALL_GAP_MS = 1000;
/**
 * The near band and the gap between readings of it while the page keeps changing (it changed
 * less than CALM_MS ago): a page that changes ten times a second moves every box ten times a
 * second, and each reading of them, and each range registered, costs the page's thread.
 */
const RESTLESS_NEAR_SCREENS = 0.5;
const RESTLESS_NEAR_GAP_MS = 250;
/** Longest slice of the reading of every box. */
const SWEEP_SLICE_MS = 4;
/** Either reading may take this share of the thread at most. */
const LOCATE_SHARE = 0.1;
/** Boxes read past the near band before the walk around the viewport stops. */
const PAST_BAND = 4;
/** A page that clears the registry gets ours back at most this often. */
const RESTORE_GAP_MS = 1000;

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class Painter {
  private readonly highlights = new Map<Category, Highlight>();
  private readonly registered = new Set<PageMatch>();
  /** Blocks near the viewport, with their distance from its middle (nearest painted first). */
  private readonly near = new Map<ScannedBlock, number>();
  private readonly watched = new Map<Element, Set<ScannedBlock>>();
  /** Watched elements whose place has not been read yet. */
  private readonly unplaced = new Set<Element>();
  private readonly nearPass = new AfterFrame(LOCATE_SHARE, () => this.changedAt);
  private readonly fullPass = new AfterFrame(LOCATE_SHARE, () => this.changedAt);
  /** Where the reading of every box stands (a map's iterator follows additions and removals). */
  private sweep: Iterator<Element> | undefined;
  /** Notices what may move blocks without a change to the DOM (images, fonts, a resize). */
  private resizes: ResizeObserver | undefined;
  private readonly onMove = () => this.relocate();
  private readonly styledRoots: (Document | ShadowRoot)[] = [];
  /** The reader's highlight look, adopted by the document and every shadow root with names. */
  private readonly sheet: CSSStyleSheet | undefined = makeSheet();
  /** When the page last changed. */
  private changedAt = -Infinity;
  /** Checks once a second that ours are still registered (the registry fires no event). */
  private restoreTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    /** Whether a match is shown at all (the density setting). */
    private readonly shown: (match: PageMatch) => boolean,
    /** Runs `work` and counts it as a task of ours. */
    private readonly measure: (label: string, work: () => void) => void,
    /** Every block read, in document order. */
    private readonly ordered: () => readonly ScannedBlock[],
  ) {}

  get registeredCount(): number {
    return this.registered.size;
  }

  /** Follows a block's matches; where it is gets read after the next frame. */
  add(scanned: ScannedBlock): void {
    if (scanned.matches.length === 0) return;
    const el = scanned.block.element;
    const blocks = this.watched.get(el);
    if (blocks) blocks.add(scanned);
    else this.watched.set(el, new Set([scanned]));
    this.unplaced.add(el);
    this.listen();
    this.locateNearSoon();
    const root = el.getRootNode();
    if (root instanceof ShadowRoot) this.adopt(root);
  }

  remove(scanned: ScannedBlock): void {
    this.near.delete(scanned);
    const el = scanned.block.element;
    const blocks = this.watched.get(el);
    if (blocks?.delete(scanned) && blocks.size === 0) {
      this.watched.delete(el);
      this.unplaced.delete(el);
    }
    for (const match of scanned.matches) {
      if (this.registered.delete(match)) this.highlight(match.category).delete(match.range);
    }
  }

  /**
   * The page changed: blocks may have moved. Read where they are once the change settles, as
   * the page may change many times a second.
   */
  pageChanged(): void {
    this.changedAt = performance.now();
    this.relocate();
  }

  /** Registers the shown matches of the blocks near the viewport, nearest first, up to the cap. */
  sync(): void {
    const blocks = [...this.near].sort((a, b) => a[1] - b[1]);
    const want = new Set<PageMatch>();
    fill: for (const [scanned] of blocks) {
      for (const match of scanned.matches) {
        if (!this.shown(match)) continue;
        want.add(match);
        if (want.size >= MAX_REGISTERED) break fill;
      }
    }
    for (const match of this.registered) {
      if (want.has(match)) continue;
      this.registered.delete(match);
      this.highlight(match.category).delete(match.range);
    }
    for (const match of want) {
      if (this.registered.has(match)) continue;
      this.registered.add(match);
      this.highlight(match.category).add(match.range);
    }
  }

  /** Forgets every block (the page is read again from the top); stays ready for new ones. */
  forgetAll(): void {
    this.sweep = undefined;
    this.near.clear();
    this.watched.clear();
    this.unplaced.clear();
    for (const match of this.registered) this.highlight(match.category).delete(match.range);
    this.registered.clear();
  }

  /** Removes every highlight of ours and stops watching. */
  clear(): void {
    this.forgetAll();
    this.unlisten();
    for (const [category, highlight] of this.highlights) {
      if (CSS.highlights.get(highlightName(category)) === highlight)
        CSS.highlights.delete(highlightName(category));
    }
    this.highlights.clear();
    clearInterval(this.restoreTimer);
    this.restoreTimer = undefined;
    clearCurrent();
    // Our stylesheet leaves the document and the shadow roots it was adopted by.
    for (const root of [...this.styledRoots]) this.unadopt(root);
  }

  private highlight(category: Category): Highlight {
    let highlight = this.highlights.get(category);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(category, highlight);
      CSS.highlights.set(highlightName(category), highlight);
      this.restoreTimer ??= setInterval(() => this.restoreIfCleared(), RESTORE_GAP_MS);
    }
    return highlight;
  }

  /**
   * A page that cleared the registry (or replaced one of ours under our own name) gets ours
   * back on the next tick: at most once a second, however often it clears. Nothing but our
   * own names is touched.
   */
  private restoreIfCleared(): void {
    for (const [category, highlight] of this.highlights) {
      const name = highlightName(category);
      if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
  }

  private listen(): void {
    if (this.resizes) return;
    addEventListener('scroll', this.onMove, { capture: true, passive: true });
    addEventListener('resize', this.onMove, { passive: true });
    this.resizes = new ResizeObserver(this.onMove);
    this.resizes.observe(document.documentElement);
  }

  private unlisten(): void {
    removeEventListener('scroll', this.onMove, { capture: true });
    removeEventListener('resize', this.onMove);
    this.resizes?.disconnect();
    this.resizes = undefined;
    this.nearPass.cancel();
    this.fullPass.cancel();
  }

  /** Blocks may have moved: read the boxes around the viewport soon, and every box later. */
  /** Reads the boxes of the blocks added since and of those around the viewport, soon. */
  private locateNearSoon(): void {
    const gap = this.restless() ? RESTLESS_NEAR_GAP_MS : LOCATE_NEAR_GAP_MS;
    this.nearPass.request(gap, () =>
      this.measure('locate near', () => {
        // After a whole page is read there may be tens of thousands: a slice's worth at a time,
        // in reading order (the first screen first).
        const deadline = performance.now() + SWEEP_SLICE_MS;
        const band = this.band();
        for (const el of this.unplaced) {
          this.unplaced.delete(el);
          this.place(el, el.getBoundingClientRect(), band);
          if (performance.now() >= deadline) break;
        }
        this.locateAround();
        this.sync();
        if (this.unplaced.size > 0) this.locateNearSoon();
      }),
    );
  }

  private restless(): boolean {
    return performance.now() - this.changedAt < CALM_MS;
  }

  private relocate(): void {
    if (this.watched.size === 0) return;
    this.locateNearSoon();
    this.sweepSoon();
  }

  /** Reads every box, a slice at a time on a long page (each slice a request of its own). */
  private sweepSoon(): void {
    this.fullPass.request(LOCATE_ALL_GAP_MS, () =>
      this.measure('locate all', () => {
        const sweep = (this.sweep ??= this.watched.keys());
        const deadline = performance.now() + SWEEP_SLICE_MS;
        const band = this.band();
        for (;;) {
          const next = sweep.next();
          if (next.done) {
            this.sweep = undefined;
            break;
          }
          this.place(next.value, next.value.getBoundingClientRect(), band);
          if (performance.now() >= deadline) break;
        }
        this.sync();
        if (this.sweep) this.sweepSoon();
      }),
    );
  }

  /**
   * Reads the boxes from the first block that reaches the near band, found by a binary search in
   * document order, down to a few past its end; then those of the blocks near before that the
   * walk did not meet. Where document order is not screen order this may miss a block that came
   * near: the reading of every box finds it.
   */
  private locateAround(): void {
    const blocks = this.ordered();
    const band = this.band();
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = blocks[mid]!.block.element.getBoundingClientRect();
      if (r.height > 0 && r.bottom < band.top) lo = mid + 1;
      else hi = mid;
    }
    const met = new Set<Element>();
    for (let i = lo, past = 0; i < blocks.length && past < PAST_BAND; i++) {
      const el = blocks[i]!.block.element;
      if (met.has(el)) continue;
      met.add(el);
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.top > band.bottom) past++;
      this.place(el, r, band);
    }
    const before = new Set<Element>();
    for (const scanned of this.near.keys()) before.add(scanned.block.element);
    for (const el of before) if (!met.has(el)) this.place(el, el.getBoundingClientRect(), band);
  }

  /**
   * The band counted as near, in viewport coordinates. Boxes are read once the layout is up to
   * date, which the browser would bring about for the next frame anyway; nothing is written
   * between the reads.
   */
  private band() {
    const margin = (this.restless() ? RESTLESS_NEAR_SCREENS : NEAR_SCREENS) * innerHeight;
    return {
      top: -margin,
      bottom: innerHeight + margin,
      width: innerWidth,
      middle: innerHeight / 2,
    };
  }

  private place(el: Element, r: DOMRect, band: ReturnType<Painter['band']>): void {
    const blocks = this.watched.get(el);
    if (!blocks) return;
    const near =
      (r.width > 0 || r.height > 0) &&
      r.bottom >= band.top &&
      r.top <= band.bottom &&
      r.right >= 0 &&
      r.left <= band.width;
    const { middle } = band;
    const distance =
      r.top <= middle && r.bottom >= middle
        ? 0
        : Math.min(Math.abs(r.top - middle), Math.abs(r.bottom - middle));
    for (const scanned of blocks) {
      if (near) this.near.set(scanned, distance);
      else this.near.delete(scanned);
    }
  }

  /**
   * Sets the highlight rules: in every shadow root with names (document styles do not reach
   * them), and in the document itself only when they differ from the defaults the manifest's
   * stylesheet already gives (adopting a sheet makes the browser restyle the whole page, which
   * on a long page is a long task).
   */
  setStyle(css: string, inDocument: boolean): void {
    this.sheet?.replaceSync(css);
    if (inDocument) this.adopt(document);
    else this.unadopt(document);
  }

  private unadopt(root: Document | ShadowRoot): void {
    const at = this.styledRoots.indexOf(root);
    if (at < 0) return;
    this.styledRoots.splice(at, 1);
    try {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== this.sheet);
    } catch {
      // a root that refused the sheet never had it
    }
  }

  /**
   * The highlight rules go in as an adopted stylesheet: no element enters the page, one
   * sheet object serves the document and each shadow root (document styles do not reach
   * into shadow trees), and a change of colours is one `replaceSync`.
   */
  private adopt(root: Document | ShadowRoot): void {
    if (!this.sheet || this.styledRoots.includes(root)) return;
    this.styledRoots.push(root);
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    } catch {
      // A browser that refuses: names there are found and hoverable, just not painted.
    }
  }
}

function makeSheet(): CSSStyleSheet | undefined {
  try {
    return new CSSStyleSheet();
  } catch {
    return undefined; // no constructable stylesheets: the manifest's default look stays
  }
}

export function paintCurrent(range: AbstractRange): void {
  if (!highlightsSupported()) return;
  const highlight = new Highlight(range);
  highlight.priority = 1;
  CSS.highlights.set(CURRENT_NAME, highlight);
}

export function clearCurrent(): void {
  if (highlightsSupported()) CSS.highlights.delete(CURRENT_NAME);
}
