/**
 * Watches the page for changes to its text and calls `rescan` soon after, at most once per
 * RESCAN_GAP_MS: a live ticker costs one rescan a second, not one per mutation, and content
 * added after load is highlighted within about RESCAN_DELAY_MS. Our own card lives outside
 * <body> and our highlights do not touch the DOM, so nothing we do triggers a rescan.
 */

export const RESCAN_DELAY_MS = 150;
export const RESCAN_GAP_MS = 1000;

export function watchPage(root: Node, rescan: () => void, signal: AbortSignal): void {
  let timer: number | undefined;
  let last = 0;
  const run = () => {
    timer = undefined;
    last = performance.now();
    rescan();
  };
  const observer = new MutationObserver(() => {
    if (timer !== undefined) return;
    const wait = Math.max(RESCAN_DELAY_MS, last + RESCAN_GAP_MS - performance.now());
    timer = window.setTimeout(run, wait);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
}
