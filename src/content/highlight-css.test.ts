import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../core/dataset/schema';
import { highlightCss } from '../shared/highlight-style';
import { DEFAULT_SETTINGS } from '../shared/settings';

const manifestCss = readFileSync(new URL('./highlight.css', import.meta.url), 'utf8');

describe('highlight styles', () => {
  it('style the highlight of every category, so no kind of name is registered but invisible', () => {
    const css = highlightCss(DEFAULT_SETTINGS);
    for (const category of [...ENTITY_TYPES, 'other'])
      expect(css, category).toContain(`::highlight(backstory-${category})`);
    expect(manifestCss).toContain('::highlight(backstory-current)');
  });

  it("give pages the default look from the manifest's stylesheet, exactly as the settings would", () => {
    const squash = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, '');
    expect(squash(manifestCss)).toContain(squash(highlightCss(DEFAULT_SETTINGS)));
  });

  it("draw the reader's colour as an underline, a tint or both", () => {
    const blue = {
      ...DEFAULT_SETTINGS.categories,
      person: { on: true, colour: '#0000ff' },
    };
    const rule = (style: 'underline' | 'tint' | 'both') =>
      highlightCss({ categories: blue, highlightStyle: style })
        .split('\n')
        .find((r) => r.startsWith('::highlight(backstory-person)'))!;
    expect(rule('underline')).toContain('underline solid rgba(0, 0, 255');
    expect(rule('underline')).toContain('background-color: transparent');
    expect(rule('tint')).toContain('background-color: rgba(0, 0, 255, 0.22)');
    expect(rule('tint')).toContain('text-decoration: none');
    expect(rule('both')).toMatch(/background-color.*underline dotted/);
  });
});
