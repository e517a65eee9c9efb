import type { Entity, Fact } from '../core/dataset/schema';
import { formatPartialDate } from './format-date';

export interface RelatedLink {
  id: string;
  name: string;
}

export interface EntityCardProps {
  entity: Entity;
  /** The related entities, already resolved to names; unknown ids are left out by the caller. */
  related: RelatedLink[];
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

function host(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function FactRow({ fact }: { fact: Fact }) {
  return (
    <li class="bs-fact">
      <time class="bs-fact-date" dateTime={fact.date}>
        {formatPartialDate(fact.date)}
      </time>
      <div class="bs-fact-body">
        <span class="bs-fact-label">{fact.label}:</span> {fact.value}
        {fact.note && (
          <p class="bs-fact-note" data-testid="fact-note">
            <span class="bs-note-mark" aria-hidden="true">
              ⚠
            </span>{' '}
            {fact.note}
          </p>
        )}
        <span class="bs-sources">
          {fact.sources.map((s, i) => (
            <a
              key={i}
              href={s.url}
              target="_blank"
              rel="noopener noreferrer"
              title={`${s.url} (read ${s.read})`}
            >
              {s.publisher || host(s.url)}
            </a>
          ))}
        </span>
      </div>
    </li>
  );
}

/** The background card for one entity: what it is, dated sourced facts, and its related names. */
export function EntityCard({ entity, related, onSelectRelated, onClose }: EntityCardProps) {
  const facts = [...entity.facts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return (
    <article class="bs-card" aria-labelledby="bs-card-title" data-entity-id={entity.id}>
      <header class="bs-card-header">
        <span class="bs-type">{TYPE_LABEL[entity.type]}</span>
        <h2 id="bs-card-title" class="bs-title" data-testid="card-title">
          {entity.name}
        </h2>
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
      {related.length > 0 && (
        <footer class="bs-related">
          <span class="bs-related-label">Related</span>
          {related.map((r) =>
            onSelectRelated ? (
              <button
                type="button"
                key={r.id}
                class="bs-chip"
                onClick={() => onSelectRelated(r.id)}
              >
                {r.name}
              </button>
            ) : (
              <span key={r.id} class="bs-chip">
                {r.name}
              </span>
            ),
          )}
        </footer>
      )}
    </article>
  );
}
