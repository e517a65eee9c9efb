import { describe, expect, it } from 'vitest';
import { markdownTable } from './markdown';

describe('markdownTable', () => {
  it('lines the columns up under a header and a separator row', () => {
    expect(
      markdownTable(
        ['page', 'ms'],
        [
          ['a', '12.5'],
          ['longer name', '3'],
        ],
      ),
    ).toBe(
      [
        '| page        | ms   |',
        '|-------------|------|',
        '| a           | 12.5 |',
        '| longer name | 3    |',
      ].join('\n'),
    );
  });

  it('keeps a pipe or a line break inside a cell from splitting the row', () => {
    const table = markdownTable(['method'], [['regex a|b'], ['two\nlines']]);
    expect(table.split('\n')[2]).toBe('| regex a\\|b |');
    expect(table.split('\n')).toHaveLength(4);
  });

  it('fills a short row with empty cells so every row has every column', () => {
    const rows = markdownTable(['a', 'b', 'c'], [['1']]).split('\n');
    expect(rows[2]).toBe('| 1 |   |   |');
  });
});
