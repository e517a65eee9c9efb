import { liveRange, type PageMatch } from './page-index';

/** What the pointer and keyboard read: the names found and which of them are shown. */
export interface MatchSource {
  readonly index: { readonly byNode: Map<Text, PageMatch[]> };
  isShown(match: PageMatch): boolean;
  shownMatches(): Iterable<PageMatch>;
}

/** The caret position under a point; `caretPositionFromPoint` is the standard, WebKit's name the fallback. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    if (pos?.offsetNode.nodeType === Node.TEXT_NODE)
      return { node: pos.offsetNode, offset: pos.offset };
    // Over an open shadow root the caret stops at its host unless the root is named: name the
    // roots under the point and ask again. https://drafts.csswg.org/cssom-view/#dom-document-caretpositionfrompoint
    const shadowRoots = openRootsAt(doc, x, y);
    const deep = shadowRoots.length
      ? (
          doc.caretPositionFromPoint as (
            x: number,
            y: number,
            options: { shadowRoots: ShadowRoot[] },
          ) => CaretPosition | null
        ).call(doc, x, y, { shadowRoots })
      : pos;
    return deep ? { node: deep.offsetNode, offset: deep.offset } : undefined;
  }
  const legacy = (
    doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }
  ).caretRangeFromPoint;
  const range = legacy?.call(doc, x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** The open shadow roots of the elements under a point, outermost first. */
function openRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let el = doc.elementFromPoint(x, y);
  while (el?.shadowRoot && !roots.includes(el.shadowRoot) && roots.length < 16) {
    roots.push(el.shadowRoot);
    el = el.shadowRoot.elementFromPoint(x, y);
  }
  return roots;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/**
 * The highlighted name under the pointer, if any. The caret lookup narrows the search to one
 * text node; the rectangle test then rejects carets snapped from blank space past a line's end.
 */
export function matchAtPoint(
  doc: Document,
  source: MatchSource,
  x: number,
  y: number,
): PageMatch | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  const candidates = source.index.byNode.get(caret.node as Text) ?? [];
  return candidates.find((m) => {
    if (!source.isShown(m)) return false;
    const range = liveRange(m);
    return !!range && rectsContain(range, x, y);
  });
}
