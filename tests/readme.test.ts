import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The README is where a new reader starts: a command it names that does not exist, a path that
 * has moved, or a picture missing from a fresh clone is the first thing they would trip over.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const scripts = Object.keys(
  (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: object }).scripts,
);

/** Repository paths the README names in code spans: in one of the top-level folders, no placeholder. */
function namedPaths(text: string): string[] {
  const spans = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  return spans.filter((s) =>
    /^(?:\.ci|data|entrypoints|public|scripts|src|tests)(?:\/[^\s<>*]*)?$/.test(s),
  );
}

/** Relative targets of links and pictures, Markdown and HTML alike. */
function linkedFiles(text: string): string[] {
  const targets = [
    ...[...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!),
    ...[...text.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
  ];
  return targets.filter((t) => !/^[a-z]+:|^#/.test(t)).map((t) => t.replace(/#.*$/, ''));
}

const pictures = (text: string) => linkedFiles(text).filter((t) => /\.(?:png|svg|jpe?g)$/.test(t));

const ignoredByGit = (path: string) =>
  spawnSync('git', ['check-ignore', '-q', '--no-index', path], { cwd: ROOT }).status === 0;

describe('README', () => {
  it('names only npm scripts that package.json has', () => {
    const named = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    expect([...new Set(named)].filter((name) => !scripts.includes(name))).toEqual([]);
  });

  it('names only paths and links to files that exist (or that a command generates)', () => {
    const paths = [...namedPaths(readme), ...linkedFiles(readme)];
    expect(paths).toContain('src/shared/messages.ts');
    // A git-ignored path is output a command writes (the bench report): not in a fresh clone.
    const missing = [...new Set(paths)].filter((p) => !existsSync(`${ROOT}${p}`));
    expect(missing.filter((p) => !ignoredByGit(p))).toEqual([]);
  });

  it('shows pictures that a fresh clone has, each small enough to load quickly', () => {
    const shown = pictures(readme);
    expect(shown).toEqual(expect.arrayContaining(['tests/demo/card.png', 'tests/demo/popup.png']));
    // *.png is git-ignored with exceptions: a picture left out of them is missing from clones.
    expect(shown.filter(ignoredByGit)).toEqual([]);
    const large = shown.filter((p) => statSync(`${ROOT}${p}`).size > 200 * 1024);
    expect(large).toEqual([]);
  });

  it('draws the contexts with a diagram whose every edge joins declared nodes', () => {
    const diagram = /```mermaid\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(diagram).toBeDefined();
    const declared = new Set(
      [...diagram!.matchAll(/^\s*(?:subgraph\s+)?(\w+)\s*[[(]/gm)].map((m) => m[1]!),
    );
    const edges = [...diagram!.matchAll(/^\s*(\w+)\s+-[-.]+>(?:\|"[^"]*"\|)?\s+(\w+)\s*$/gm)];
    expect(edges.length).toBeGreaterThan(0);
    const loose = edges.flatMap((m) => [m[1]!, m[2]!]).filter((id) => !declared.has(id));
    expect(loose).toEqual([]);
    // Every line is a declaration, an edge, `end` or the header: nothing the renderer would refuse.
    const other = diagram!
      .split('\n')
      .map((l) => l.trim())
      .filter(
        (l) =>
          l &&
          l !== 'end' &&
          l !== 'flowchart LR' &&
          !/^(?:subgraph\s+)?\w+\s*(?:\["[^"]*"\]|\[\("[^"]*"\)\])$/.test(l) &&
          !/^\w+\s+-[-.]+>(?:\|"[^"]*"\|)?\s+\w+$/.test(l),
      );
    expect(other).toEqual([]);
  });
});
