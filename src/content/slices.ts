/**
 * Time slicing: long work is cut into slices of at most SLICE_MS, and the page gets the main
 * thread back between slices (input, rendering, its own scripts). `scheduler.yield()` resumes
 * us ahead of other queued work where the browser has it; elsewhere a MessageChannel message
 * is the fastest way to queue a task (setTimeout would be clamped to 4 ms after a few nestings).
 */

/** Work per slice: under the 5 ms budget, leaving room for the paint that follows. */
export const SLICE_MS = 4;

type Yielding = { scheduler?: { yield?: () => Promise<void> } };

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as Yielding).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Waits for the browser to render a frame (or 100 ms, in a hidden tab where no frame comes).
 * Yielding alone does not always let a frame through: a continuation queued by
 * `scheduler.yield` can run ahead of rendering, so a long run of slices would hold back
 * painting (and IntersectionObserver callbacks) until it ended.
 */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 100);
    requestAnimationFrame(() => setTimeout(done, 0));
  });
}

/** Longest run of slices between frames. */
export const FRAME_GAP_MS = 40;
