import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Our schemas never turn strings into code: zod's JIT (and its `new Function` probe) is off
 * before the first schema is built. Each test loads fresh copies of zod and our modules with
 * `Function` watched, so a module that built a schema before `z.config` ran would be caught.
 */
const realFunction = globalThis.Function;
const zodConfigKey = '__zod_globalConfig';

afterEach(() => {
  globalThis.Function = realFunction;
  vi.resetModules();
});

async function functionsConstructedWhile(load: () => Promise<void>): Promise<number> {
  vi.resetModules();
  // zod keeps its config on globalThis: start from none, as a fresh page does.
  delete (globalThis as Record<string, unknown>)[zodConfigKey];
  let constructed = 0;
  globalThis.Function = new Proxy(realFunction, {
    construct(target, args) {
      constructed += 1;
      return Reflect.construct(target, args) as object;
    },
  });
  await load();
  return constructed;
}

describe('zod in our contexts', () => {
  it('builds and parses every shipped schema without constructing a Function', async () => {
    const count = await functionsConstructedWhile(async () => {
      const { requestSchema, cardResponseSchema } = await import('../shared/messages');
      const { DEFAULT_SETTINGS, readSettings } = await import('../shared/settings');
      await import('../shared/backup');
      await import('../shared/annotations');
      await import('./packs/pack');
      expect(requestSchema.safeParse({ type: 'card', id: 'x' }).success).toBe(true);
      expect(cardResponseSchema.safeParse({ card: null }).success).toBe(true);
      expect(readSettings(DEFAULT_SETTINGS).problems).toEqual([]);
    });
    expect(count).toBe(0);
  });

  it('would notice zod compiling (the same load with the JIT left on)', async () => {
    const count = await functionsConstructedWhile(async () => {
      const { z } = await import('zod');
      z.config({ jitless: false });
      const schema = z.object({ type: z.literal('card') });
      expect(schema.safeParse({ type: 'card' }).success).toBe(true);
    });
    expect(count).toBeGreaterThan(0);
  });
});
