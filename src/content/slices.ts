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

/**
 * A page that has not changed for this long is calm: the scanner reads what is left of its
 * changes at once, and the painter looks as far around the viewport as it does on a still page.
 */
export const CALM_MS = 500;

const MAX_PUT_OFF = 3;

/**
 * A piece of work run on request, just after a frame, no sooner than `gap` ms (given with the
 * request) after its last
 * run, and later still when the last run was slow, so that it keeps to `share` of the thread.
 *
 * Just after a frame the layout is up to date, so reading boxes forces no layout of its own
 * (read earlier, the first box read after a change to the page lays the page out again on the
 * spot). The frame is asked for when a request comes (a change to the page or a scroll, when
 * the browser draws a frame anyway) rather than from a timer, which would add frames of ours
 * to a page that changes ten times a second: when a request comes too soon, it waits for the
 * next request, or for a timer only if none comes.
 */
export class AfterFrame {
  private work: (() => void) | undefined;
  /** A frame is asked for, or has been drawn and the run is queued. */
  private framed = false;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame: number | undefined;
  private last = -Infinity;
  private cost = 0;

  private gap = 0;
  /** When the last frame asked for was drawn. */
  private frameAt = -Infinity;
  /** Runs put off in a row because the page changed after the frame. */
  private putOff = 0;

  constructor(
    private readonly share: number,
    /**
     * When the page last changed: a change between the frame and the run would make the run's
     * first box reading lay the page out on the spot, so the run waits for the next frame
     * (three times at most in a row, for pages that change more often than they draw).
     */
    private readonly changedAt: () => number = () => -Infinity,
  ) {}

  request(gap: number, work: () => void): void {
    this.work = work;
    this.gap = gap;
    if (this.running || this.framed) return;
    const spacing = Math.max(gap, this.cost * (1 / this.share - 1));
    const wait = this.last + spacing - performance.now();
    if (wait <= 0) this.askFrame();
    else
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.askFrame();
      }, wait + gap);
  }

  cancel(): void {
    clearTimeout(this.timer);
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.timer = this.frame = this.work = undefined;
    this.framed = false;
  }

  private askFrame(): void {
    clearTimeout(this.timer);
    this.framed = true;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.frameAt = performance.now();
      this.timer = setTimeout(() => this.run());
    });
  }

  private run(): void {
    this.timer = undefined;
    if (this.changedAt() > this.frameAt && this.putOff < MAX_PUT_OFF) {
      this.putOff++;
      this.askFrame();
      return;
    }
    this.putOff = 0;
    this.framed = false;
    const work = this.work;
    this.work = undefined;
    if (!work) return;
    this.running = true;
    const began = performance.now();
    try {
      work();
    } finally {
      this.running = false;
      this.last = performance.now();
      this.cost = this.last - began;
    }
    // Asked for again while it ran: scheduled now that the run's cost is known.
    if (this.work) this.request(this.gap, this.work);
  }
}
