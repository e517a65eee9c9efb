import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const CHROME_BUILD = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
export const FIREFOX_BUILD = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));

/** The add-on id from wxt.config.ts and the internal UUID we pin so tests can open its pages. */
export const GECKO_ID = 'backstory@backstory';
export const FIREFOX_UUID = '6f1c2a4e-3b5d-4e7f-9a1b-0c2d3e4f5a6b';

/**
 * Chromium flags for a sandboxed machine without network: without the background-networking
 * flags Chromium keeps dialling Google's hosts. See ../shared/notes/browser-testing.md.
 */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    '--no-sandbox',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}

export type Availability = { ok: true } | { ok: false; reason: string };

/** Whether a browser test can run: the browser is installed and the extension is built. */
export function availability(executable: string, build: string, pkg: string): Availability {
  if (!existsSync(executable)) {
    return {
      ok: false,
      reason: `${executable} not found: install the Debian package ${pkg} (apt-get install -y ${pkg})`,
    };
  }
  if (!existsSync(`${build}/manifest.json`)) {
    return { ok: false, reason: `${build} is missing: run "npm run build:all" first` };
  }
  return { ok: true };
}
