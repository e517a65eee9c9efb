import { describe, expect, it } from 'vitest';
import { CardModels } from './card-model';
import type { Dataset, Entity } from './schema';

const source = { url: 'https://example.org/', publisher: 'Example', read: '2026-11-28' };
const entity = (id: string, name: string, extra: Partial<Entity> = {}): Entity => ({
  id,
  type: 'organization',
  name,
  native: [],
  aliases: [],
  summary: 'An entity used in this test.',
  facts: [],
  relations: [],
  timeline: [],
  ...extra,
});
const dataset: Dataset = {
  meta: { version: '1.0.0', checked: '2026-11-28', licence: 'CC BY 4.0' },
  entities: [
    entity('qaani', 'Esmail Qaani', {
      relations: [{ type: 'leads', target: 'quds', from: '2020-01-03' }],
    }),
    entity('quds', 'Quds Force', { relations: [{ type: 'part-of', target: 'irgc' }] }),
    entity('irgc', 'IRGC'),
    entity('talks', 'Talks', {
      type: 'event',
      timeline: [
        { date: '2025-04-19', label: 'Second round', place: 'rome', sources: [source] },
        { date: '2025-04-12', label: 'First round', sources: [source] },
      ],
    }),
    entity('rome', 'Rome'),
  ],
};
const cards = new CardModels(dataset);

describe('CardModels', () => {
  it('shows relations from both ends under a reader label', () => {
    expect(cards.card('quds')?.relations).toEqual([
      { label: 'Part of', items: [{ id: 'irgc', name: 'IRGC' }] },
      { label: 'Led by', items: [{ id: 'qaani', name: 'Esmail Qaani', from: '2020-01-03' }] },
    ]);
    expect(cards.card('irgc')?.relations).toEqual([
      { label: 'Includes', items: [{ id: 'quds', name: 'Quds Force' }] },
    ]);
  });

  it('orders the timeline and names its places', () => {
    expect(cards.card('talks')?.timeline.map((t) => [t.date, t.label, t.place])).toEqual([
      ['2025-04-12', 'First round', undefined],
      ['2025-04-19', 'Second round', 'Rome'],
    ]);
  });

  it('carries the checked-as-of date and returns nothing for an unknown id', () => {
    expect(cards.card('irgc')?.checked).toBe('2026-11-28');
    expect(cards.card('nope')).toBeUndefined();
  });
});
