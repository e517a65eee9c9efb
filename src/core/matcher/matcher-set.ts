import { newDocumentState, type DocumentState, type Match, type Matcher } from './matcher';

/**
 * Several compiled indexes searched as one (the bundled names and those of imported packs):
 * their matches merged in text order, an overlap going to the match that starts first, or at
 * the same start to the longer one, as within one index.
 */
/** Anything that finds names in text: one compiled index, or several. */
export interface NameFinder {
  findAll(text: string, state?: DocumentState): Match[];
}

export class MatcherSet implements NameFinder {
  constructor(private readonly matchers: readonly Matcher[]) {}

  findAll(text: string, state: DocumentState = newDocumentState()): Match[] {
    if (this.matchers.length === 1) return this.matchers[0]!.findAll(text, state);
    const all = this.matchers
      .flatMap((m) => m.findAll(text, state))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Match[] = [];
    for (const match of all) {
      const last = kept.at(-1);
      if (!last || match.start >= last.end) kept.push(match);
    }
    return kept;
  }
}
