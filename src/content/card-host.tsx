import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import type { CardModel } from '../core/dataset/card-model';
import { EntityCard, type AsOf } from '../ui/EntityCard';
import { pageIsDark } from './page-theme';
import cardCss from '../ui/card.css?inline';

export const CARD_HOST_TAG = 'backstory-card';

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
.bs-frame[data-placed] { visibility: visible; }
/* The frame shows past the card only where its scrollbar sits; give it the card's colours. */
.bs-frame { background: #fffdf8; }
.bs-frame:has(> .bs-card[data-theme='dark']) { background: #1f2126; color-scheme: dark; scrollbar-color: #5a5e66 #1f2126; }
`;

/**
 * The in-page card: a Preact tree in a shadow root that WXT creates, added to the page only
 * when a card first opens (so the DOM of an untouched page is exactly the page's own).
 * Floating UI keeps it beside the name and inside the viewport while the page scrolls.
 */
export class CardHost {
  private ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  private creating: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
  private stopAutoUpdate: (() => void) | undefined;
  private shownId: string | undefined;
  /** The reader switched the card from the article's date to today. */
  private showToday = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly getCard: (id: string) => Promise<CardModel | undefined>,
    private readonly onPointerLeave: () => void,
    private readonly onPointerEnter: () => void,
    private readonly getArticleDate: () => string | undefined,
    private readonly getThemeSetting: () => 'auto' | 'light' | 'dark',
  ) {}

  private theme(): 'light' | 'dark' {
    const setting = this.getThemeSetting();
    return setting === 'auto' ? (pageIsDark(document) ? 'dark' : 'light') : setting;
  }

  /** Roles are shown as of the article's publication date when the page gives one. */
  private asOf(): AsOf {
    const published = this.getArticleDate();
    return published && !this.showToday
      ? { date: published, kind: 'article' }
      : { date: new Date().toISOString().slice(0, 10), kind: 'today' };
  }

  get openEntityId(): string | undefined {
    return this.shownId;
  }

  contains(target: EventTarget | null): boolean {
    return !!this.ui && target instanceof Node && this.ui.shadowHost.contains(target);
  }

  /** Where focus was before a keyboard-opened card took it; it goes back there on close. */
  private returnFocus: HTMLElement | undefined;

  async show(
    entityId: string,
    anchor: Range,
    options: { focus?: boolean; onPlaced?: () => void } = {},
  ): Promise<void> {
    this.shownId = entityId;
    const [card, ui] = await Promise.all([this.getCard(entityId), this.mount()]);
    if (this.shownId !== entityId) return; // closed or replaced meanwhile
    if (!card) {
      this.hide();
      return;
    }
    const frame = ui.mounted!;
    frame.removeAttribute('data-placed');
    frame.setAttribute('aria-label', card.entity.name);
    const draw = () =>
      render(
        <EntityCard
          card={card}
          asOf={this.asOf()}
          onToggleAsOf={
            this.getArticleDate()
              ? () => {
                  this.showToday = !this.showToday;
                  draw();
                  if (options.focus) {
                    const active = document.activeElement;
                    if (active instanceof HTMLElement && !this.contains(active))
                      this.returnFocus = active;
                    frame.tabIndex = -1;
                    frame.focus({ preventScroll: true });
                  }
                }
              : undefined
          }
          onSelectRelated={(id) => void this.show(id, anchor)}
          onClose={() => this.hide()}
          theme={this.theme()}
        />,
        frame,
      );
    draw();
    // A card opened from the keyboard takes focus once it is placed (a hidden frame cannot).
    let focusWhenPlaced = options.focus ?? false;
    if (focusWhenPlaced) {
      const active = document.activeElement;
      if (active instanceof HTMLElement && !this.contains(active)) this.returnFocus = active;
      frame.tabIndex = -1;
    }
    frame.scrollTop = 0;
    this.stopAutoUpdate?.();
    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
    };
    this.stopAutoUpdate = autoUpdate(reference, frame, () => {
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
        ],
      }).then(({ x, y }) => {
        frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
        if (!frame.hasAttribute('data-placed')) {
          frame.setAttribute('data-placed', '');
          options.onPlaced?.();
        }
        if (focusWhenPlaced) {
          focusWhenPlaced = false;
          frame.focus({ preventScroll: true });
        }
      });
    });
  }

  hide(): void {
    const refocus = this.returnFocus;
    this.returnFocus = undefined;
    if (refocus && this.ui && this.contains(this.ui.shadow.activeElement ?? null))
      refocus.focus({ preventScroll: true });
    this.shownId = undefined;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    this.ui?.remove();
  }

  private async mount(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    this.creating ??= createShadowRootUi(this.ctx, {
      name: CARD_HOST_TAG,
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      css: HOST_CSS,
      onMount: (container) => {
        const frame = document.createElement('div');
        frame.className = 'bs-frame';
        frame.setAttribute('role', 'dialog');
        frame.addEventListener('pointerleave', this.onPointerLeave);
        frame.addEventListener('pointerenter', this.onPointerEnter);
        container.append(frame);
        return frame;
      },
      onRemove: (frame) => {
        if (frame) render(null, frame);
      },
    });
    this.ui = await this.creating;
    if (!this.ui.shadowHost.isConnected) this.ui.mount();
    return this.ui;
  }
}
