import { useMemo, useState } from 'preact/hooks';
import type { CardModel } from '../core/dataset/card-model';
import type { SearchHit } from '../core/search/search';
import { EntityCard } from './EntityCard';

export interface PopupAppProps {
  search: (query: string) => SearchHit[];
  getCard: (id: string) => CardModel | undefined;
  /** Whether highlighting is on; the switch is repeated here so it is one click away. */
  enabled: boolean;
  onToggleEnabled: (enabled: boolean) => void;
  onOpenOptions: () => void;
}

/** The toolbar popup: a search over the dataset; choosing a result shows its card. */
export function PopupApp({
  search,
  getCard,
  enabled,
  onToggleEnabled,
  onOpenOptions,
}: PopupAppProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<CardModel | undefined>();
  const hits = useMemo(() => search(query), [search, query]);

  if (chosen) {
    return (
      <main class="bs-popup">
        <button type="button" class="bs-back" onClick={() => setChosen(undefined)} autoFocus>
          ← Back to results
        </button>
        <EntityCard card={chosen} onSelectRelated={(id) => setChosen(getCard(id))} />
      </main>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(hits.length - 1, 0)));
    } else if (event.key === 'Enter' && hits[active]) {
      setChosen(getCard(hits[active].entity.id));
    }
  };

  return (
    <main class="bs-popup">
      <header class="bs-popup-header">
        <h1>Backstory</h1>
        <label class="bs-toggle">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => onToggleEnabled(e.currentTarget.checked)}
          />{' '}
          Highlight names
        </label>
      </header>
      <input
        class="bs-search"
        type="search"
        placeholder="Search people, groups, places…"
        aria-label="Search the dataset"
        aria-controls="bs-results"
        value={query}
        autoFocus
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="bs-results" class="bs-results" role="listbox" aria-label="Results">
        {hits.map((hit, i) => (
          <li
            key={hit.entity.id}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'bs-result is-active' : 'bs-result'}
            onMouseEnter={() => setActive(i)}
            onClick={() => setChosen(getCard(hit.entity.id))}
          >
            <span class="bs-result-name">{hit.entity.name}</span>
            {hit.matched !== hit.entity.name && <span class="bs-result-alias">{hit.matched}</span>}
            <span class="bs-result-type">{hit.entity.type}</span>
          </li>
        ))}
      </ul>
      {query.trim() !== '' && hits.length === 0 && (
        <p class="bs-empty">No entry matches “{query}”.</p>
      )}
      <footer class="bs-popup-footer">
        <button type="button" class="bs-link" onClick={onOpenOptions}>
          Options
        </button>
      </footer>
    </main>
  );
}
