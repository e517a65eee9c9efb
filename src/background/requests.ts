import type { CardModels } from '../core/dataset/card-model';
import type { Notes } from '../shared/annotations';
import { requestSchema, type CardResponse } from '../shared/messages';

/**
 * Answers a message from a content script or the popup. Anything that is not a valid request
 * gets `undefined` (no answer), so a stray message from another part of the extension is
 * ignored rather than misread.
 */
export function answerRequest(
  message: unknown,
  cards: CardModels,
  notes: Notes = {},
): CardResponse | undefined {
  const parsed = requestSchema.safeParse(message);
  if (!parsed.success) return undefined;
  const request = parsed.data;
  switch (request.type) {
    case 'card':
      return {
        card: cards.card(request.id) ?? null,
        ...(notes[request.id] && { note: notes[request.id]!.text }),
      };
    default: {
      const unknownType: never = request.type;
      return unknownType;
    }
  }
}
