/**
 * The popup benchmark's results as data (written with --json) and as the lines it prints,
 * shared with the report (tests/bench/report.ts).
 */
import { markdownTable } from './markdown';

export const POPUP_TARGETS = { keyMs: 16, openMs: 100 };

export interface PopupRow {
  dataset: string;
  method: string;
  buildMs: number;
  p50: number;
  p95: number;
  max: number;
  /** Keystrokes whose search found something. */
  found: number;
}

export type PopupOpen = { medianMs: number; maxMs: number; samples: number } | { skipped: string };

export interface PopupResult {
  node: string;
  rows: PopupRow[];
  open: PopupOpen;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));

export function popupTable(rows: readonly PopupRow[]): string {
  return markdownTable(
    ['dataset', 'method', 'index build', 'per key p50', 'p95', 'max', 'keys with hits'],
    rows.map((r) => [
      r.dataset,
      r.method,
      ms(r.buildMs),
      ms(r.p50),
      ms(r.p95) + (r.method.includes('ours') && r.p95 > POPUP_TARGETS.keyMs ? ' ✗' : ''),
      ms(r.max),
      String(r.found),
    ]),
  );
}

export function popupOpenLine(open: PopupOpen): string {
  if ('skipped' in open) return `Popup open: skipped (${open.skipped}).`;
  return (
    `Popup open (Chromium, bundled dataset): interactive ${ms(open.medianMs)} ms after navigation ` +
    `(median of ${open.samples}; max ${ms(open.maxMs)})${open.medianMs > POPUP_TARGETS.openMs ? ' ✗' : ''}.`
  );
}

export const POPUP_TARGETS_TEXT = `Targets (✗ marks a miss): ≤ ${POPUP_TARGETS.keyMs} ms per keystroke (p95) with 10,000 entities; popup interactive ≤ ${POPUP_TARGETS.openMs} ms.`;
