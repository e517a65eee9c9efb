/**
 * Properties of pack import over generated input: whatever the file holds, parsePack answers
 * (never throws), leaves Object.prototype alone, and what it accepts is what the file said.
 * Runs are bounded so the unit suite stays quick; a failure prints its seed and the shrunk
 * input, to be added to pack-hostile.test.ts as a case of its own.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardModels } from '../dataset/card-model';
import type { Entity } from '../dataset/schema';
import { parsePack, type ParsePackResult } from './pack';
import { problemText } from '../../shared/problem-text';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../../tests/fixtures/packs/${name}`), 'utf8'),
  ) as unknown;
const BASES = [fixture('test-pack.json'), fixture('hostile-pack.json')];
/** The bundled entity the test pack relates to. */
const bundledIds = new Set(['baghdad']);
const RUNS = 300;

type Path = (string | number)[];
const pathText = (path: Path) =>
  path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
    .join('')
    .replace(/^\./, '');

/** Every place in a JSON value, with what is there. */
function places(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = { path, value };
  if (Array.isArray(value)) return [here, ...value.flatMap((v, i) => places(v, [...path, i]))];
  if (typeof value === 'object' && value !== null)
    return [here, ...Object.entries(value).flatMap(([k, v]) => places(v, [...path, k]))];
  return [here];
}

/** A copy of `json` with the value at `path` replaced (own property, as JSON.parse would). */
function replaced(json: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(json) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as typeof parent;
  Object.defineProperty(parent, path.at(-1)!, { value, enumerable: true, writable: true });
  return copy;
}

/** Every string value (not key) in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

// Object.prototype as it was before any import: no key may be added to it.
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const prototypeClean = () =>
  JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort()) ===
    JSON.stringify(prototypeKeys) && ({} as Record<string, unknown>).polluted === undefined;

/** What every answer must look like, whatever the input. */
function wellFormed(result: ParsePackResult): void {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(typeof p.path).toBe('string');
    const message = problemText(p);
    expect(message.length).toBeGreaterThan(0);
    expect(message.length).toBeLessThan(700); // the author's text is quoted only in part
  }
}

/** An accepted pack's cards say what the file said: every string on them was in it. */
function roundTrips(result: ParsePackResult, json: unknown): void {
  if (!result.ok) return;
  const written = new Set(strings(json).map((s) => s.trim()));
  const baghdad = { id: 'baghdad', type: 'place', name: 'Baghdad' } as Entity;
  const bundled = { ...baghdad, native: [], aliases: [], facts: [], relations: [], timeline: [] };
  const cards = new CardModels({
    meta: { version: '0.0.0', checked: '2026-11-28', licence: 'test' },
    entities: [...result.pack.entities, { ...bundled, summary: 'A bundled city.' }],
  });
  for (const entity of result.pack.entities) {
    const card = cards.card(entity.id)!;
    expect(card.entity).toBe(entity);
    for (const s of strings(card.entity)) expect(written).toContain(s);
  }
}

const mutation = fc.record({
  base: fc.constantFrom(...BASES),
  pick: fc.nat(),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('__proto__', 'constructor', '\u202Eevil', '<script>x</script>', '', ' '),
    fc.constant({ polluted: true, prototype: { polluted: true } }),
  ),
  key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'extra'),
  kind: fc.constantFrom('replace', 'add-key', 'remove'),
});

describe('parsePack on generated input', () => {
  it('any JSON value: answers with a result, never throws, pollutes nothing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parsePack(JSON.stringify(value) ?? 'null', { bundledIds });
        wellFormed(result);
        expect(result.ok).toBe(false);
        expect(prototypeClean()).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('any text at all: answers with a result, never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        wellFormed(parsePack(text, { bundledIds }));
      }),
      { numRuns: RUNS },
    );
  });

  it('a valid pack changed anywhere: a result, no pollution, and cards that say what the file says', () => {
    fc.assert(
      fc.property(mutation, ({ base, pick, value, key, kind }) => {
        const all = places(base);
        const { path, value: there } = all[pick % all.length]!;
        let json: unknown;
        if (kind === 'replace') json = replaced(base, path, value);
        else if (kind === 'add-key' && typeof there === 'object' && there !== null)
          json = replaced(base, [...path, key], value);
        else if (path.length > 0) {
          json = structuredClone(base);
          const parent = places(json).find(
            (p) => pathText(p.path) === pathText(path.slice(0, -1)),
          )!;
          if (Array.isArray(parent.value)) parent.value.splice(path.at(-1) as number, 1);
          else delete (parent.value as Record<string, unknown>)[path.at(-1)!];
        } else json = base;
        const result = parsePack(JSON.stringify(json), { bundledIds });
        wellFormed(result);
        expect(prototypeClean()).toBe(true);
        roundTrips(result, json);
      }),
      { numRuns: RUNS },
    );
  });

  it('a valid pack with one field of the wrong type is refused, naming that field', () => {
    // Leaves (strings, numbers, booleans), each given a value of another type.
    const leaves = BASES.flatMap((base) =>
      places(base)
        .filter((p) => p.value === null || typeof p.value !== 'object')
        .filter((p) => p.path[0] !== '$schema')
        .map((p) => ({ base, ...p })),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...leaves),
        fc.constantFrom(42, true, null, [], {}),
        (leaf, bad) => {
          const wrong = typeof leaf.value === 'string' ? bad : 'not a number or flag';
          const result = parsePack(JSON.stringify(replaced(leaf.base, leaf.path, wrong)), {
            bundledIds,
          });
          expect(result.ok).toBe(false);
          if (result.ok) return;
          // The field itself, or (an alias given as an object) the field inside it that is missing.
          const field = pathText(leaf.path);
          const named = result.problems.filter(
            (p) => p.path === field || p.path.startsWith(`${field}.`),
          );
          expect(named, JSON.stringify(result.problems)).not.toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
