/**
 * Paints matches with the CSS Custom Highlight API, which styles ranges without touching the
 * DOM. The registry is shared with the page's own scripts, so ours go under names prefixed
 * `backstory-` (one per category) and we never read or remove anyone else's.
 * https://drafts.csswg.org/css-highlight-api-1/
 *
 * The browser re-validates every registered range on every DOM change, so only the names
 * within a screen or so of the viewport are registered (at most MAX_REGISTERED): an
 * IntersectionObserver on the blocks that hold names keeps that set current as the reader
 * scrolls.
 */
import { ENTITY_TYPES } from '../core/dataset/schema';
import type { PageMatch, ScannedBlock } from './page-index';

export const HIGHLIGHT_PREFIX = 'backstory-';
export const CATEGORIES = [...ENTITY_TYPES, 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const highlightName = (category: Category) => `${HIGHLIGHT_PREFIX}${category}`;
/** The mention keyboard navigation moved to, painted on top of the others. */
export const CURRENT_NAME = `${HIGHLIGHT_PREFIX}current`;
/** Most ranges registered at once. */
export const MAX_REGISTERED = 1500;
/** Blocks this far above or below the viewport count as near (a screen and a half). */
const NEAR_MARGIN = '150% 0px 150% 0px';
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
  private readonly observer: IntersectionObserver;
  private readonly styledRoots: (Document | ShadowRoot)[] = [];
  /** The reader's highlight look, adopted by the document and every shadow root with names. */
  private readonly sheet: CSSStyleSheet | undefined = makeSheet();
  /** Checks once a second that ours are still registered (the registry fires no event). */
  private restoreTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    /** Whether a match is shown at all (the density setting). */
    private readonly shown: (match: PageMatch) => boolean,
    /** Runs `work` and counts it as a task of ours. */
    private readonly measure: (label: string, work: () => void) => void,
  ) {
    this.observer = new IntersectionObserver(
      (entries) => this.measure('intersection', () => this.onSeen(entries)),
      {
        rootMargin: NEAR_MARGIN,
      },
    );
  }

  get registeredCount(): number {
    return this.registered.size;
  }

  /** Follows a block's matches; `onScreen` when it is known to be in the viewport already. */
  add(scanned: ScannedBlock, onScreen = false): void {
    if (scanned.matches.length === 0) return;
    if (onScreen) this.near.set(scanned, 0);
    const el = scanned.block.element;
    const blocks = this.watched.get(el);
    if (blocks) blocks.add(scanned);
    else {
      this.watched.set(el, new Set([scanned]));
      this.observer.observe(el);
    }
    const root = el.getRootNode();
    if (root instanceof ShadowRoot) this.adopt(root);
  }

  remove(scanned: ScannedBlock): void {
    this.near.delete(scanned);
    const el = scanned.block.element;
    const blocks = this.watched.get(el);
    if (blocks?.delete(scanned) && blocks.size === 0) {
      this.watched.delete(el);
      this.observer.unobserve(el);
    }
    for (const match of scanned.matches) {
      if (this.registered.delete(match)) this.highlight(match.category).delete(match.range);
    }
  }

  isNear(scanned: ScannedBlock): boolean {
    return this.near.has(scanned);
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
    this.observer.disconnect(); // an IntersectionObserver observes again after disconnecting
    this.near.clear();
    this.watched.clear();
    for (const match of this.registered) this.highlight(match.category).delete(match.range);
    this.registered.clear();
  }

  /** Removes every highlight of ours and stops watching. */
  clear(): void {
    this.forgetAll();
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

  private onSeen(entries: IntersectionObserverEntry[]): void {
    const middle = innerHeight / 2;
    for (const entry of entries) {
      const blocks = this.watched.get(entry.target);
      if (!blocks) continue;
      const r = entry.boundingClientRect;
      const distance =
        r.top <= middle && r.bottom >= middle
          ? 0
          : Math.min(Math.abs(r.top - middle), Math.abs(r.bottom - middle));
      for (const scanned of blocks) {
        if (entry.isIntersecting) this.near.set(scanned, distance);
        else this.near.delete(scanned);
      }
    }
    this.sync();
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
