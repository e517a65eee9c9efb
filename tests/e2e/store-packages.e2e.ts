/**
 * What `npm run zip` hands to the stores, checked without a browser: the Chrome and Firefox
 * packages hold exactly the build, byte for byte as `npm run build:all` made it (so the build is
 * reproducible); the sources archive Mozilla's review asks for holds what the build reads and
 * nothing else, and rebuilds on its own to the same Firefox package; each manifest meets the
 * stores' rules (icons at every size they show, name and description lengths); and no code in
 * the packages can reach the network (the README's privacy promise).
 *
 * It zips into a temporary folder through WXT's own `zip()` (what the `wxt zip` CLI calls), so
 * .output/ is left as the build made it. Needs `npm run build:all` first, as the browser tests do.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from '../support/browsers';
import { readZip } from '../support/zip';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WXT = join(ROOT, 'node_modules/wxt/bin/wxt.mjs');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** Every file under `dir`, by its path relative to `dir` with forward slashes. */
function tree(dir: string, base = dir): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [k, v] of tree(path, base)) files.set(k, v);
    else files.set(relative(base, path).split('\\').join('/'), readFileSync(path));
  }
  return files;
}

/** The names of the files that are missing, extra or different between two trees. */
function differences(actual: Map<string, Buffer>, expected: Map<string, Buffer>): string[] {
  const names = new Set([...actual.keys(), ...expected.keys()]);
  return [...names]
    .filter((name) => !actual.get(name)?.equals(expected.get(name) ?? Buffer.alloc(0)))
    .map((name) =>
      !actual.has(name)
        ? `missing ${name}`
        : !expected.has(name)
          ? `extra ${name}`
          : `differs ${name}`,
    )
    .sort();
}

/**
 * The environment of a plain shell: vitest sets NODE_ENV=test, which Vite would carry into the
 * bundles (Preact's development paths), so the builds here would differ from `npm run zip`'s.
 */
const SHELL_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')),
);

/** `wxt zip -b <browser> --mv3`, with `outDir` in place of .output. */
function zipInto(outDir: string, browser: string): void {
  const code = `import { zip } from 'wxt';
await zip({ browser: process.env.ZIP_BROWSER, manifestVersion: 3, outDir: process.env.ZIP_OUT });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    env: { ...SHELL_ENV, ZIP_BROWSER: browser, ZIP_OUT: outDir },
    stdio: 'pipe',
  });
}

let work: string;
const zips: Record<'chrome' | 'firefox' | 'sources', Map<string, Buffer>> = {
  chrome: new Map(),
  firefox: new Map(),
  sources: new Map(),
};
/** The builds as `npm run build:all` left them, read before anything else builds. */
const built = { chrome: new Map<string, Buffer>(), firefox: new Map<string, Buffer>() };

beforeAll(() => {
  for (const dir of [CHROME_BUILD, FIREFOX_BUILD]) {
    if (!existsSync(join(dir, 'manifest.json')))
      throw new Error(`${dir} is missing: run "npm run build:all" first`);
  }
  built.chrome = tree(CHROME_BUILD);
  built.firefox = tree(FIREFOX_BUILD);
  work = mkdtempSync(join(tmpdir(), 'backstory-zip-'));
  zipInto(work, 'chrome');
  zipInto(work, 'firefox');
  const zip = (suffix: string) =>
    readZip(join(work, `${PACKAGE.name}-${PACKAGE.version}-${suffix}.zip`));
  zips.chrome = zip('chrome');
  zips.firefox = zip('firefox');
  zips.sources = zip('sources');
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm run zip', () => {
  it.each(['chrome', 'firefox'] as const)(
    'packs the %s build byte for byte as `npm run build:all` built it',
    (browser) => {
      expect(differences(zips[browser], built[browser])).toEqual([]);
    },
  );

  it('gives Mozilla a sources archive of what the build reads: no tests, dependencies or output', () => {
    const names = [...zips.sources.keys()];
    const underFolders = ['entrypoints', 'src', 'public', 'data'].flatMap((folder) =>
      [...tree(join(ROOT, folder)).keys()].map((file) => `${folder}/${file}`),
    );
    const expected = [
      'README.md',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'scripts/dataset-plugin.ts',
      'scripts/load-dataset.ts',
      ...underFolders.filter((file) => !/\.test\.tsx?$/.test(file)),
    ].sort();
    expect(names.sort()).toEqual(expected);
    for (const name of names) {
      expect(zips.sources.get(name)!.equals(readFileSync(join(ROOT, name))), name).toBe(true);
    }
  });

  it('rebuilds from the sources archive alone to the same Firefox package', () => {
    const sources = join(work, 'sources');
    for (const [name, bytes] of zips.sources) {
      mkdirSync(dirname(join(sources, name)), { recursive: true });
      writeFileSync(join(sources, name), bytes);
    }
    // The dependencies a reviewer gets from `npm ci`, which needs the network: ours instead.
    symlinkSync(join(ROOT, 'node_modules'), join(sources, 'node_modules'));
    execFileSync(process.execPath, [WXT, 'build', '-b', 'firefox', '--mv3'], {
      cwd: sources,
      env: SHELL_ENV,
      stdio: 'pipe',
    });
    expect(differences(tree(join(sources, '.output/firefox-mv3')), zips.firefox)).toEqual([]);
  }, 300_000);
});

interface Manifest {
  name: string;
  description: string;
  default_locale?: string;
  icons: Record<string, string>;
  action: { default_icon?: Record<string, string> };
}

/** The manifest's `__MSG_key__` strings in every locale the package ships (keys ignore case). */
function localised(files: Map<string, Buffer>, text: string): Record<string, string> {
  const key = /^__MSG_(\w+)__$/.exec(text)?.[1];
  if (!key) return { any: text };
  const out: Record<string, string> = {};
  for (const [name, bytes] of files) {
    const locale = /^_locales\/([^/]+)\/messages\.json$/.exec(name)?.[1];
    if (!locale) continue;
    const messages = JSON.parse(bytes.toString('utf8')) as Record<string, { message: string }>;
    const found = Object.entries(messages).find(([k]) => k.toLowerCase() === key.toLowerCase());
    out[locale] = found?.[1].message ?? `(no message "${key}")`;
  }
  return out;
}

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): [number, number] | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) return null;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe.each(['chrome', 'firefox'] as const)('the %s store package', (browser) => {
  const manifest = () =>
    JSON.parse(zips[browser].get('manifest.json')!.toString('utf8')) as Manifest;

  it('declares icons at 16, 32, 48 and 128 px, each a PNG of that size in the package', () => {
    const { icons } = manifest();
    expect(Object.keys(icons)).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
    for (const [size, path] of Object.entries(icons)) {
      const bytes = zips[browser].get(path);
      expect(bytes, `${path} is in the package`).toBeDefined();
      expect(pngSize(bytes!), path).toEqual([Number(size), Number(size)]);
    }
  });

  it('keeps its name within 45 characters and its description within 132, in every locale', () => {
    // 45: the Edge store's limit, the strictest (AMO 50, Chrome Web Store 75); 132: Chrome's
    // and Firefox's limit for the description.
    const { name, description } = manifest();
    const names = localised(zips[browser], name);
    const descriptions = localised(zips[browser], description);
    expect(Object.keys(names).length).toBeGreaterThan(0);
    for (const [locale, text] of Object.entries(names)) {
      expect(text.length, `name in ${locale}: ${text}`).toBeLessThanOrEqual(45);
      expect(text, `name in ${locale}`).not.toMatch(/^\(no message/);
    }
    for (const [locale, text] of Object.entries(descriptions)) {
      expect(text.length, `description in ${locale}: ${text}`).toBeLessThanOrEqual(132);
      expect(text, `description in ${locale}`).not.toMatch(/^\(no message/);
    }
  });
});

/**
 * The ways a script can send or fetch over the network. `fetch` is matched as a call of the
 * global (not a method such as MiniSearch's `index.fetch(...)`), and every call must be one of
 * those below, which read files of the extension's own package.
 */
const NETWORK =
  /(?<![\w$.])fetch\(|\b(?:XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|WebTransport|importScripts)\b/g;
const OWN_FILES: [RegExp, string][] = [
  [
    /runtime\.getURL\("\/content-scripts\/content\.css"\);try\{return await\(await fetch\(/,
    "WXT's shadow-root UI: reads the content script's stylesheet from the package",
  ],
  [
    /"url"in (\w+)\?\w+\.textContent=yield fetch\(\1\.url\)/,
    'the isolated-element helper under it: given that stylesheet as text, never a URL, by WXT',
  ],
  [
    /function (\w+)\((\w+)\)\{if\(\2\.ep\)return;\2\.ep=!0;const (\w+)=\w+\(\2\);fetch\(\2\.href,\3\)/,
    "Vite's modulepreload polyfill: preloads the <link rel=modulepreload> chunks of our own pages",
  ],
  [
    /\}fetch\(\w+,\w+\)\{if\(typeof \w+!="string"\)throw new Error\("key must/,
    "MiniSearch: the definition of its SearchableMap's own `fetch` method, not the global's",
  ],
];

describe.each(['chrome', 'firefox'] as const)('the %s store package', (browser) => {
  it('holds no code that could send anything over the network', () => {
    const found: string[] = [];
    for (const [name, bytes] of zips[browser]) {
      if (!name.endsWith('.js')) continue;
      const code = bytes.toString('utf8');
      for (const hit of code.matchAll(NETWORK)) {
        const around = code.slice(Math.max(0, hit.index - 120), hit.index + 60);
        if (!OWN_FILES.some(([pattern]) => pattern.test(around)))
          found.push(`${name}: …${around}…`);
      }
    }
    expect(found).toEqual([]);
  });
});
