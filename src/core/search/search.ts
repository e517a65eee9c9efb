import { aliasText, type Entity } from '../dataset/schema';
import { foldAlias } from '../matcher/normalize';

/**
 * Search over entity names and aliases for the popup. Ranking, best first: the whole name,
 * a prefix of it, a word of it starting with the query, then the query anywhere inside.
 * The canonical name beats an alias at the same rank; ties keep dataset order.
 */

export interface SearchHit {
  entity: Entity;
  /** The name or alias that matched, so the list can say why an entry is there. */
  matched: string;
}

interface Indexed {
  entity: Entity;
  labels: { text: string; folded: string; isName: boolean }[];
}

export class EntitySearch {
  private readonly index: Indexed[];

  constructor(entities: readonly Entity[]) {
    this.index = entities.map((entity) => ({
      entity,
      labels: [
        entity.name,
        ...entity.aliases.map(aliasText),
        ...entity.native.map((n) => n.text),
      ].map((text, i) => ({
        text,
        folded: foldAlias(text),
        isName: i === 0,
      })),
    }));
  }

  search(query: string, limit = 20): SearchHit[] {
    const q = foldAlias(query);
    if (q.length === 0) return [];
    const scored: { hit: SearchHit; score: number; order: number }[] = [];
    this.index.forEach(({ entity, labels }, order) => {
      let best: { score: number; matched: string } | undefined;
      for (const label of labels) {
        const score = rank(label.folded, q) + (label.isName ? 1 : 0);
        if (score > 1 && (!best || score > best.score)) best = { score, matched: label.text };
      }
      if (best) scored.push({ hit: { entity, matched: best.matched }, score: best.score, order });
    });
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    return scored.slice(0, limit).map((s) => s.hit);
  }
}

function rank(label: string, q: string): number {
  if (label === q) return 40;
  if (label.startsWith(q)) return 30;
  const at = label.indexOf(q);
  if (at < 0) return 0;
  // A word start: after a space, hyphen or apostrophe ("qaani" in "esmail qaani", "araji" in "al-araji").
  return /[ '-]/.test(label.charAt(at - 1)) || hasWordStart(label, q) ? 20 : 10;
}

function hasWordStart(label: string, q: string): boolean {
  return label.split(/[ '-]/).some((word) => word.startsWith(q));
}
