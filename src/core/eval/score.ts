import { aliasText, type Entity } from '../dataset/schema';
import { Matcher, newDocumentState } from '../matcher/matcher';
import { foldAlias } from '../matcher/normalize';

/** One gold passage: text and the mentions a reader should see, offsets in UTF-16 code units. */
export interface GoldPassage {
  id: string;
  text: string;
  mentions: { start: number; end: number; entity: string }[];
}

export interface Span {
  start: number;
  end: number;
  entityId: string;
}

export interface Miss {
  passage: string;
  text: string;
  start: number;
  end: number;
  entity: string;
}

export interface Score {
  passages: number;
  gold: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  falsePositives: Miss[];
  misses: Miss[];
  /** Gold entities that name nothing in the dataset; each also counts as a miss. */
  unresolved: string[];
}

/** Resolves a gold entity written as an id, a canonical name or an alias. */
export function entityResolver(entities: readonly Entity[]): (ref: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const e of entities) byKey.set(e.id, e.id);
  for (const e of entities) {
    for (const name of [e.name, ...e.aliases.map(aliasText), ...e.native.map((n) => n.text)]) {
      const key = foldAlias(name);
      if (!byKey.has(key)) byKey.set(key, e.id);
    }
  }
  return (ref) => byKey.get(ref) ?? byKey.get(foldAlias(ref));
}

/** Precision, recall and F1 over exact spans with the right entity. */
export function scorePassages(
  passages: readonly GoldPassage[],
  predict: (passage: GoldPassage) => Span[],
  resolve: (ref: string) => string | undefined,
): Score {
  const falsePositives: Miss[] = [];
  const misses: Miss[] = [];
  const unresolved = new Set<string>();
  let gold = 0;
  let predicted = 0;
  let tp = 0;
  for (const passage of passages) {
    const expected = new Map<string, GoldPassage['mentions'][number]>();
    for (const m of passage.mentions) {
      const id = resolve(m.entity);
      if (!id) unresolved.add(m.entity);
      expected.set(`${m.start}:${m.end}:${id ?? `?${m.entity}`}`, m);
    }
    gold += passage.mentions.length;
    const found = predict(passage);
    predicted += found.length;
    const hit = new Set<string>();
    for (const s of found) {
      const key = `${s.start}:${s.end}:${s.entityId}`;
      if (expected.has(key)) {
        tp++;
        hit.add(key);
      } else {
        falsePositives.push({
          passage: passage.id,
          text: passage.text.slice(s.start, s.end),
          start: s.start,
          end: s.end,
          entity: s.entityId,
        });
      }
    }
    for (const [key, m] of expected) {
      if (!hit.has(key))
        misses.push({
          passage: passage.id,
          text: passage.text.slice(m.start, m.end),
          start: m.start,
          end: m.end,
          entity: m.entity,
        });
    }
  }
  const precision = predicted === 0 ? 1 : tp / predicted;
  const recall = gold === 0 ? 1 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    passages: passages.length,
    gold,
    predicted,
    truePositives: tp,
    precision,
    recall,
    f1,
    falsePositives,
    misses,
    unresolved: [...unresolved],
  };
}

/** Scores a matcher built from `entities` on gold passages, each passage one document. */
export function scoreMatcher(passages: readonly GoldPassage[], entities: readonly Entity[]): Score {
  const matcher = new Matcher(entities);
  return scorePassages(
    passages,
    (p) => matcher.findAll(p.text, newDocumentState()),
    entityResolver(entities),
  );
}
