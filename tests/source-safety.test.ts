import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Nothing of ours turns text into code or markup: no eval, no Function constructor, no
 * innerHTML / outerHTML assignment, insertAdjacentHTML or document.write in what ships
 * (entrypoints and src, tests aside). Data reaches the page only as text nodes and attributes.
 * The built bundles, dependencies included, are scanned after the build by
 * tests/e2e/package.e2e.ts.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FORBIDDEN: [string, RegExp][] = [
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['innerHTML', /\.innerHTML\b/],
  ['outerHTML assignment', /\.outerHTML\s*=/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['setTimeout with a string', /setTimeout\(\s*['"`]/],
  // Preact's one path to innerHTML; tests/e2e/package.e2e.ts tolerates it in the bundles for this.
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('shipped source', () => {
  it('never evaluates strings or writes HTML', () => {
    const found: string[] = [];
    for (const file of [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'entrypoints'))]) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return; // comments may name what is forbidden
        for (const [what, pattern] of FORBIDDEN)
          if (pattern.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${what}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('would notice if one did', () => {
    const [, innerHtml] = FORBIDDEN[2]!;
    expect(innerHtml.test('el.innerHTML = data;')).toBe(true);
    expect(FORBIDDEN[0]![1].test('const x = eval(code);')).toBe(true);
    expect(FORBIDDEN[0]![1].test('retrieval(code)')).toBe(false);
  });
});
