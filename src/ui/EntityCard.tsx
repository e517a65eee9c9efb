import type { CardModel, RelationGroup, TimelineItem } from '../core/dataset/card-model';
import { factStart, type Entity, type Fact, type Source } from '../core/dataset/schema';
import { formatPartialDate, formatSpan } from './format-date';

export interface EntityCardProps {
  card: CardModel;
  onSelectRelated?: (id: string) => void;
  onClose?: () => void;
}

const TYPE_LABEL: Record<Entity['type'], string> = {
  person: 'Person',
  organization: 'Organisation',
  agreement: 'Agreement',
  event: 'Event',
  place: 'Place',
  media: 'News media',
};

function Sources({ sources }: { sources: Source[] }) {
  return (
    <span class="bs-sources">
      {sources.map((s, i) => (
        <a
          key={i}
          href={s.url}
          target="_blank"
          rel="noopener noreferrer"
          title={`${s.url} (read ${formatPartialDate(s.read)})`}
        >
          {s.publisher}
        </a>
      ))}
    </span>
  );
}

function FactRow({ fact }: { fact: Fact }) {
  const when = fact.date ? formatPartialDate(fact.date) : formatSpan(fact.from, fact.to);
  return (
    <li class="bs-fact">
      <span class="bs-fact-date">{when}</span>
      <div class="bs-fact-body">
        <span class="bs-fact-label">{fact.label}:</span> {fact.value}
        <Sources sources={fact.sources} />
        {fact.contested && (
          <div class="bs-contested" data-testid="contested">
            <span class="bs-contested-title">Sources disagree. Other readings:</span>
            <ul>
              {fact.contested.map((r, i) => (
                <li key={i}>
                  {r.value} <Sources sources={r.sources} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {fact.note && <p class="bs-fact-note">{fact.note}</p>}
      </div>
    </li>
  );
}

function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <section class="bs-section">
      <h3 class="bs-section-title">Timeline</h3>
      <ol class="bs-facts bs-timeline">
        {items.map((t, i) => (
          <li key={i} class="bs-fact">
            <span class="bs-fact-date">{formatPartialDate(t.date)}</span>
            <div class="bs-fact-body">
              {t.label}
              {t.place && <span class="bs-place"> · {t.place}</span>}
              <Sources sources={t.sources} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Relations({
  groups,
  onSelect,
}: {
  groups: RelationGroup[];
  onSelect?: (id: string) => void;
}) {
  return (
    <footer class="bs-related">
      {groups.map((g) => (
        <div key={g.label} class="bs-related-row">
          <span class="bs-related-label">{g.label}</span>
          {g.items.map((item) => {
            const span = item.from || item.to ? ` (${formatSpan(item.from, item.to)})` : '';
            return onSelect ? (
              <button type="button" key={item.id} class="bs-chip" onClick={() => onSelect(item.id)}>
                {item.name}
                {span}
              </button>
            ) : (
              <span key={item.id} class="bs-chip">
                {item.name}
                {span}
              </span>
            );
          })}
        </div>
      ))}
    </footer>
  );
}

/** The background card for one entity: what it is, dated sourced facts, timeline, relations. */
export function EntityCard({ card, onSelectRelated, onClose }: EntityCardProps) {
  const { entity } = card;
  const facts = [...entity.facts].sort((a, b) =>
    factStart(a) < factStart(b) ? -1 : factStart(a) > factStart(b) ? 1 : 0,
  );
  return (
    <article class="bs-card" aria-labelledby="bs-card-title" data-entity-id={entity.id}>
      <header class="bs-card-header">
        <span class="bs-type">{TYPE_LABEL[entity.type]}</span>
        <h2 id="bs-card-title" class="bs-title" data-testid="card-title">
          {entity.name}
        </h2>
        {entity.native.length > 0 && (
          <p class="bs-native">
            {entity.native.map((n) => (
              <span key={n.lang} lang={n.lang} dir="auto">
                {n.text}
              </span>
            ))}
          </p>
        )}
        {onClose && (
          <button type="button" class="bs-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        )}
      </header>
      <p class="bs-summary">{entity.summary}</p>
      {facts.length > 0 && (
        <ol class="bs-facts">
          {facts.map((f, i) => (
            <FactRow key={i} fact={f} />
          ))}
        </ol>
      )}
      {card.timeline.length > 0 && <Timeline items={card.timeline} />}
      {card.relations.length > 0 && (
        <Relations groups={card.relations} onSelect={onSelectRelated} />
      )}
      <p class="bs-checked">Facts checked as of {formatPartialDate(card.checked)}</p>
    </article>
  );
}
