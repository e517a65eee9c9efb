import { CardModels } from '../core/dataset/card-model';
import type { Dataset } from '../core/dataset/schema';
import { compileIndex, serializeIndex } from '../core/matcher/compile';
import {
  EXTRA_INDEX_KEY,
  enabledPackEntities,
  withPacks,
  type ExtraIndex,
  type PackArea,
} from '../shared/packs';

/**
 * The data the background serves: the bundled dataset plus the enabled packs. Cards come from
 * the union (a pack's entity may relate to a bundled one); the packs' names are compiled into
 * an index of their own and stored for content scripts, which load it beside the bundled one.
 */
export class Datasets {
  private cards: Promise<CardModels> | undefined;

  constructor(
    private readonly bundled: Dataset,
    private readonly area: PackArea,
  ) {}

  cardModels(): Promise<CardModels> {
    this.cards ??= enabledPackEntities(this.area).then(
      (extra) => new CardModels(withPacks(this.bundled, extra)),
    );
    return this.cards;
  }

  /** The packs changed: cards are rebuilt on next use and the packs' index now. */
  async packsChanged(): Promise<void> {
    this.cards = undefined;
    const extra = await enabledPackEntities(this.area);
    if (extra.length === 0) {
      await this.area.remove(EXTRA_INDEX_KEY);
      return;
    }
    const stored: ExtraIndex = {
      index: serializeIndex(compileIndex(extra)),
      types: Object.fromEntries(extra.map((e) => [e.id, e.type])),
    };
    await this.area.set({ [EXTRA_INDEX_KEY]: stored });
  }
}
