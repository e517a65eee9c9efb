import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared corpus of real news pages; absent in a user's clone. */
export const CORPUS_DIR = fileURLToPath(
  new URL('../../../shared/corpus/news-pages', import.meta.url),
);

export function corpusPages(): string[] {
  return existsSync(CORPUS_DIR)
    ? readdirSync(CORPUS_DIR)
        .filter((f) => f.endsWith('.html'))
        .sort()
    : [];
}
