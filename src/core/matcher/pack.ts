import type { Dataset, EntityType } from '../dataset/schema';
import { compileIndex, serializeIndex, type SerializedIndex } from './compile';

/** What the content script ships: the compiled name index, nothing of the cards. */
export interface MatcherPack {
  version: string;
  index: SerializedIndex;
  /** Each entity's type, so the page can paint each category under its own highlight. */
  types: Record<string, EntityType>;
}

export function toMatcherPack(dataset: Dataset): MatcherPack {
  return {
    version: dataset.meta.version,
    index: serializeIndex(compileIndex(dataset.entities)),
    types: Object.fromEntries(dataset.entities.map((e) => [e.id, e.type])),
  };
}
