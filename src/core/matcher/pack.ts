import type { Dataset, Entity } from '../dataset/schema';

/** The part of an entity the matcher reads. */
export type MatchableEntity = Pick<Entity, 'id' | 'name' | 'native' | 'aliases'>;

/** What the content script ships: every name to look for, nothing of the cards. */
export interface MatcherPack {
  version: string;
  entities: MatchableEntity[];
}

export function toMatcherPack(dataset: Dataset): MatcherPack {
  return {
    version: dataset.meta.version,
    entities: dataset.entities.map(({ id, name, native, aliases }) => ({
      id,
      name,
      native,
      aliases,
    })),
  };
}
