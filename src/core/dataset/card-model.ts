import type { Dataset, Entity, RelationType, Source } from './schema';

/**
 * What a card shows, resolved from the dataset: relations in both directions under a reader's
 * label ("Led by", "Part of"), timeline places as names. Built here so the card component only
 * renders, and so every context (page card, popup) shows the same thing.
 */

/** How a relation reads from its subject, and from its target. */
const LABELS: Record<RelationType, [forward: string, inverse: string]> = {
  leads: ['Leads', 'Led by'],
  commands: ['Commands', 'Commanded by'],
  'member-of': ['Member of', 'Members'],
  'part-of': ['Part of', 'Includes'],
  'party-to': ['Party to', 'Parties'],
  'signatory-of': ['Signed', 'Signed by'],
  'mediator-of': ['Mediator of', 'Mediated by'],
  'negotiator-in': ['Negotiator in', 'Negotiators'],
  'located-in': ['Located in', 'Places in it'],
  'capital-of': ['Capital of', 'Capital'],
  'based-in': ['Based in', 'Based here'],
  'successor-of': ['Succeeded', 'Succeeded by'],
  'allied-with': ['Allied with', 'Allied with'],
  'opposed-to': ['Opposed to', 'Opposed by'],
  'related-to': ['Related', 'Related'],
};

export interface RelatedItem {
  id: string;
  name: string;
  from?: string;
  to?: string;
}

export interface RelationGroup {
  label: string;
  items: RelatedItem[];
}

export interface TimelineItem {
  date: string;
  label: string;
  place?: string;
  sources: Source[];
}

export interface CardModel {
  entity: Entity;
  relations: RelationGroup[];
  timeline: TimelineItem[];
  /** The date the dataset's facts were checked as of. */
  checked: string;
}

export class CardModels {
  private readonly byId: Map<string, Entity>;
  private readonly incoming = new Map<string, { from: Entity; index: number }[]>();

  constructor(private readonly dataset: Dataset) {
    this.byId = new Map(dataset.entities.map((e) => [e.id, e]));
    for (const from of dataset.entities) {
      from.relations.forEach((r, index) => {
        const list = this.incoming.get(r.target) ?? [];
        list.push({ from, index });
        this.incoming.set(r.target, list);
      });
    }
  }

  card(id: string): CardModel | undefined {
    const entity = this.byId.get(id);
    if (!entity) return undefined;
    const groups = new Map<string, RelatedItem[]>();
    const add = (label: string, item: RelatedItem) => {
      const items = groups.get(label) ?? [];
      if (!items.some((i) => i.id === item.id)) items.push(item);
      groups.set(label, items);
    };
    for (const r of entity.relations) {
      const target = this.byId.get(r.target);
      if (target)
        add(LABELS[r.type][0], { id: target.id, name: target.name, from: r.from, to: r.to });
    }
    for (const { from, index } of this.incoming.get(id) ?? []) {
      const r = from.relations[index]!;
      add(LABELS[r.type][1], { id: from.id, name: from.name, from: r.from, to: r.to });
    }
    return {
      entity,
      relations: [...groups].map(([label, items]) => ({ label, items })),
      timeline: [...entity.timeline]
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
        .map((t) => ({
          date: t.date,
          label: t.label,
          place: t.place ? this.byId.get(t.place)?.name : undefined,
          sources: t.sources,
        })),
      checked: this.dataset.meta.checked,
    };
  }
}
