// @vitest-environment happy-dom
/**
 * A pack whose every text field holds markup (<script>, <img onerror>, a javascript: link) is
 * a valid pack: text is text. These render it where a reader sees it, the card and the
 * options page's pack list, into a real DOM and check that the markup shows as characters and
 * creates no element, no attribute and no link.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CardModels } from '../core/dataset/card-model';
import type { Dataset } from '../core/dataset/schema';
import { parsePack, type Pack } from '../core/packs/pack';
import { packInfo } from '../shared/packs';
import { EntityCard } from './EntityCard';
import { Datasets } from './options/Datasets';

const hostileText = readFileSync(
  resolve(import.meta.dirname, '../../tests/fixtures/packs/hostile-pack.json'),
  'utf8',
);

function hostilePack(): Pack {
  const result = parsePack(hostileText);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.pack;
}

/** Every element in `root` with its attribute names: what the markup would have added. */
function elementsAndAttributes(root: Element) {
  const all = [...root.querySelectorAll('*')];
  return {
    tags: new Set(all.map((e) => e.tagName.toLowerCase())),
    attributes: new Set(all.flatMap((e) => [...e.attributes].map((a) => a.name))),
    links: all.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')),
  };
}

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});
function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(node, host);
  return host;
}

const noop = () => {};

describe('a pack full of markup, shown', () => {
  it('on the card: every field reads as the characters written, and nothing is created', () => {
    const pack = hostilePack();
    const dataset: Dataset = {
      meta: { version: '0.0.0', checked: '2026-11-28', licence: 'test' },
      entities: pack.entities,
    };
    const person = pack.entities[0]!;
    const card = new CardModels(dataset).card(person.id)!;
    const root = mount(
      <EntityCard
        card={card}
        asOf={{ date: '2026-11-28', kind: 'today' }}
        onSelectRelated={noop}
        pin={{ pinned: false, onToggle: noop }}
        onClose={noop}
      />,
    );
    const fact = person.facts[0]!;
    // What the card shows (description, aliases and relation notes are not on the card).
    const shown = [
      person.name,
      person.native[0]!.text,
      person.summary,
      fact.label,
      fact.value,
      fact.note!,
      fact.sources[0]!.publisher,
      fact.contested![0]!.value,
      fact.contested![0]!.sources[0]!.publisher,
      person.timeline[0]!.label,
      pack.entities[1]!.name, // the related council, as a chip and as the timeline's place
    ];
    const text = root.textContent ?? '';
    for (const value of shown) {
      expect(value).toMatch(/<script>/);
      expect(text).toContain(value);
    }
    expect(root.querySelector('[data-testid="card-title"]')!.textContent).toBe(person.name);

    const { tags, attributes, links } = elementsAndAttributes(root);
    for (const tag of ['script', 'img', 'b', 'iframe']) expect(tags).not.toContain(tag);
    expect([...attributes].filter((a) => a.startsWith('on') || a === 'src')).toEqual([]);
    // The fixture's sources are https; the "javascript:" written in the text makes no link.
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toBe('https://example.org/hostile-fixture');
  });

  it('with source addresses that are not web links: named, never linked', () => {
    const pack = hostilePack();
    const person = pack.entities[0]!;
    const unsafe = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/x',
    ];
    // The schema refuses these (see pack-hostile.test.ts); the card must not trust that alone.
    person.facts[0]!.sources = unsafe.map((url, i) => ({
      url,
      publisher: `Publisher ${i}`,
      read: '2026-11-28',
    }));
    person.facts[0]!.contested = undefined;
    person.timeline = [];
    const dataset: Dataset = {
      meta: { version: '0.0.0', checked: '2026-11-28', licence: 'test' },
      entities: pack.entities,
    };
    const root = mount(<EntityCard card={new CardModels(dataset).card(person.id)!} />);
    expect(elementsAndAttributes(root).links).toEqual([]);
    for (let i = 0; i < unsafe.length; i++) expect(root.textContent).toContain(`Publisher ${i}`);
  });

  it('in the options page list of packs, and in the problems of a refused one', () => {
    const pack = hostilePack();
    const info = packInfo(pack, hostileText.length);
    // A refused file quotes the author's text back (here an unknown key made of markup).
    const refused = parsePack(
      hostileText.replace(
        '"id": "hostile-fixture-pack"',
        '"<img src=x onerror=alert(1)>": 1, "id": "hostile-fixture-pack"',
      ),
    );
    expect(refused.ok).toBe(false);
    const problems = refused.ok ? [] : refused.problems;
    const root = mount(
      <Datasets
        bundled={{ version: '0.0.0', entities: 1, checked: '2026-11-28' }}
        packs={[info]}
        maxMegabytes={25}
        importState={{ kind: 'failed', message: 'not imported', problems }}
        onImport={noop}
        onToggle={noop}
        onRemove={noop}
        onExport={noop}
      />,
    );
    const text = root.textContent ?? '';
    expect(text).toContain(pack.meta.name);
    expect(text).toContain(pack.meta.licence);
    expect(text).toContain(pack.meta.version);
    expect(text).toContain('<img src=x onerror=alert(1)>');
    const { tags, attributes, links } = elementsAndAttributes(root);
    for (const tag of ['script', 'img', 'b']) expect(tags).not.toContain(tag);
    expect([...attributes].filter((a) => a.startsWith('on') || a === 'src')).toEqual([]);
    expect(links).toEqual([]);
  });
});
