import { ENTITY_TYPES } from '../core/dataset/schema';
import type { Settings } from './settings';

/** `#rrggbb` as `rgba(r, g, b, a)`. */
function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * The highlight rules for the reader's look: one rule per category in its colour, as an
 * underline, a background tint, or both; and the keyboard's current mark on top. Used on
 * pages (an adopted stylesheet) and by the options page's live preview.
 */
export function highlightCss(
  settings: Pick<Settings, 'categories' | 'highlightStyle'>,
  options: { important?: boolean } = {},
): string {
  const { highlightStyle } = settings;
  // A reader's look is added after the default one (the manifest's stylesheet): !important
  // makes it win whatever order the browser gives the two.
  const bang = options.important ? ' !important' : '';
  const rules = ENTITY_TYPES.map((type) => {
    const { colour } = settings.categories[type];
    const tint = `background-color: ${highlightStyle !== 'underline' ? rgba(colour, 0.22) : 'transparent'}${bang};`;
    const line =
      highlightStyle !== 'tint'
        ? `text-decoration: underline ${highlightStyle === 'both' ? 'dotted' : 'solid'} ${rgba(colour, 0.95)}${bang}; text-decoration-thickness: 2px${bang}; text-underline-offset: 2px${bang};`
        : `text-decoration: none${bang};`;
    return `::highlight(backstory-${type}) { ${tint} ${line} }`;
  });
  rules.push(
    '::highlight(backstory-other) { background-color: rgba(255, 196, 61, 0.3); text-decoration: underline dotted rgba(154, 91, 0, 0.85); }',
  );
  // Forced colours (Windows high contrast, Firefox's "override colours"): the browser drops
  // our tints, so names are marked in the system's own mark colours, which it keeps.
  const names = [...ENTITY_TYPES, 'other'].map((type) => `::highlight(backstory-${type})`);
  rules.push(
    `@media (forced-colors: active) { ${names.join(', ')} { background-color: Mark${bang}; color: MarkText${bang}; text-decoration-color: MarkText${bang}; } }`,
  );
  return rules.join('\n');
}
