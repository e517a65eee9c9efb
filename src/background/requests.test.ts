import { describe, expect, it } from 'vitest';
import { CardModels } from '../core/dataset/card-model';
import { cardResponseSchema } from '../shared/messages';
import { answerRequest } from './requests';

const cards = new CardModels({
  meta: { version: '1.0.0', checked: '2026-11-28', licence: 'CC BY 4.0' },
  entities: [
    {
      id: 'oman',
      type: 'place',
      name: 'Oman',
      native: [],
      aliases: [],
      summary: 'A country on the Arabian Peninsula.',
      facts: [],
      relations: [],
      timeline: [],
    },
  ],
});

describe('answerRequest', () => {
  it('answers a card request with a card that passes the receiving check', () => {
    const answer = answerRequest({ type: 'card', id: 'oman' }, cards);
    expect(cardResponseSchema.parse(answer).card?.entity.name).toBe('Oman');
  });

  it('answers an unknown id with no card', () => {
    expect(answerRequest({ type: 'card', id: 'atlantis' }, cards)).toEqual({ card: null });
  });

  it('ignores malformed messages', () => {
    for (const message of [
      null,
      'card',
      { type: 'card' },
      { type: 'delete', id: 'oman' },
      { type: 'card', id: 'oman', extra: 1 },
    ]) {
      expect(answerRequest(message, cards)).toBeUndefined();
    }
  });
});
