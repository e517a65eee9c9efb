import { browser } from 'wxt/browser';
import type { CardModel } from '../core/dataset/card-model';
import { cardResponseSchema, type BackstoryRequest } from '../shared/messages';

/** A card and the reader's note on it. */
export interface CardData {
  card: CardModel;
  note?: string;
}

/** Asks the background for an entity's card; the answer is checked before it is shown. */
export async function requestCard(id: string): Promise<CardData | undefined> {
  const request: BackstoryRequest = { type: 'card', id };
  const parsed = cardResponseSchema.safeParse(await browser.runtime.sendMessage(request));
  if (!parsed.success || !parsed.data.card) return undefined;
  return { card: parsed.data.card, ...(parsed.data.note && { note: parsed.data.note }) };
}
