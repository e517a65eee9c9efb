import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Matcher } from '../core/matcher/matcher';
import { MatcherSet, type NameFinder } from '../core/matcher/matcher-set';
import { saveNote } from '../shared/annotations';
import { EXTRA_INDEX_KEY, type ExtraIndex } from '../shared/packs';
import type { MatcherPack } from '../core/matcher/pack';
import { pageRequestSchema, type PageEntities, type PageStats } from '../shared/messages';
import { DEFAULT_SETTINGS, loadSettings, runsOn, type Settings } from '../shared/settings';
import { onSettingsStored, settingsAreas } from '../platform/settings-areas';
import { ENTITY_TYPES } from '../core/dataset/schema';
import { highlightCss } from '../shared/highlight-style';
import { articleDate } from './article-date';
import { requestCard } from './background-client';
import { CARD_HOST_TAG, CardHost } from './card-host';
import { highlightsSupported } from './highlights';
import { HoverController } from './hover';
import { PageScanner } from './scanner';

/** The default highlight rules, which the manifest's stylesheet already applies. */
const DEFAULT_LOOK = highlightCss(DEFAULT_SETTINGS);

interface Session {
  navigate(direction: 'next' | 'previous'): void;
  cardForSelection(): void;
  closeCard(): void;
  reveal(id: string): void;
  entities(): PageEntities;
  stats(): PageStats;
  update(settings: Settings): void;
  stop(): void;
}

function startSession(
  ctx: ContentScriptContext,
  matcher: NameFinder,
  types: MatcherPack['types'],
  initial: Settings,
  startedAt: number,
): Session {
  let settings = initial;
  const isOwnUi = (el: Element) => el.localName === CARD_HOST_TAG;
  const root = document.body ?? document.documentElement;
  const options = () => ({
    isOwnUi,
    includeCode: settings.includeCode,
    firstMentionOnly: settings.density === 'first',
  });
  const running = new AbortController();
  const signal = AbortSignal.any([ctx.signal, running.signal]);
  // Read when a card first needs it, not at start-up (it queries the page's metadata).
  let published: { date: string | undefined } | undefined;
  const scanner = new PageScanner(
    root,
    matcher,
    types,
    options(),
    signal,
    () => {
      // A single-page app moved to another article: its date may differ, and the card is stale.
      published = undefined;
      hover.closeCard();
    },
    startedAt,
  );
  const card = new CardHost(
    ctx,
    // Asking a gone extension throws; `isValid` notices that, and stopping follows from it.
    (id) => (ctx.isValid ? requestCard(id) : Promise.resolve(undefined)),
    () => hover.pointerInCard(false),
    () => hover.pointerInCard(true),
    () => (published ??= { date: articleDate(document) }).date,
    () => settings.theme,
    () => hover.closeCard(),
    (id, text) => saveNote(browser.storage.local, id, text),
  );
  const hover = new HoverController(
    ctx,
    scanner,
    card,
    () => settings.hoverDelayMs,
    (ms) => scanner.recordCardTime(ms),
    (text) => matcher.findAll(text)[0]?.entityId,
  );
  const look = (s: Settings) =>
    scanner.setLook(
      new Set(ENTITY_TYPES.filter((t) => !s.categories[t].on)),
      highlightCss(s, { important: true }),
      highlightCss(s) !== DEFAULT_LOOK,
    );
  look(settings);
  scanner.start();
  return {
    navigate(direction) {
      hover.navigate(direction);
    },
    cardForSelection() {
      hover.cardForSelection();
    },
    closeCard() {
      hover.closeCardByKey();
    },
    reveal(id) {
      hover.reveal(id);
    },
    entities() {
      const counts = new Map<string, number>();
      for (const match of scanner.index.matches())
        counts.set(match.entityId, (counts.get(match.entityId) ?? 0) + 1);
      return {
        entities: [...counts].map(([id, count]) => ({ id, count })),
        complete: scanner.stats.scanDoneAt !== null,
      };
    },
    stats: () => scanner.report(),
    update(next) {
      const changed =
        next.density !== settings.density || next.includeCode !== settings.includeCode;
      settings = next;
      look(next);
      if (changed) scanner.update(options());
    },
    stop() {
      running.abort();
      hover.stop();
      card.closeAll();
    },
  };
}

/** The stored index of pack names has the shape the background writes (else it is ignored). */
function isExtraIndex(value: unknown): value is ExtraIndex {
  const v = value as Partial<ExtraIndex> | null | undefined;
  return (
    typeof v?.index?.bytes === 'string' &&
    Array.isArray(v.index.entityIds) &&
    Array.isArray(v.index.rules) &&
    typeof v.types === 'object' &&
    v.types !== null
  );
}

/** Starts Backstory on this page when it is enabled, and follows the setting live. */
export async function runContentScript(
  ctx: ContentScriptContext,
  pack: MatcherPack,
): Promise<void> {
  // The report's clock starts here, before the index is loaded and the settings read.
  let startedAt: number | undefined = performance.now();
  if (!highlightsSupported()) return; // an older browser: leave the page exactly as it is
  // Injected twice (the manifest's, and the popup's or the background's after an update)?
  // The newest copy keeps the page: making its context stopped the older ones (WXT's
  // ContentScriptContext announces itself to them); a copy still valid here is a live one.
  const running = globalThis as { backstoryContext?: ContentScriptContext };
  if (running.backstoryContext?.isValid) return;
  running.backstoryContext = ctx;
  const bundled = Matcher.load(pack.index);
  // Names of imported packs: an index of their own, compiled by the background.
  let names: { matcher: NameFinder; types: MatcherPack['types'] } = {
    matcher: bundled,
    types: pack.types,
  };
  const loadPackNames = async () => {
    try {
      const stored = (await browser.storage.local.get(EXTRA_INDEX_KEY))[EXTRA_INDEX_KEY];
      names = isExtraIndex(stored)
        ? {
            matcher: new MatcherSet([bundled, Matcher.load(stored.index)]),
            types: { ...pack.types, ...stored.types },
          }
        : { matcher: bundled, types: pack.types };
    } catch {
      names = { matcher: bundled, types: pack.types }; // a damaged index: the bundled names still work
    }
  };
  await loadPackNames();
  let session: Session | undefined;
  let current: Settings | undefined;
  const apply = (settings: Settings) => {
    current = settings;
    const on = runsOn(settings, location.hostname);
    if (on && !session && ctx.isValid) {
      const { matcher, types } = names;
      session = startSession(ctx, matcher, types, settings, startedAt ?? performance.now());
      startedAt = undefined; // a session started later (switched back on) starts its own clock
    } else session?.update(settings);
    if (!on && session) {
      session.stop();
      session = undefined;
    }
  };
  // Settings may live in sync or local storage: a change in either is read back whole.
  const reload = () => void loadSettings(settingsAreas()).then(apply);
  const onMessage = (message: unknown) => {
    const request = pageRequestSchema.safeParse(message);
    if (!request.success) return undefined;
    switch (request.data.type) {
      case 'navigate':
        session?.navigate(request.data.direction);
        return undefined;
      case 'card-for-selection':
        session?.cardForSelection();
        return undefined;
      case 'close-card':
        session?.closeCard();
        return undefined;
      case 'reveal':
        session?.reveal(request.data.id);
        return undefined;
      case 'page-entities':
        // Answered even when paused: the popup learns that the page is readable.
        return Promise.resolve(session?.entities() ?? { entities: [], complete: true });
      case 'stats':
        return session ? Promise.resolve(session.stats()) : undefined;
    }
  };
  const stopWatching = onSettingsStored(reload);
  // Packs enabled, disabled, imported or removed: read the page again with the new names.
  const onPacks = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(EXTRA_INDEX_KEY in changes)) return;
    void loadPackNames().then(() => {
      session?.stop();
      session = undefined;
      if (current) apply(current);
    });
  };
  browser.storage.onChanged.addListener(onPacks);
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    // The page first: once the extension is gone (reloaded, updated, removed) its APIs throw
    // "Extension context invalidated", and the highlights and card must go all the same.
    session?.stop();
    session = undefined;
    try {
      browser.runtime.onMessage.removeListener(onMessage);
      stopWatching();
      browser.storage.onChanged.removeListener(onPacks);
    } catch {
      // Listeners of a dead extension are never called again.
    }
  });
  apply(await loadSettings(settingsAreas()));
}
