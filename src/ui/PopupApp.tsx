import { useMemo, useState } from 'preact/hooks';
import type { CardModel } from '../core/dataset/card-model';
import { ENTITY_TYPES, type EntityType } from '../core/dataset/schema';
import type { SearchHit } from '../core/search/search';
import { EntityCard } from './EntityCard';
import { typeLabel, typePlural } from './labels';
import { formatNumber, t } from '../shared/i18n';

/** One entity found on the page, with how often it is mentioned. */
export interface PageEntry {
  id: string;
  name: string;
  type: EntityType;
  count: number;
}

/** What the popup knows about the tab it was opened over. */
export type PageView =
  | { kind: 'loading' }
  | { kind: 'ready'; host: string; entries: PageEntry[]; complete: boolean }
  | { kind: 'unsupported'; host?: string }
  | { kind: 'no-access'; host: string };

export interface PopupAppProps {
  search: (query: string) => SearchHit[];
  getCard: (id: string) => CardModel | undefined;
  page: PageView;
  /** Whether highlighting is on everywhere. */
  enabled: boolean;
  onToggleEnabled: (enabled: boolean) => void;
  /** Whether the reader paused Backstory on the page's site. */
  sitePaused: boolean;
  onToggleSite: (paused: boolean) => void;
  /** Scroll the page to an entity's first mention and open its card there. */
  onReveal: (id: string) => void;
  /** Ask the browser for access to the page's site. */
  onGrant: () => void;
  onOpenOptions: () => void;
  /** The reader's note on an entity, and saving one (from the card). */
  getNote?: (id: string) => string | undefined;
  onSaveNote?: (id: string, text: string) => void;
  /** Light or dark; undefined follows the system. */
  theme?: 'light' | 'dark';
}

/**
 * The toolbar popup: search over the dataset, the names found on the page the reader is on,
 * and the switches (everywhere, this site). Choosing a result shows its full card, where
 * related entities open in turn, with Back.
 */
export function PopupApp(props: PopupAppProps) {
  const { search, getCard, theme, getNote, onSaveNote } = props;
  const [, setNotesSeen] = useState(0);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  /** The cards opened, the one shown last; empty: the search and page view. */
  const [trail, setTrail] = useState<CardModel[]>([]);
  const hits = useMemo(() => search(query), [search, query]);
  const open = (id: string) => {
    const card = getCard(id);
    if (card) setTrail((t) => [...t, card]);
  };

  const shown = trail.at(-1);
  if (shown) {
    const previous = trail.at(-2);
    return (
      <main class="bs-popup" data-theme={theme}>
        <button type="button" class="bs-back" onClick={() => setTrail([])} autoFocus>
          <span class="bs-back-arrow" aria-hidden="true">
            ←
          </span>{' '}
          {query.trim() ? t('popup_back_to_results') : t('popup_back_to_list')}
        </button>
        <EntityCard
          key={shown.entity.id}
          card={shown}
          theme={theme}
          note={getNote?.(shown.entity.id)}
          onSaveNote={
            onSaveNote &&
            ((text) => {
              onSaveNote(shown.entity.id, text);
              setNotesSeen((n) => n + 1); // draw the card again with the note
            })
          }
          onSelectRelated={open}
          back={
            previous && {
              name: previous.entity.name,
              onBack: () => setTrail((t) => t.slice(0, -1)),
            }
          }
        />
      </main>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(hits.length - 1, 0)));
    } else if (event.key === 'Enter' && hits[active]) {
      open(hits[active].entity.id);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault(); // clear the search rather than close the popup
      setQuery('');
    }
  };
  const searching = query.trim() !== '';

  return (
    <main class="bs-popup" data-theme={theme}>
      <header class="bs-popup-header">
        <h1>{t('extension_name')}</h1>
        <label class="bs-toggle">
          <input
            type="checkbox"
            name="enabled"
            checked={props.enabled}
            onChange={(e) => props.onToggleEnabled(e.currentTarget.checked)}
          />{' '}
          {t('popup_highlight_names')}
        </label>
      </header>
      <input
        class="bs-search"
        type="search"
        placeholder={t('popup_search_placeholder')}
        aria-label={t('popup_search_label')}
        role="combobox"
        aria-expanded={searching && hits.length > 0}
        aria-controls="bs-results"
        aria-activedescendant={hits[active] ? `bs-hit-${active}` : undefined}
        aria-autocomplete="list"
        value={query}
        autoFocus
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {searching ? (
        <>
          <ul id="bs-results" class="bs-results" role="listbox" aria-label={t('popup_results')}>
            {hits.map((hit, i) => (
              <li
                key={hit.entity.id}
                id={`bs-hit-${i}`}
                role="option"
                aria-selected={i === active}
                class={i === active ? 'bs-result is-active' : 'bs-result'}
                onMouseEnter={() => setActive(i)}
                onClick={() => open(hit.entity.id)}
              >
                <bdi class="bs-result-name">{hit.entity.name}</bdi>
                {hit.matched !== hit.entity.name && (
                  <bdi class="bs-result-alias">{hit.matched}</bdi>
                )}
                <span class={`bs-badge bs-badge-${hit.entity.type}`}>
                  {typeLabel(hit.entity.type)}
                </span>
              </li>
            ))}
          </ul>
          <p class="bs-empty" role="status">
            {hits.length === 0 ? t('popup_no_match', query) : ''}
          </p>
        </>
      ) : (
        <OnThisPage {...props} />
      )}
      <footer class="bs-popup-footer">
        {(props.page.kind === 'ready' || props.page.kind === 'no-access') && props.page.host && (
          <button
            type="button"
            class="bs-link bs-site"
            aria-pressed={props.sitePaused}
            onClick={() => props.onToggleSite(!props.sitePaused)}
          >
            {props.sitePaused
              ? t('popup_resume_on', props.page.host)
              : t('popup_pause_on', props.page.host)}
          </button>
        )}
        <button type="button" class="bs-link" onClick={props.onOpenOptions}>
          {t('popup_options')}
        </button>
      </footer>
    </main>
  );
}

/** The entities found on the page, grouped by type, with their mention counts. */
function OnThisPage({ page, enabled, sitePaused, onReveal, onGrant }: PopupAppProps) {
  let message: string | undefined;
  if (page.kind === 'loading') message = t('popup_reading');
  else if (page.kind === 'unsupported') message = t('popup_unsupported');
  else if (page.kind === 'ready' && !enabled) message = t('popup_off');
  else if (page.kind === 'ready' && sitePaused) message = t('popup_paused_on', page.host);
  else if (page.kind === 'ready' && page.entries.length === 0)
    message = page.complete ? t('popup_no_names') : t('popup_still_reading');

  return (
    <section class="bs-page" aria-labelledby="bs-page-title">
      <h2 id="bs-page-title" class="bs-page-title">
        {t('popup_on_this_page')}
      </h2>
      {page.kind === 'no-access' ? (
        <div class="bs-page-message" data-testid="page-message">
          <p>{t('popup_no_access', page.host)}</p>
          <button type="button" class="bs-button" onClick={onGrant}>
            {t('popup_allow_on', page.host)}
          </button>
        </div>
      ) : message ? (
        <p class="bs-page-message" data-testid="page-message" role="status">
          {message}
        </p>
      ) : (
        page.kind === 'ready' && <CastList entries={page.entries} onReveal={onReveal} />
      )}
    </section>
  );
}

function CastList({ entries, onReveal }: { entries: PageEntry[]; onReveal: (id: string) => void }) {
  return (
    <div class="bs-cast">
      {ENTITY_TYPES.map((type) => {
        const group = entries.filter((e) => e.type === type);
        if (group.length === 0) return null;
        return (
          <div key={type} class="bs-cast-group">
            <h3 class="bs-cast-type">{typePlural(type)}</h3>
            <ul>
              {group.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    class="bs-cast-entry"
                    data-entity-id={e.id}
                    onClick={() => onReveal(e.id)}
                  >
                    <bdi class="bs-cast-name">{e.name}</bdi>
                    <span class="bs-cast-count" aria-label={t('popup_mentions', e.count)}>
                      {formatNumber(e.count)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
