import type { BrowserContext, Page } from 'playwright-core';

/** One error a page reported: an uncaught exception or rejection, or a console error. */
export interface PageError {
  /** The script world it came from: '' for the page's own, 'Backstory' for our content script. */
  world: string;
  kind: 'exception' | 'console';
  text: string;
}

type ContextInfo = { id: number; name: string };
type ExceptionEvent = {
  exceptionDetails: {
    executionContextId?: number;
    text: string;
    exception?: { description?: string };
  };
};
type ConsoleEvent = {
  type: string;
  executionContextId: number;
  args: { value?: unknown; description?: string }[];
};

/**
 * Collects every error of a Chromium page, in every script world, over the DevTools protocol.
 * Playwright's own `pageerror`/`console` events see the page's main world only; an error
 * thrown inside our content script's isolated world is visible here. Attach before `goto`.
 */
export async function collectErrors(context: BrowserContext, page: Page): Promise<PageError[]> {
  const errors: PageError[] = [];
  const worlds = new Map<number, string>();
  const cdp = await context.newCDPSession(page);
  cdp.on('Runtime.executionContextCreated', (event: { context: ContextInfo }) =>
    worlds.set(event.context.id, event.context.name),
  );
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }: ExceptionEvent) =>
    errors.push({
      world: worlds.get(d.executionContextId ?? -1) ?? '?',
      kind: 'exception',
      text: d.exception?.description ?? d.text,
    }),
  );
  cdp.on('Runtime.consoleAPICalled', (event: ConsoleEvent) => {
    if (event.type !== 'error' && event.type !== 'assert') return;
    errors.push({
      world: worlds.get(event.executionContextId) ?? '?',
      kind: 'console',
      text: event.args.map((a) => String(a.value ?? a.description ?? '')).join(' '),
    });
  });
  await cdp.send('Runtime.enable');
  return errors;
}

/** Errors as lines for an assertion message. */
export const describeErrors = (errors: PageError[]) =>
  errors.map((e) => `[${e.world || 'page'} ${e.kind}] ${e.text.split('\n')[0]}`).join('\n');
