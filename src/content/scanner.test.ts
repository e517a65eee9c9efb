// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { Matcher, newDocumentState } from '../core/matcher/matcher';
import { liveRange, PageIndex } from './page-index';
import { scanNow } from './scanner';
import { collectTextBlocks } from './text-blocks';

// happy-dom has no StaticRange; the browsers do. A plain record of the four fields stands in.
globalThis.StaticRange ??= class {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  readonly collapsed: boolean;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
    this.collapsed =
      init.startContainer === init.endContainer && init.startOffset === init.endOffset;
  }
} as unknown as typeof StaticRange;

const matcher = new Matcher([
  { id: 'quds-force', name: 'Quds Force', aliases: [] },
  { id: 'esmail-qaani', name: 'Esmail Qaani', aliases: [] },
  { id: 'tehran', name: 'Tehran', aliases: [] },
]);

function page(html: string): HTMLElement {
  document.body.replaceChildren();
  const template = document.createElement('template');
  template.innerHTML = html; // eslint-disable-line no-restricted-properties -- test fixture, not data
  document.body.append(template.content);
  return document.body;
}

const texts = (root: Node, includeCode = false) =>
  collectTextBlocks(root, { includeCode }).map((b) => b.text.replace(/\s+/g, ' ').trim());

describe('reading the page', () => {
  beforeEach(() => document.body.replaceChildren());

  it('joins a block across inline markup and breaks at blocks and <br>', () => {
    const root = page(
      '<p>The <a href="#">Quds <b>Force</b></a> chief</p><div>Tehran<br>said</div>',
    );
    expect(texts(root)).toEqual(['The Quds Force chief', 'Tehran', 'said']);
  });

  it('skips scripts, form fields, editable regions, hidden elements and code', () => {
    const root = page(
      '<p>Tehran</p><script>var Tehran</script><textarea>Tehran</textarea>' +
        '<div contenteditable="true">Tehran</div><p hidden>Tehran</p><pre>Tehran</pre><p>Esmail <code>Qaani</code></p>',
    );
    expect(texts(root)).toEqual(['Tehran', 'Esmail']);
    expect(texts(root, true)).toEqual(['Tehran', 'Tehran', 'Esmail Qaani']);
  });

  it('turns matches into ranges over the original text nodes, without changing the DOM', () => {
    const root = page('<p>The <b>Quds</b> Force met Esmail <i>Qaani</i> in Tehran and Tehran.</p>');
    const before = root.innerHTML; // eslint-disable-line no-restricted-properties -- reading only
    const matches = scanNow(root, matcher);
    expect(matches.map((m) => [liveRange(m)!.toString(), m.entityId])).toEqual([
      ['Quds Force', 'quds-force'],
      ['Esmail Qaani', 'esmail-qaani'],
      ['Tehran', 'tehran'],
      ['Tehran', 'tehran'],
    ]);
    expect(root.innerHTML).toBe(before); // eslint-disable-line no-restricted-properties
  });

  it('keeps only the first mention of each entity when asked', () => {
    const root = page('<p>Tehran and Tehran.</p><p>Tehran again.</p>');
    expect(scanNow(root, matcher, {}, { firstMentionOnly: true })).toHaveLength(1);
  });

  it('keeps blocks in document order whatever order they are read in, and forgets removed ones', () => {
    const root = page('<p>Tehran</p><p>Esmail Qaani</p><p>Quds Force</p>');
    const blocks = collectTextBlocks(root);
    const index = new PageIndex(matcher, {});
    const state = newDocumentState();
    for (const i of [1, 2, 0]) index.insert(index.scan(blocks[i]!, state));
    expect(index.blocks.map((b) => b.block.text)).toEqual(['Tehran', 'Esmail Qaani', 'Quds Force']);
    expect([...index.matches()].map((m) => m.entityId)).toEqual([
      'tehran',
      'esmail-qaani',
      'quds-force',
    ]);
    const qaaniNode = blocks[1]!.nodes[0]!;
    expect(index.byNode.get(qaaniNode)).toHaveLength(1);
    index.remove((b) => b.block.text === 'Esmail Qaani');
    expect(index.byNode.has(qaaniNode)).toBe(false);
    expect(index.size).toBe(2);
  });
});
