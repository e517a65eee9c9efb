import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Matcher } from '../core/matcher/matcher';
import type { MatcherPack } from '../core/matcher/pack';
import { pageRequestSchema, type PageStats } from '../shared/messages';
import { loadSettings, settingsFromChange, type Settings } from '../shared/settings';
import { articleDate } from './article-date';
import { requestCard } from './background-client';
import { CARD_HOST_TAG, CardHost } from './card-host';
import { clearHighlights, highlightsSupported, paintHighlights } from './highlights';
import { HoverController } from './hover';
import { scanPage, type PageScan } from './page-matches';
import { watchPage } from './page-watch';

interface Session {
  navigate(direction: 'next' | 'previous'): void;
  stats(): PageStats;
  update(settings: Settings): void;
  stop(): void;
}

function startSession(ctx: ContentScriptContext, matcher: Matcher, initial: Settings): Session {
  let settings = initial;
  const isOwnUi = (el: Element) => el.localName === CARD_HOST_TAG;
  const root = document.body ?? document.documentElement;
  const options = () => ({
    isOwnUi,
    includeCode: settings.includeCode,
    firstMentionOnly: settings.density === 'first',
  });
  const stats: PageStats = {
    startedAt: performance.now(),
    firstPaintAt: null,
    scanDoneAt: null,
    longestTaskMs: 0,
    tasks: 0,
    registeredRanges: 0,
    matches: 0,
    blocks: 0,
    hoverToCardMs: [],
  };
  let scan!: PageScan;
  const rescan = () => {
    const t0 = performance.now();
    scan = scanPage(root, matcher, options());
    paintHighlights(scan.matches.map((m) => m.range));
    const t1 = performance.now();
    stats.firstPaintAt ??= t1;
    stats.scanDoneAt ??= t1;
    stats.longestTaskMs = Math.max(stats.longestTaskMs, t1 - t0);
    stats.tasks++;
    stats.registeredRanges = scan.matches.length;
    stats.matches = scan.matches.length;
  };
  rescan();
  const watching = new AbortController();
  watchPage(root, rescan, AbortSignal.any([ctx.signal, watching.signal]));
  const card = new CardHost(
    ctx,
    requestCard,
    () => hover.pointerInCard(false),
    () => hover.pointerInCard(true),
    articleDate(document),
    () => settings.theme,
  );
  const hover = new HoverController(
    ctx,
    () => scan,
    card,
    () => settings.hoverDelayMs,
    (ms) => stats.hoverToCardMs.push(ms),
  );
  return {
    navigate(direction) {
      hover.navigate(direction);
    },
    stats: () => ({ ...stats, hoverToCardMs: [...stats.hoverToCardMs] }),
    update(next) {
      const changed =
        next.density !== settings.density || next.includeCode !== settings.includeCode;
      settings = next;
      if (changed) rescan();
    },
    stop() {
      watching.abort();
      hover.stop();
      clearHighlights();
    },
  };
}

/** Starts Backstory on this page when it is enabled, and follows the setting live. */
export async function runContentScript(
  ctx: ContentScriptContext,
  pack: MatcherPack,
): Promise<void> {
  if (!highlightsSupported()) return; // an older browser: leave the page exactly as it is
  const matcher = Matcher.load(pack.index);
  let session: Session | undefined;
  const apply = (settings: Settings) => {
    if (settings.enabled && !session && ctx.isValid) session = startSession(ctx, matcher, settings);
    else session?.update(settings);
    if (!settings.enabled && session) {
      session.stop();
      session = undefined;
    }
  };
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const next = area === 'local' ? settingsFromChange(changes) : undefined;
    if (next) apply(next);
  };
  const onMessage = (message: unknown) => {
    const request = pageRequestSchema.safeParse(message);
    if (!request.success) return undefined;
    if (request.data.type === 'navigate') session?.navigate(request.data.direction);
    else if (request.data.type === 'stats' && session) return Promise.resolve(session.stats());
    return undefined;
  };
  browser.storage.onChanged.addListener(onChanged);
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.storage.onChanged.removeListener(onChanged);
    session?.stop();
  });
  apply(await loadSettings(browser.storage.local));
}
