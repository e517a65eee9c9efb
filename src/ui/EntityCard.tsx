import type { CardModel, RelationGroup, TimelineItem } from '../core/dataset/card-model';
import { intervalStatus, type IntervalStatus } from '../core/dataset/as-of';
import { factStart, type Fact, type Source } from '../core/dataset/schema';
import { useRef, useState } from 'preact/hooks';
import { formatPartialDate, formatSpan } from './format-date';
import { typeLabel } from './labels';
import { t } from '../shared/i18n';

/** The date roles are shown as of: the article's publication date, or today. */
export interface AsOf {
  date: string;
  kind: 'article' | 'today';
}

export interface EntityCardProps {
  card: CardModel;
  asOf?: AsOf;
  /** Offered when the page has a date: switch between the article's date and today. */
  onToggleAsOf?: () => void;
  onSelectRelated?: (id: string) => void;
  /** Offered after moving to a related entity: back to the card before (named in the label). */
  back?: { name: string; onBack: () => void };
  /** Offered where cards can be pinned: keeps the card open when the pointer leaves. */
  pin?: { pinned: boolean; onToggle: () => void };
  onClose?: () => void;
  /** The reader's own note on this entity. */
  note?: string;
  /** Offered where notes can be written: saves (empty text removes the note). */
  onSaveNote?: (text: string) => void;
  /** Light or dark; undefined follows the system colour scheme. */
  theme?: 'light' | 'dark';
}

const STATUS_LABEL: Record<IntervalStatus, () => string> = {
  before: () => t('status_later'),
  during: () => t('status_at_the_time'),
  after: () => t('status_ended'),
};

function StatusTag({ from, to, asOf }: { from?: string; to?: string; asOf?: AsOf }) {
  const status = asOf && intervalStatus(from, to, asOf.date);
  if (!status) return null;
  return (
    <span class={`bs-status bs-status-${status}`} data-status={status}>
      {asOf.kind === 'today' && status === 'during' ? t('status_now') : STATUS_LABEL[status]()}
    </span>
  );
}

/** The host a link goes to, shown beside the publisher; undefined for anything but http(s). */
export function linkHost(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return parsed.hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function Sources({ sources }: { sources: Source[] }) {
  return (
    <span class="bs-sources">
      {sources.map((s, i) => {
        const host = linkHost(s.url);
        // A source whose address is not a web link is named but not linked.
        if (!host)
          return (
            <bdi key={i} dir="auto">
              {s.publisher}
            </bdi>
          );
        return (
          <a
            key={i}
            href={s.url}
            target="_blank"
            rel="noopener noreferrer"
            title={t('source_read_on', s.url, formatPartialDate(s.read))}
            dir="auto"
          >
            {s.publisher}
            {host.toLowerCase() !== s.publisher.toLowerCase() && (
              <span class="bs-host"> · {host}</span>
            )}
          </a>
        );
      })}
    </span>
  );
}

function FactRow({ fact, asOf }: { fact: Fact; asOf?: AsOf }) {
  const when = fact.date ? formatPartialDate(fact.date) : formatSpan(fact.from, fact.to);
  return (
    <li class="bs-fact">
      <span class="bs-fact-date">
        {when}
        {!fact.date && <StatusTag from={fact.from} to={fact.to} asOf={asOf} />}
      </span>
      {/* The dataset's English keeps its own direction in a right-to-left card: the body takes
          the direction of the label it starts with (so not isolated in a bdi). */}
      <div class="bs-fact-body" dir="auto">
        <span class="bs-fact-label">{fact.label}</span>
        {t('fact_label_separator')}
        <span>{fact.value}</span>
        <Sources sources={fact.sources} />
        {fact.contested && (
          <div class="bs-contested" data-testid="contested">
            <span class="bs-contested-title" dir="auto">
              {t('card_sources_disagree')}
            </span>
            <ul>
              {fact.contested.map((r, i) => (
                <li key={i}>
                  <bdi>{r.value}</bdi> <Sources sources={r.sources} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {fact.note && (
          <p class="bs-fact-note" dir="auto">
            {fact.note}
          </p>
        )}
      </div>
    </li>
  );
}

function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <section class="bs-section">
      <h3 class="bs-section-title">{t('card_timeline')}</h3>
      <ol class="bs-facts bs-timeline">
        {items.map((item, i) => (
          <li key={i} class="bs-fact">
            <span class="bs-fact-date">{formatPartialDate(item.date)}</span>
            <div class="bs-fact-body" dir="auto">
              <span>{item.label}</span>
              {item.place && (
                <span class="bs-place">
                  {' · '}
                  <bdi>{item.place}</bdi>
                </span>
              )}
              <Sources sources={item.sources} />
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
  asOf,
}: {
  groups: RelationGroup[];
  onSelect?: (id: string) => void;
  asOf?: AsOf;
}) {
  return (
    <footer class="bs-related">
      {groups.map((g) => (
        <div key={g.label} class="bs-related-row">
          <bdi class="bs-related-label">{g.label}</bdi>
          {g.items.map((item) => {
            const span = item.from || item.to ? t('chip_span', formatSpan(item.from, item.to)) : '';
            const status = asOf && intervalStatus(item.from, item.to, asOf.date);
            const cls = status && status !== 'during' ? 'bs-chip bs-chip-off' : 'bs-chip';
            return onSelect ? (
              <button
                type="button"
                key={item.id}
                class={cls}
                data-status={status}
                onClick={() => onSelect(item.id)}
              >
                <bdi>{item.name}</bdi>
                {span}
              </button>
            ) : (
              <span key={item.id} class={cls} data-status={status}>
                <bdi>{item.name}</bdi>
                {span}
              </span>
            );
          })}
        </div>
      ))}
    </footer>
  );
}

/** The reader's note: shown, and written or changed in place where the card allows it. */
function NoteBox({ note, onSave }: { note?: string; onSave?: (text: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note ?? '');
  // Saved from the field itself: a click can come before the last keystroke's state update.
  const field = useRef<HTMLTextAreaElement>(null);
  if (editing && onSave) {
    return (
      <div class="bs-note" data-testid="note-editor">
        <label>
          <span class="bs-note-title">{t('note_title')}</span>
          <textarea
            ref={field}
            class="bs-note-input"
            dir="auto"
            rows={3}
            maxLength={4000}
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
            autoFocus
          />
        </label>
        <button
          type="button"
          class="bs-link"
          onClick={() => {
            onSave(field.current?.value ?? draft);
            setEditing(false);
          }}
        >
          {t('note_save')}
        </button>{' '}
        <button type="button" class="bs-link" onClick={() => setEditing(false)}>
          {t('cancel')}
        </button>
      </div>
    );
  }
  if (!note)
    return (
      <button
        type="button"
        class="bs-link bs-note-add"
        onClick={() => {
          setDraft('');
          setEditing(true);
        }}
      >
        {t('note_add')}
      </button>
    );
  return (
    <div class="bs-note" data-testid="note">
      <span class="bs-note-title">{t('note_title')}</span>
      <p class="bs-note-text" dir="auto">
        {note}
      </p>
      {onSave && (
        <button
          type="button"
          class="bs-link"
          onClick={() => {
            setDraft(note);
            setEditing(true);
          }}
        >
          {t('note_edit')}
        </button>
      )}
    </div>
  );
}

/** The background card for one entity: what it is, dated sourced facts, timeline, relations. */
export function EntityCard({
  card,
  asOf,
  onToggleAsOf,
  onSelectRelated,
  back,
  pin,
  onClose,
  note,
  onSaveNote,
  theme,
}: EntityCardProps) {
  const { entity } = card;
  const facts = [...entity.facts].sort((a, b) =>
    factStart(a) < factStart(b) ? -1 : factStart(a) > factStart(b) ? 1 : 0,
  );
  return (
    <article
      class="bs-card"
      aria-labelledby="bs-card-title"
      data-entity-id={entity.id}
      data-theme={theme}
    >
      {back && (
        <button type="button" class="bs-link bs-card-back" onClick={back.onBack}>
          <span class="bs-back-arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('card_back_to', back.name)}
        </button>
      )}
      <header class="bs-card-header">
        <span class="bs-type">{typeLabel(entity.type)}</span>
        <h2 id="bs-card-title" class="bs-title" data-testid="card-title" dir="auto">
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
        <span class="bs-actions">
          {pin && (
            <button
              type="button"
              class="bs-pin"
              aria-pressed={pin.pinned}
              aria-label={pin.pinned ? t('card_unpin_label') : t('card_pin_label')}
              title={pin.pinned ? t('card_unpin_title') : t('card_pin_title')}
              onClick={pin.onToggle}
            >
              <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
                {/* A pushpin: head, body and needle; filled when pinned. */}
                <path
                  d="M5.5 1.5h5l-.8 4.2 2.3 2.3v1.2H8.6V15h-1.2V9.2H4V8l2.3-2.3z"
                  fill={pin.pinned ? 'currentColor' : 'none'}
                  stroke="currentColor"
                  stroke-width="1.2"
                  stroke-linejoin="round"
                />
              </svg>
            </button>
          )}
          {onClose && (
            <button type="button" class="bs-close" aria-label={t('card_close')} onClick={onClose}>
              ×
            </button>
          )}
        </span>
      </header>
      <p class="bs-summary" dir="auto">
        {entity.summary}
      </p>
      {(note || onSaveNote) && <NoteBox note={note} onSave={onSaveNote} />}
      {asOf && (
        <p class="bs-asof" data-testid="as-of">
          {asOf.kind === 'article'
            ? t('card_roles_as_of_article', formatPartialDate(asOf.date))
            : t('card_roles_as_of_today')}
          {onToggleAsOf && (
            <button type="button" class="bs-link" onClick={onToggleAsOf}>
              {asOf.kind === 'article' ? t('card_show_today') : t('card_show_article_date')}
            </button>
          )}
        </p>
      )}
      {facts.length > 0 && (
        <ol class="bs-facts">
          {facts.map((f, i) => (
            <FactRow key={i} fact={f} asOf={asOf} />
          ))}
        </ol>
      )}
      {card.timeline.length > 0 && <Timeline items={card.timeline} />}
      {card.relations.length > 0 && (
        <Relations groups={card.relations} onSelect={onSelectRelated} asOf={asOf} />
      )}
      <p class="bs-checked">{t('card_checked_as_of', formatPartialDate(card.checked))}</p>
    </article>
  );
}
