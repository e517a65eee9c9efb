import { CardModels } from '../core/dataset/card-model';
import type { Dataset } from '../core/dataset/schema';
import { compileIndex, serializeIndex } from '../core/matcher/compile';
import { readOwnEntries } from '../shared/annotations';
import {
  EXTRA_INDEX_KEY,
  enabledPackEntities,
  withPacks,
  type ExtraIndex,
  type PackArea,
} from '../shared/packs';

/**
 * The data the background serves: the bundled dataset plus the enabled packs and the reader's own entries. Cards come from
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
    this.cards ??= this.extra().then((extra) => new CardModels(withPacks(this.bundled, extra)));
    return this.cards;
  }

  /** Entities beyond the bundled ones: enabled packs, then the reader's own. */
  private async extra() {
    try {
      const [packs, own] = await Promise.all([
        enabledPackEntities(this.area),
        readOwnEntries(this.area),
      ]);
      return [...packs, ...own];
    } catch {
      // Storage that cannot be read at all (the reads above skip what is merely damaged):
      // the bundled dataset still answers; the options page names what is lost.
      return [];
    }
  }

  /** Packs or own entries changed: cards are rebuilt on next use, the extra index now. */
  async packsChanged(): Promise<void> {
    this.cards = undefined;
    const extra = await this.extra();
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
