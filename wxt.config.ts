import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { datasetPlugin } from './scripts/dataset-plugin';

// Auto-imports are off so every module names what it uses; the polyfill module makes
// `wxt/browser` the promise-based webextension-polyfill in Chrome and Firefox alike.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  // Mozilla's review rebuilds the add-on from the sources zip (`npm ci && npm run zip`, see the
  // README's "Reproducible build"): it holds what the build reads and nothing else. Everything
  // is excluded, then the list is let back in (includeSources wins over excludeSources); unit
  // tests, the browser suites, the benchmarks and ../shared are not needed to build.
  zip: {
    excludeSources: ['**'],
    includeSources: [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'README.md',
      'entrypoints/**',
      'src/**',
      'public/**',
      'data/**',
      'scripts/dataset-plugin.ts',
      'scripts/load-dataset.ts',
      '!**/*.test.{ts,tsx}',
    ],
  },
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false }), datasetPlugin()],
  }),
  manifest: ({ browser }) => ({
    // Name, description, title and shortcut descriptions come from public/_locales, in the
    // browser's language.
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    // scripting: start on a tab at once after the reader grants access to its site (popup).
    // unlimitedStorage: imported dataset packs may be tens of megabytes.
    // contextMenus: "Add to Backstory…" on a selection.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'contextMenus'],
    // The sites content scripts run on, declared so Firefox users who withheld them can grant
    // them from the popup, and so the popup can see which site its tab shows.
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extension_name__' },
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
    // Firefox only: 140 is its first version with the CSS Custom Highlight API, and a fixed id
    // keeps settings across reloads and lets tests address the add-on.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'backstory@backstory',
          strict_min_version: '140.0',
          // Backstory sends nothing anywhere: every lookup runs on the reader's machine.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
    // Chrome 128 is the first with caretPositionFromPoint, which hover hit-testing uses.
    ...(browser !== 'firefox' && { minimum_chrome_version: '128' }),
  }),
});
