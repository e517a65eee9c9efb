import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserApis = [
  {
    name: 'wxt/browser',
    message: 'Browser APIs belong in src/background, src/content or entrypoints.',
  },
  {
    name: 'webextension-polyfill',
    message: 'Browser APIs belong in src/background, src/content or entrypoints.',
  },
];
const uiLibraries = [
  { name: 'preact', message: 'UI code belongs in src/ui.' },
  { name: 'preact/hooks', message: 'UI code belongs in src/ui.' },
];
const browserPatterns = [
  {
    group: ['wxt/*', 'wxt'],
    message: 'WXT runtime code belongs in src/background, src/content or entrypoints.',
  },
];
const uiPatterns = [
  { group: ['**/ui/*', '@floating-ui/*'], message: 'src/core and src/shared import no UI code.' },
];
// zod compiles parsers with `new Function` unless told not to; src/core/zod.ts tells it first.
const zodDirect = {
  name: 'zod',
  allowTypeImports: true,
  message: "Import z from src/core/zod, which turns zod's JIT off before any schema exists.",
};
const coreRestrictions = (paths) => [
  'error',
  {
    paths: [...browserApis, ...uiLibraries, ...paths],
    patterns: [...browserPatterns, ...uiPatterns, ...glue],
  },
];
const glue = [
  { group: ['**/content/*', '**/background/*'], message: 'Import glue from entrypoints only.' },
];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Data never reaches the DOM as markup.
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Build DOM nodes or Preact trees; never markup strings.',
        },
        {
          property: 'outerHTML',
          message: 'Build DOM nodes or Preact trees; never markup strings.',
        },
        {
          property: 'insertAdjacentHTML',
          message: 'Build DOM nodes or Preact trees; never markup strings.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No markup strings in components.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodDirect] }] },
  },
  {
    // The pure core: no DOM, no browser API, no UI library, no context glue. Tested in Node.
    files: ['src/core/**/*.{ts,tsx}', 'src/shared/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': coreRestrictions([zodDirect]),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'chrome',
        'browser',
        'CSS',
        'Node',
        'Range',
      ],
    },
  },
  {
    // Presentational components: props in, callbacks out; no browser APIs.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [...browserApis, zodDirect], patterns: [...browserPatterns, ...glue] },
      ],
      'no-restricted-globals': ['error', 'chrome', 'browser'],
    },
  },
  {
    files: ['src/core/zod.ts', 'src/core/zod.test.ts'],
    rules: { 'no-restricted-imports': coreRestrictions([]) },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  prettier,
);
