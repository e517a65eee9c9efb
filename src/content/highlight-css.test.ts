import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../core/dataset/schema';

const css = readFileSync(new URL('./highlight.css', import.meta.url), 'utf8');

describe('highlight styles', () => {
  it('style the highlight of every category, so no kind of name is registered but invisible', () => {
    for (const category of [...ENTITY_TYPES, 'other', 'current'])
      expect(css, category).toContain(`::highlight(backstory-${category})`);
  });
});
