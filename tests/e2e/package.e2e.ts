import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from '../support/browsers';

// Firefox's add-on linter rejects JavaScript files over 4 MB; stay well under it.
const LIMIT = 2 * 1024 * 1024;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
  );
}

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/**
 * The manifests as we mean them, written out by hand: a new permission, host, command, content
 * script, web-accessible resource or CSP change fails here with a diff until it is added below
 * on purpose. No content_security_policy and no web_accessible_resources: the MV3 defaults
 * (no eval, no remote code) hold, and pages cannot load or probe any file of ours.
 */
const COMMON = {
  manifest_version: 3,
  name: '__MSG_extension_name__',
  description: '__MSG_extension_description__',
  default_locale: 'en',
  version: VERSION,
  permissions: ['storage', 'unlimitedStorage', 'scripting', 'contextMenus'],
  host_permissions: ['http://*/*', 'https://*/*'],
  action: { default_title: '__MSG_extension_name__', default_popup: 'popup.html' },
  icons: {
    16: 'icon/16.png',
    32: 'icon/32.png',
    48: 'icon/48.png',
    96: 'icon/96.png',
    128: 'icon/128.png',
  },
  commands: {
    'next-entity': {
      suggested_key: { default: 'Alt+Shift+N' },
      description: '__MSG_command_next__',
    },
    'previous-entity': {
      suggested_key: { default: 'Alt+Shift+P' },
      description: '__MSG_command_previous__',
    },
    'card-for-selection': {
      suggested_key: { default: 'Alt+Shift+K' },
      description: '__MSG_command_selection__',
    },
    'close-card': {
      suggested_key: { default: 'Alt+Shift+X' },
      description: '__MSG_command_close__',
    },
  },
  options_ui: { open_in_tab: true, page: 'options.html' },
  content_scripts: [
    {
      matches: ['http://*/*', 'https://*/*'],
      run_at: 'document_idle',
      css: ['content-scripts/content.css'],
      js: ['content-scripts/content.js'],
    },
  ],
};

const MANIFESTS: [string, string, object][] = [
  [
    'Chrome',
    CHROME_BUILD,
    {
      ...COMMON,
      minimum_chrome_version: '128',
      background: { service_worker: 'background.js' },
    },
  ],
  [
    'Firefox',
    FIREFOX_BUILD,
    {
      ...COMMON,
      browser_specific_settings: {
        gecko: {
          id: 'backstory@backstory',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
      background: { scripts: ['background.js'] },
    },
  ],
];

describe.each(MANIFESTS)('the %s package', (_browser, dir, manifest) => {
  it('has every file well under the 4 MB add-on linter limit', () => {
    const all = files(dir);
    expect(all.length).toBeGreaterThan(0);
    for (const file of all) expect(statSync(file).size, file).toBeLessThan(LIMIT);
  });

  it('asks for exactly the permissions, hosts, commands and scripts we mean', () => {
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).toEqual(manifest);
  });

  it('names itself and its shortcuts in English by default, from the packaged catalogue', () => {
    const english = JSON.parse(
      readFileSync(join(dir, '_locales/en/messages.json'), 'utf8'),
    ) as Record<string, { message: string }>;
    const text = (value: string) => english[/^__MSG_(\w+)__$/.exec(value)![1]!]!.message;
    const { name, description, commands } = manifest as typeof COMMON;
    expect(text(name)).toBe('Backstory');
    expect(text(description)).toBe(
      'Background on the names in the news, without leaving the page.',
    );
    expect(text(commands['next-entity'].description)).toBe(
      'Go to the next highlighted name and open its card',
    );
    expect(text(commands['close-card'].description)).toBe('Close the open card');
  });

  it('ships no code that turns strings into code or markup, but for the known library paths', () => {
    const found: string[] = [];
    for (const file of files(dir).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(file, 'utf8');
      for (const hit of code.matchAll(DANGEROUS)) {
        const around = code.slice(Math.max(0, hit.index - 160), hit.index + 100);
        if (!TOLERATED.some(([pattern]) => pattern.test(around)))
          found.push(`${relative(dir, file)} @${hit.index}: …${around}…`);
      }
    }
    expect(found).toEqual([]);
  });
});

/**
 * What the built bundles must not contain, dependencies included. `Function` is matched as a
 * bare name, since minified code aliases it (`const e=Function;new e(code)`), and `eval` as any
 * name but an object key (the polyfill lists `devtools.inspectedWindow.eval`); our own source is
 * checked more finely by tests/source-safety.test.ts.
 */
const DANGEROUS =
  /(?<![\w$.])(?:eval(?![\w$:])|Function(?![\w$]))|innerHTML|outerHTML|insertAdjacentHTML|document\.write|srcdoc|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe|DOMParser/g;

/**
 * Library code that names one of those, each never reached in what we ship, with why. A hit
 * is tolerated when the code around it matches.
 */
const TOLERATED: [RegExp, string][] = [
  [
    /Function\.call\.bind\(Object\.prototype\.hasOwnProperty\)/,
    'zod: a bound hasOwnProperty; refers to Function, evaluates nothing',
  ],
  [
    /\.jitless\|\|[^;]*\)\)return!1;try\{const (\w+)=Function;return new \1\(""\)/,
    'zod: the allowsEval probe, which returns early when jitless is set (src/core/zod.ts)',
  ],
  [
    /compile\(\)\{const (\w+)=Function,/,
    'zod: its JIT compiler, used by object schemas only when jitless is off and eval allowed',
  ],
  [
    /__html/,
    'Preact: dangerouslySetInnerHTML, which our components never pass (eslint forbids it)',
  ],
];
