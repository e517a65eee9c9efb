import type { Dataset } from '../dataset/schema';
import { compileIndex, serializeIndex, type SerializedIndex } from './compile';

/** What the content script ships: the compiled name index, nothing of the cards. */
export interface MatcherPack {
  version: string;
  index: SerializedIndex;
}

export function toMatcherPack(dataset: Dataset): MatcherPack {
  return { version: dataset.meta.version, index: serializeIndex(compileIndex(dataset.entities)) };
}
