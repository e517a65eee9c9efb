import { browser } from 'wxt/browser';
import type { CardModel } from '../core/dataset/card-model';
import { cardResponseSchema, type BackstoryRequest } from '../shared/messages';

/** Asks the background for an entity's card; the answer is checked before it is shown. */
export async function requestCard(id: string): Promise<CardModel | undefined> {
  const request: BackstoryRequest = { type: 'card', id };
  const parsed = cardResponseSchema.safeParse(await browser.runtime.sendMessage(request));
  return parsed.success ? (parsed.data.card ?? undefined) : undefined;
}
