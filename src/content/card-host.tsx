import {
  autoUpdate,
  computePosition,
  flip,
  hide,
  inline,
  offset,
  shift,
  size,
} from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import type { CardData } from './background-client';
import { EntityCard, type AsOf } from '../ui/EntityCard';
import { pageIsDark } from './page-theme';
import cardCss from '../ui/card.css?inline';
import { t, uiLocale } from '../shared/i18n';

export const CARD_HOST_TAG = 'backstory-card';

/** Where the card host goes: inside the topmost modal dialog or fullscreen element, if any. */
function modalContainer(): Element {
  const dialogs = document.querySelectorAll('dialog:modal');
  return dialogs[dialogs.length - 1] ?? document.fullscreenElement ?? document.documentElement;
}

const HOST_CSS = `
${cardCss}
.bs-frame {
  position: fixed;
  top: 0;
  left: 0;
  z-index: 2147483647;
  width: max-content;
  max-width: min(380px, calc(100vw - 16px));
  overflow: auto;
  border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18), 0 0 0 1px rgba(0, 0, 0, 0.08);
  visibility: hidden;
}
.bs-frame[data-placed]:not([data-away]) { visibility: visible; }
.bs-frame[data-pinned] { box-shadow: 0 6px 24px rgba(0, 0, 0, 0.22), 0 0 0 2px rgba(154, 91, 0, 0.55); }
.bs-frame:focus-visible { outline: 2px solid #9a5b00; outline-offset: 2px; }
/* The frame shows past the card only where its scrollbar sits; give it the card's colours. */
.bs-frame { background: #fffdf8; }
.bs-frame:has(> .bs-card[data-theme='dark']) { background: #1f2126; color-scheme: dark; scrollbar-color: #5a5e66 #1f2126; }
/* In the top layer the host box sits at the viewport's corner, above everything: it takes no
   room and no clicks there; only the cards do. */
:host {
  position: fixed !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; overflow: visible !important;
  pointer-events: none !important;
}
.bs-frame, .bs-announce { pointer-events: auto; }
/* A reader who selects the whole page (Ctrl+A) copies the page, not an open card (Chromium
   copies shadow content): the cards' text is selectable while the pointer is over one. */
:host(:not([data-selecting])) { user-select: none !important; -webkit-user-select: none !important; }
/* The host is a popover only to enter the top layer: no backdrop, whatever the page says of ::backdrop. */
:host::backdrop { display: none !important; }
/* Read by screen readers, not shown. */
.bs-announce { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/** One open card: the entity it shows (with the ones visited from it), where, and how. */
interface OpenCard {
  frame: HTMLElement;
  /** Entity ids, the one shown last: related entities visited inside the card, for Back. */
  history: string[];
  models: Map<string, CardData>;
  anchor: Range;
  pinned: boolean;
  showToday: boolean;
  stopAutoUpdate?: () => void;
  /** Places the card again now (Floating UI follows scrolling and resizing, not the top layer). */
  reposition?: () => void;
  /** Where focus was before the card took it; it goes back there when the card closes. */
  returnFocus?: HTMLElement;
}

export interface ShowOptions {
  /** Opened from the keyboard: focus moves into the card once it is placed. */
  focus?: boolean;
  /** Called once the card is placed on screen. */
  onPlaced?: () => void;
}

/**
 * The in-page cards: Preact trees in one shadow root that WXT creates, added to the page only
 * when a card first opens (so the DOM of an untouched page is exactly the page's own) and
 * removed when the last one closes. One card follows the pointer or the keyboard (the "live"
 * card); pinning it keeps it open and lets the next name open another. Floating UI keeps each
 * card beside its name and inside the viewport while the page scrolls.
 */
export class CardHost {
  private ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  private creating: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
  private live: OpenCard | undefined;
  private readonly pinned: OpenCard[] = [];
  /** Bumped on every show or hide of the live card, so a slow answer cannot reopen it. */
  private generation = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly getCard: (id: string) => Promise<CardData | undefined>,
    private readonly onPointerLeave: () => void,
    private readonly onPointerEnter: () => void,
    private readonly getArticleDate: () => string | undefined,
    private readonly getThemeSetting: () => 'auto' | 'light' | 'dark',
    /** The live card's name scrolled out of view: the card should close. */
    private readonly onScrolledAway: () => void = () => {},
    /** Stores the reader's note on an entity (empty text removes it). */
    private readonly saveNote?: (id: string, text: string) => Promise<void>,
  ) {}

  private theme(): 'light' | 'dark' {
    const setting = this.getThemeSetting();
    return setting === 'auto' ? (pageIsDark(document) ? 'dark' : 'light') : setting;
  }

  /** Roles are shown as of the article's publication date when the page gives one. */
  private asOf(card: OpenCard): AsOf {
    const published = this.getArticleDate();
    return published && !card.showToday
      ? { date: published, kind: 'article' }
      : { date: new Date().toISOString().slice(0, 10), kind: 'today' };
  }

  /** The entity the live card shows. */
  get openEntityId(): string | undefined {
    return this.live?.history.at(-1);
  }

  get pinnedCount(): number {
    return this.pinned.length;
  }

  contains(target: EventTarget | null): boolean {
    return !!this.ui && target instanceof Node && this.ui.shadowHost.contains(target);
  }

  /** Shows `entityId` in the live card, beside `anchor`. */
  async show(entityId: string, anchor: Range, options: ShowOptions = {}): Promise<void> {
    const generation = ++this.generation;
    const [model, ui] = await Promise.all([this.getCard(entityId), this.mount()]);
    if (generation !== this.generation) return; // closed or replaced meanwhile
    if (!model) {
      this.hide();
      return;
    }
    let card = this.live;
    if (!card) {
      card = this.newCard(ui, anchor);
      this.live = card;
    }
    card.stopAutoUpdate?.();
    card.anchor = anchor;
    card.history = [entityId];
    card.models.set(entityId, model);
    if (options.focus) this.rememberFocus(card);
    this.raise(ui.shadowHost);
    this.draw(card);
    this.place(card, options);
  }

  /** Closes the live card (pinned cards stay). */
  hide(): void {
    this.generation++;
    const card = this.live;
    this.live = undefined;
    if (card) this.close(card);
  }

  /**
   * Closes the card the reader is in, else the live card, else the last pinned one; false when
   * no card was open.
   */
  closeOne(): boolean {
    const active = this.ui?.shadow.activeElement;
    const focused = [this.live, ...this.pinned].find(
      (c) => c && active && c.frame.contains(active),
    );
    const card = focused ?? this.live ?? this.pinned.at(-1);
    if (!card) return false;
    if (card === this.live) this.hide();
    else this.close(card);
    return true;
  }

  /** Closes every card, pinned ones too. */
  closeAll(): void {
    this.hide();
    for (const card of [...this.pinned]) this.close(card);
  }

  /** Says `text` to screen readers through a polite live region in our shadow root. */
  async announce(text: string): Promise<void> {
    const ui = await this.mount();
    const region = ui.shadow.querySelector('.bs-announce');
    if (!region) return;
    // Cleared first and filled on the next frame, so the same words twice are still read.
    region.textContent = '';
    requestAnimationFrame(() => (region.textContent = text));
  }

  private newCard(ui: ShadowRootContentScriptUi<HTMLElement>, anchor: Range): OpenCard {
    const frame = document.createElement('div');
    frame.className = 'bs-frame';
    frame.setAttribute('role', 'dialog');
    frame.tabIndex = -1;
    const card: OpenCard = {
      frame,
      history: [],
      models: new Map(),
      anchor,
      pinned: false,
      showToday: false,
    };
    // The cards' text is selectable while the pointer is over one (see HOST_CSS).
    const host = ui.shadowHost;
    frame.addEventListener('pointerleave', () => {
      host.removeAttribute('data-selecting');
      if (card === this.live) this.onPointerLeave();
    });
    frame.addEventListener('pointerenter', () => {
      host.setAttribute('data-selecting', '');
      if (card === this.live) this.onPointerEnter();
    });
    ui.mounted!.append(frame);
    return card;
  }

  private draw(card: OpenCard): void {
    const id = card.history.at(-1)!;
    const { card: model, note } = card.models.get(id)!;
    const previous = card.history.at(-2);
    const previousModel = previous ? card.models.get(previous)?.card : undefined;
    card.frame.setAttribute('aria-label', t('card_frame_label', model.entity.name));
    if (card.pinned) card.frame.setAttribute('data-pinned', '');
    else card.frame.removeAttribute('data-pinned');
    render(
      <EntityCard
        card={model}
        asOf={this.asOf(card)}
        onToggleAsOf={
          this.getArticleDate()
            ? () => {
                card.showToday = !card.showToday;
                this.redraw(card);
              }
            : undefined
        }
        onSelectRelated={(related) => void this.visit(card, related)}
        back={
          previousModel && {
            name: previousModel.entity.name,
            onBack: () => {
              card.history.pop();
              this.redraw(card);
            },
          }
        }
        pin={{ pinned: card.pinned, onToggle: () => this.togglePin(card) }}
        onClose={() => (card === this.live ? this.hide() : this.close(card))}
        note={note}
        onSaveNote={
          this.saveNote &&
          ((text) => {
            const data = card.models.get(id)!;
            card.models.set(id, { ...data, note: text.trim() || undefined });
            void this.saveNote?.(id, text);
            this.redraw(card);
          })
        }
        theme={this.theme()}
      />,
      card.frame,
    );
  }

  /** Draws the card again after a change made from inside it, keeping focus inside. */
  private redraw(card: OpenCard): void {
    const focused = () => !!this.ui && card.frame.contains(this.ui.shadow.activeElement);
    const hadFocus = focused();
    this.draw(card);
    card.frame.scrollTop = 0;
    // The button pressed may be gone: then the card itself takes focus, where a screen
    // reader starts reading it again.
    if (hadFocus && !focused()) card.frame.focus({ preventScroll: true });
  }

  /** Opens a related entity inside the same card; Back returns. */
  private async visit(card: OpenCard, id: string): Promise<void> {
    const model = card.models.get(id) ?? (await this.getCard(id));
    if (!model) return;
    card.models.set(id, model);
    card.history.push(id);
    this.redraw(card);
  }

  private togglePin(card: OpenCard): void {
    if (!card.pinned) {
      card.pinned = true;
      if (card === this.live) {
        this.live = undefined;
        this.generation++;
      }
      this.pinned.push(card);
    } else {
      // Unpinned, it becomes the live card again (replacing any other).
      card.pinned = false;
      this.pinned.splice(this.pinned.indexOf(card), 1);
      if (this.live) this.hide();
      this.live = card;
    }
    this.redraw(card);
  }

  private rememberFocus(card: OpenCard): void {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !this.contains(active)) card.returnFocus = active;
  }

  private place(card: OpenCard, options: ShowOptions): void {
    const { frame } = card;
    frame.removeAttribute('data-placed');
    frame.scrollTop = 0;
    let focusWhenPlaced = options.focus ?? false;
    let placed = false;
    const reference = {
      getBoundingClientRect: () => card.anchor.getBoundingClientRect(),
      getClientRects: () => card.anchor.getClientRects(),
    };
    const update = () => {
      void computePosition(reference, frame, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              frame.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
            },
          }),
          hide(),
        ],
      }).then(({ x, y, middlewareData }) => {
        frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
        const away = middlewareData.hide?.referenceHidden ?? false;
        if (away && placed && card === this.live) {
          this.onScrolledAway();
          return;
        }
        // A pinned card whose name is off screen waits, hidden, for the name to come back.
        if (away) frame.setAttribute('data-away', '');
        else frame.removeAttribute('data-away');
        if (!placed) {
          placed = true;
          frame.setAttribute('data-placed', '');
          options.onPlaced?.();
        }
        if (focusWhenPlaced) {
          // A card opened from the keyboard takes focus once placed (a hidden frame cannot).
          focusWhenPlaced = false;
          frame.focus({ preventScroll: true });
        }
      });
    };
    card.reposition = update;
    card.stopAutoUpdate = autoUpdate(reference, frame, update);
  }

  private close(card: OpenCard): void {
    card.stopAutoUpdate?.();
    const pinnedAt = this.pinned.indexOf(card);
    if (pinnedAt >= 0) this.pinned.splice(pinnedAt, 1);
    const hadFocus = !!this.ui && card.frame.contains(this.ui.shadow.activeElement);
    render(null, card.frame);
    card.frame.remove();
    if (hadFocus) card.returnFocus?.focus({ preventScroll: true });
    if (!this.live && this.pinned.length === 0) this.ui?.remove();
  }

  /**
   * Puts the host on top of whatever the page shows, before each card opens. A modal dialog
   * and a fullscreen element sit in the top layer, above any z-index, and a modal dialog makes
   * everything outside it inert: so the host goes inside the topmost of them (where it is not
   * inert) and is itself shown as a manual popover (which puts it in the top layer above them,
   * free of their overflow and transforms). Shown again each time a card opens and whenever
   * a dialog or fullscreen comes or goes, so neither covers it (on a page without either, once is enough). https://html.spec.whatwg.org/multipage/interaction.html#top-layer
   */
  private follow(host: HTMLElement): void {
    this.raise(host);
    for (const card of [this.live, ...this.pinned]) card?.reposition?.();
  }

  private raise(host: HTMLElement): void {
    const container = modalContainer();
    if (host.parentNode !== container) container.append(host);
    try {
      const open = host.matches(':popover-open');
      if (open && container !== document.documentElement) host.hidePopover();
      if (!open || container !== document.documentElement) host.showPopover();
    } catch {
      // No popover support: the host stays a fixed layer at the highest z-index.
    }
  }

  private async mount(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    this.creating ??= createShadowRootUi(this.ctx, {
      name: CARD_HOST_TAG,
      position: 'inline',
      anchor: modalContainer,
      append: 'last',
      css: HOST_CSS,
      onMount: (container, _shadow, host) => {
        host.setAttribute('popover', 'manual');
        // A dialog opened or closed, fullscreen entered or left, while cards are open: they
        // move with the top layer (toggle does not bubble, hence the capture).
        const follow = (e: Event) =>
          host.isConnected &&
          (e.type === 'fullscreenchange' || e.target instanceof HTMLDialogElement) &&
          this.follow(host);
        for (const type of ['toggle', 'fullscreenchange'])
          document.addEventListener(type, follow, { capture: true, signal: this.ctx.signal });
        // The reader's language and its direction on our root only, never on the page.
        const { lang, dir } = uiLocale();
        container.lang = lang;
        container.dir = dir;
        const region = document.createElement('div');
        region.className = 'bs-announce';
        region.setAttribute('role', 'status');
        region.setAttribute('aria-live', 'polite');
        container.append(region);
        return container;
      },
    });
    this.ui = await this.creating;
    if (!this.ui.shadowHost.isConnected) this.ui.mount();
    return this.ui;
  }
}
