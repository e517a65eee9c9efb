/**
 * Paints matches with the CSS Custom Highlight API, which styles ranges without touching the
 * DOM. The registry is shared with the page's own scripts, so we use one prefixed name and
 * never read or remove anyone else's. https://drafts.csswg.org/css-highlight-api-1/
 */

export const HIGHLIGHT_NAME = 'backstory-entity';

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export function paintHighlights(ranges: Range[]): void {
  if (!highlightsSupported()) return;
  if (ranges.length === 0) {
    CSS.highlights.delete(HIGHLIGHT_NAME);
    return;
  }
  CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...ranges));
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  CSS.highlights.delete(HIGHLIGHT_NAME);
  CSS.highlights.delete(CURRENT_NAME);
}

/** The mention keyboard navigation moved to, painted on top of the others. */
export const CURRENT_NAME = 'backstory-current';

export function paintCurrent(range: Range): void {
  if (!highlightsSupported()) return;
  const highlight = new Highlight(range);
  highlight.priority = 1;
  CSS.highlights.set(CURRENT_NAME, highlight);
}

export function clearCurrent(): void {
  if (highlightsSupported()) CSS.highlights.delete(CURRENT_NAME);
}
