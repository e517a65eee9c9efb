/**
 * For unit tests: a storage area held in memory, with what it holds visible as `data` (tests
 * read and damage it directly). Values are cloned in and out, as the browser's storage does.
 * `refuse` makes a write of a key fail, as a full quota does.
 */
export function memoryArea(
  initial: Record<string, unknown> = {},
  refuse?: (key: string, value: unknown) => boolean,
) {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    async get(key: string): Promise<Record<string, unknown>> {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items: Record<string, unknown>): Promise<void> {
      for (const [key, value] of Object.entries(items)) {
        if (refuse?.(key, value)) throw new Error(`quota exceeded writing ${key}`);
        data[key] = structuredClone(value);
      }
    },
    async remove(key: string): Promise<void> {
      delete data[key];
    },
  };
}
