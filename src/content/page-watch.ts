/**
 * Turns the page's changes into work for the scanner: which parts of the page to read again
 * (the nearest block around changed text, or a new block-level element itself), whether
 * anything was removed, whether an element that may hide or show text changed, and whether
 * the page navigated without reloading (a single-page app's pushState).
 */
import { flowElement, isInline } from './text-blocks';

export interface PageChanges {
  /** Elements to read again, whole. */
  dirty: Set<Element>;
  /**
   * Nodes were taken out of the page: the readings of text no longer in it must go. (Which
   * nodes is not kept: holding them would keep what the page let go of alive until read.)
   */
  removed: boolean;
  /** Elements whose class, style or open state changed (text may have been shown or hidden). */
  restyled: Set<Element>;
  /** Number of mutation records since the last take. */
  records: number;
}

export const emptyChanges = (): PageChanges => ({
  dirty: new Set(),
  removed: false,
  restyled: new Set(),
  records: 0,
});

/** Attributes that hide or show text, or make it an editor (which we never read). */
const VISIBILITY_ATTRIBUTES = ['hidden', 'class', 'style', 'open', 'contenteditable'];
/** Of those, the ones that decide by themselves whether the text within is read. */
const READ_ATTRIBUTES = new Set(['hidden', 'open', 'contenteditable']);

const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: VISIBILITY_ATTRIBUTES,
};

/** MutationObservers of ours that are connected, for the stats report (there should be one). */
let connectedObservers = 0;
export const connectedMutationObservers = () => connectedObservers;

/** The page's address without its fragment: jumping to an anchor is not a new page. */
const pageAddress = () => location.href.replace(/#.*$/, '');

export class PageWatch {
  private changes = emptyChanges();
  private readonly observer: MutationObserver;
  private href = pageAddress();

  constructor(
    root: Node,
    /** Called after changes arrive (the scanner schedules its own work). */
    private readonly onChange: (navigated: boolean) => void,
    signal: AbortSignal,
    /** Our own UI: its changes are not the page's. */
    private readonly isOwnUi: (el: Element) => boolean,
  ) {
    this.observer = new MutationObserver((records) => this.record(records));
    this.observer.observe(root, OPTIONS);
    connectedObservers++;
    const onHistory = () => this.checkUrl();
    addEventListener('popstate', onHistory, { signal });
    addEventListener('hashchange', onHistory, { signal });
    signal.addEventListener('abort', () => {
      this.observer.disconnect();
      connectedObservers--;
    });
  }

  /** Watches an open shadow root too (mutations inside it do not reach the document's observer). */
  watch(root: ShadowRoot): void {
    this.observer.observe(root, OPTIONS);
  }

  /** The changes gathered since the last call. */
  take(): PageChanges {
    const taken = this.changes;
    this.changes = emptyChanges();
    return taken;
  }

  private record(records: MutationRecord[]): void {
    const { changes } = this;
    for (const record of records) {
      changes.records++;
      const target = record.target;
      const targetElement = target instanceof Element ? target : target.parentElement;
      if (targetElement && this.isOwnUi(targetElement)) continue;
      if (record.type === 'attributes') {
        if (READ_ATTRIBUTES.has(record.attributeName ?? '')) {
          const flow = flowElement(target);
          if (flow) changes.dirty.add(flow);
        } else changes.restyled.add(target as Element);
        continue;
      }
      if (record.type === 'childList') {
        let textChanged = false;
        for (const node of record.removedNodes) {
          changes.removed = true;
          // Text or inline markup that left changes the block it was in; a block-level element
          // that left takes only its own text, unless text on both sides of it now runs together.
          textChanged ||= !isBlockElement(node) || joinsText(record);
        }
        for (const node of record.addedNodes) {
          // A new block-level element is read on its own; new text or inline markup changes
          // the block around it.
          if (node instanceof Element && !isInline(node)) changes.dirty.add(node);
          else textChanged = true;
        }
        if (!textChanged) continue;
      }
      const flow = flowElement(target);
      if (flow) changes.dirty.add(flow);
    }
    this.checkUrl();
    this.onChange(false);
  }

  private checkUrl(): void {
    const href = pageAddress();
    if (href === this.href) return;
    this.href = href;
    this.changes.dirty.clear();
    this.onChange(true);
  }
}

function isBlockElement(node: Node | null): node is Element {
  return node instanceof Element && !isInline(node);
}

/** Whether text on both sides of the nodes a mutation removed now runs together. */
function joinsText(record: MutationRecord): boolean {
  const side = (node: Node | null, step: 'previousSibling' | 'nextSibling') => {
    while (node instanceof Text && !/\S/.test(node.data)) node = node[step];
    return node !== null && !isBlockElement(node);
  };
  return side(record.previousSibling, 'previousSibling') && side(record.nextSibling, 'nextSibling');
}
