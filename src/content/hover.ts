import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardHost } from './card-host';
import { clearCurrent, paintCurrent } from './highlights';
import { matchAtPoint, type MatchSource } from './hit-test';
import { liveRange, type PageMatch } from './page-index';
import { t } from '../shared/i18n';

/** Time the pointer has to travel from a name into its card before the card closes. */
export const CLOSE_GRACE_MS = 300;

/**
 * Opens the card of the name the pointer rests on (for the hover delay: a pointer sweeping
 * across the text opens nothing) and closes it when the pointer has left both the name and the
 * card for CLOSE_GRACE_MS, or on Escape. Pointer moves are sampled once per animation frame,
 * so hit-testing costs nothing while the pointer rests.
 */
export class HoverController {
  private frame = 0;
  private lastEvent: MouseEvent | undefined;
  private closeTimer: number | undefined;
  private current: PageMatch | undefined;
  /** The mention keyboard navigation last moved to. */
  private visited: PageMatch | undefined;
  private pending: PageMatch | undefined;
  private openTimer: number | undefined;
  private readonly abort = new AbortController();

  constructor(
    ctx: ContentScriptContext,
    private readonly source: MatchSource,
    private readonly card: CardHost,
    private readonly getDelay: () => number,
    /** Told how long a hovered card took from the end of the hover delay to being placed. */
    private readonly onCardTime: (ms: number) => void = () => {},
    /** Finds a name in plain text (a selection that holds no highlight, e.g. in code). */
    private readonly findName: (text: string) => string | undefined = () => undefined,
  ) {
    // Listeners go when this session stops or when the extension is reloaded, whichever is first.
    const signal = AbortSignal.any([ctx.signal, this.abort.signal]);
    const options = { capture: true, passive: true, signal };
    document.addEventListener('mousemove', (e) => this.onMove(e), options);
    document.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    // The window losing focus (another app, another tab). Captured at the window, blur also
    // reports every element losing focus, such as a field inside the card: not those.
    window.addEventListener('blur', (e) => e.target === window && this.scheduleClose(), options);
  }

  stop(): void {
    this.abort.abort();
    cancelAnimationFrame(this.frame);
    this.cancelOpen();
    this.cancelClose();
    this.close();
  }

  /**
   * Moves to the next or previous mention after the one last visited (or after the top of the
   * viewport), scrolls it into view, marks it and opens its card with focus in it.
   */
  navigate(direction: 'next' | 'previous'): PageMatch | undefined {
    const matches = [...this.source.shownMatches()];
    if (matches.length === 0) return undefined;
    let index = this.visited ? matches.findIndex((m) => sameMention(m, this.visited)) : -1;
    if (index < 0) {
      // Start from the first mention below the top of the viewport.
      const first = matches.findIndex(
        (m) => (liveRange(m)?.getBoundingClientRect().bottom ?? -1) > 0,
      );
      index =
        direction === 'next' ? (first < 0 ? 0 : first) - 1 : first < 0 ? matches.length : first;
    }
    const next = (index + (direction === 'next' ? 1 : -1) + matches.length) % matches.length;
    const match = matches[next]!;
    if (!this.goTo(match)) return undefined;
    void this.card.announce(
      t('announce_position', nameOf(match), TYPE_WORD[match.category](), next + 1, matches.length),
    );
    return match;
  }

  /** Scrolls to the first mention of an entity, marks it and opens its card with focus. */
  reveal(entityId: string): PageMatch | undefined {
    let match: PageMatch | undefined;
    for (const m of this.source.shownMatches())
      if (m.entityId === entityId) {
        match = m;
        break;
      }
    return match && this.goTo(match) ? match : undefined;
  }

  /** Scrolls a mention into view, marks it and opens its card with focus; false if it is gone. */
  private goTo(match: PageMatch): boolean {
    const range = liveRange(match);
    if (!range) return false;
    this.visited = match;
    match.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    paintCurrent(match.range);
    this.cancelOpen();
    this.cancelClose();
    this.current = match;
    void this.card.show(match.entityId, range, { focus: true });
    return true;
  }

  /**
   * Opens the card of the highlighted name the selection (or the caret) touches; a selection
   * over text we did not highlight (code, a form field) is looked up as it stands.
   */
  cardForSelection(): string | undefined {
    const selection = getSelection();
    if (!selection || selection.rangeCount === 0) {
      void this.card.announce(t('announce_select_first'));
      return undefined;
    }
    const selected = selection.getRangeAt(0);
    let found: { id: string; range: Range } | undefined;
    for (const match of this.source.shownMatches()) {
      const range = liveRange(match);
      if (!range) continue;
      const overlaps =
        range.comparePoint(selected.startContainer, selected.startOffset) <= 0 &&
        selected.comparePoint(range.startContainer, range.startOffset) <= 0;
      if (overlaps) {
        found = { id: match.entityId, range };
        break;
      }
    }
    if (!found && !selected.collapsed) {
      const id = this.findName(selected.toString());
      if (id) found = { id, range: selected.cloneRange() };
    }
    if (!found) {
      void this.card.announce(t('announce_no_card'));
      return undefined;
    }
    this.cancelOpen();
    this.cancelClose();
    this.current = undefined;
    clearCurrent();
    void this.card.show(found.id, found.range, { focus: true });
    return found.id;
  }

  /** Closes the card the reader is in, else the open one, else the last pinned one. */
  closeCardByKey(): boolean {
    this.cancelOpen();
    this.cancelClose();
    const closed = this.card.closeOne();
    if (!this.card.openEntityId) {
      this.current = undefined;
      clearCurrent();
    }
    return closed;
  }

  /** Closes the card now (the page changed under it). */
  closeCard(): void {
    this.cancelOpen();
    this.cancelClose();
    this.close();
  }

  /** Called by the card when the pointer enters or leaves it. */
  pointerInCard(inside: boolean): void {
    if (inside) this.cancelClose();
    else this.scheduleClose();
  }

  private onMove(event: MouseEvent): void {
    this.lastEvent = event;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const e = this.lastEvent;
      if (e) this.hitTest(e);
    });
  }

  private hitTest(event: MouseEvent): void {
    if (this.card.contains(event.composedPath()[0] ?? event.target)) {
      this.cancelClose();
      return;
    }
    const match = matchAtPoint(document, this.source, event.clientX, event.clientY);
    if (match) {
      this.cancelClose();
      if (sameMention(match, this.current)) this.cancelOpen();
      else if (!sameMention(match, this.pending)) this.scheduleOpen(match);
    } else {
      this.cancelOpen(); // swept past: no card
      if (this.current) this.scheduleClose();
    }
  }

  private scheduleOpen(match: PageMatch): void {
    this.cancelOpen();
    this.pending = match;
    this.openTimer = window.setTimeout(() => {
      this.openTimer = undefined;
      this.pending = undefined;
      const range = liveRange(match);
      if (!range) return;
      this.current = match;
      const start = performance.now();
      void this.card.show(match.entityId, range, {
        onPlaced: () => this.onCardTime(performance.now() - start),
      });
    }, this.getDelay());
  }

  private cancelOpen(): void {
    if (this.openTimer !== undefined) clearTimeout(this.openTimer);
    this.openTimer = undefined;
    this.pending = undefined;
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    const inCard = this.card.contains(event.composedPath()[0] ?? event.target);
    // Escape belongs to the page unless a card of ours is open (or the reader is in one).
    if (this.current || this.card.openEntityId || inCard) this.closeCardByKey();
  }

  private scheduleClose(): void {
    if (!this.current || this.closeTimer !== undefined) return;
    this.closeTimer = window.setTimeout(() => {
      this.closeTimer = undefined;
      this.close();
    }, CLOSE_GRACE_MS);
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  private close(): void {
    this.current = undefined;
    clearCurrent();
    this.card.hide();
  }
}

const TYPE_WORD: Record<PageMatch['category'], () => string> = {
  person: () => t('word_person'),
  organization: () => t('word_organization'),
  agreement: () => t('word_agreement'),
  event: () => t('word_event'),
  place: () => t('word_place'),
  media: () => t('word_media'),
  other: () => t('word_other'),
};

/** The mention's text as the page shows it, for what a screen reader hears. */
function nameOf(match: PageMatch): string {
  return liveRange(match)?.toString().replace(/\s+/g, ' ').trim() ?? '';
}

/** The same mention, even across a rescan (which makes new match objects for the same text). */
function sameMention(a: PageMatch, b: PageMatch | undefined): boolean {
  return (
    !!b &&
    a.entityId === b.entityId &&
    a.range.startContainer === b.range.startContainer &&
    a.range.startOffset === b.range.startOffset
  );
}
