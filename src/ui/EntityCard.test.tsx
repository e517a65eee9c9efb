import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { CardModel } from '../core/dataset/card-model';
import { EntityCard, linkHost } from './EntityCard';

const source = { url: 'https://example.org/a', publisher: 'Example', read: '2026-11-28' };
const card: CardModel = {
  entity: {
    id: 'hossein-salami',
    type: 'person',
    name: 'Hossein Salami',
    native: [{ lang: 'fa', text: 'حسین سلامی' }],
    aliases: [],
    summary: 'Commanded the IRGC from 2019 until he was killed in June 2025.',
    facts: [
      {
        label: 'IRGC commander-in-chief',
        value: 'Appointed by the supreme leader',
        from: '2019-04-21',
        to: '2025-06-13',
        sources: [source],
      },
      {
        label: 'Born',
        value: '1960',
        date: '1960',
        sources: [source],
        contested: [{ value: '1961', sources: [source] }],
      },
    ],
    relations: [],
    timeline: [],
  },
  relations: [
    {
      label: 'Commands',
      items: [{ id: 'irgc', name: 'IRGC', from: '2019-04-21', to: '2025-06-13' }],
    },
  ],
  timeline: [],
  checked: '2026-11-28',
};

const statuses = (html: string) => [...html.matchAll(/data-status="(\w+)"/g)].map((m) => m[1]);

describe('EntityCard', () => {
  it('shows a role as not yet held on a page dated before it, and held on a page dated during it', () => {
    const early = renderToString(
      <EntityCard card={card} asOf={{ date: '2018-11-02', kind: 'article' }} />,
    );
    const later = renderToString(
      <EntityCard card={card} asOf={{ date: '2024-03-01', kind: 'article' }} />,
    );
    expect(statuses(early)).toEqual(['before', 'before']);
    expect(statuses(later)).toEqual(['during', 'during']);
    expect(early).toContain("Roles as of 2 Nov 2018, the article's date");
    expect(later).toContain('at the time');
  });

  it('marks contested facts, names native scripts with their language, and dates the check', () => {
    const html = renderToString(<EntityCard card={card} />);
    expect(html).toContain('Sources disagree');
    expect(html).toContain('lang="fa"');
    expect(html).toContain('Facts checked as of 28 Nov 2026');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('Example<span class="bs-host"> · example.org</span>');
  });

  it('links only http(s) sources', () => {
    expect(linkHost('https://www.reuters.com/world/x')).toBe('reuters.com');
    expect(linkHost('javascript:alert(1)')).toBeUndefined();
    expect(linkHost('data:text/html,hi')).toBeUndefined();
    const bad = structuredClone(card);
    bad.entity.facts[0]!.sources = [{ ...source, url: 'javascript:alert(1)' }];
    const html = renderToString(<EntityCard card={bad} />);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<bdi dir="auto">Example</bdi>');
  });

  it('offers Back to the card it came from, and a pin that says whether it is pressed', () => {
    const noop = () => {};
    const html = renderToString(
      <EntityCard
        card={card}
        back={{ name: 'IRGC', onBack: noop }}
        pin={{ pinned: true, onToggle: noop }}
      />,
    );
    expect(html).toContain('Back to IRGC');
    expect(html).toContain('aria-pressed="true"');
    expect(html).toContain('aria-label="Unpin this card"');
    const plain = renderToString(<EntityCard card={card} />);
    expect(plain).not.toContain('Back to');
    expect(plain).not.toContain('bs-pin');
  });
});
