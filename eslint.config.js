// Lint for Vigía. Its main job is the layer rules of docs/architecture.md: a wrong import fails `npm test`.
// Two mechanisms enforce them on purpose:
//  - eslint-plugin-boundaries classifies every file into a layer and checks each resolved import;
//  - `no-restricted-imports` is the backstop for imports boundaries cannot resolve (a missing file,
//    a package that is not installed), which boundaries silently skips.
// Type-aware rules are off so the whole-project lint stays well under a minute (docs/decisions.md).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CODE = ['**/*.{ts,tsx,mts,cts,js,mjs,cjs,jsx}'];
const TESTS = ['**/*.test.{ts,tsx}', 'test/**'];

// Node's built-in modules, bare and `node:`-prefixed, with their subpaths (fs/promises …).
const nodeBuiltins = [...new Set(builtinModules.filter((name) => !name.startsWith('_')))];
const nodeBuiltinPatterns = [
  { group: ['node:*'], message: 'Node built-ins are not available in this layer.' },
  {
    regex: `^(${nodeBuiltins.map((name) => name.split('/')[0]).join('|')})(/.*)?$`,
    message: 'Node built-ins are not available in this layer.',
  },
];
// The offline rule of the main process: nothing that opens a socket.
const NETWORK_MODULES = ['http', 'https', 'net', 'http2', 'tls', 'dgram'];

/** Relative imports that climb out of the current layer into `layers` (e.g. '../../renderer/x'). */
function climbingInto(layers, message) {
  return { regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`, message };
}

/** `no-restricted-imports` options for one layer. */
function restrictedImports(...patternGroups) {
  return ['error', { patterns: patternGroups.flat() }];
}

// The renderer as a whole runs in the browser sandbox.
const RENDERER_BASE = [
  ...nodeBuiltinPatterns,
  { regex: '^electron(/|$)', message: 'renderer/ never imports Electron; use the platform bridge.' },
  climbingInto(['electron', 'test'], 'renderer/ imports renderer/ and shared/ only.'),
];
// Inside the renderer: what lies below features/ never reaches up into a feature or into app/.
const INTO_FEATURES = climbingInto(['features'], 'Only app/ and features/ import features/: the layers below them never reach up (docs/architecture.md).');
const INTO_APP = climbingInto(['app'], 'app/ is the top of the renderer: nothing imports it (docs/architecture.md).');
// A feature reaches the database only through its public face, renderer/db/index.ts.
const INTO_DB_INTERNALS = {
  regex: '^(\\.\\./)+db/.+',
  message: "Features import the database through its public face: from '…/db', not a file inside it (docs/architecture.md).",
};

const SHARED_FORBIDDEN = {
  group: [
    'electron',
    'electron/*',
    'react',
    'react/*',
    'react-dom',
    'react-dom/*',
    'react-i18next',
    'dexie',
    'dexie-react-hooks',
    'cytoscape',
    'cytoscape-*',
    'zustand',
    'zustand/*',
  ],
  message: 'shared/ is pure TypeScript: no Electron, React, Dexie, Cytoscape or zustand (docs/architecture.md).',
};

// Layer elements for eslint-plugin-boundaries. `partialMatch: false` anchors each pattern at the
// repository root, so a folder named e.g. renderer/features/shared is not mistaken for shared/.
const elements = [
  { type: 'shared', pattern: 'shared', partialMatch: false },
  { type: 'renderer', pattern: 'renderer', partialMatch: false },
  { type: 'electron-main', pattern: 'electron/main', partialMatch: false },
  { type: 'electron-preload', pattern: 'electron/preload', partialMatch: false },
  { type: 'electron-cli', pattern: 'electron/cli', partialMatch: false },
  { type: 'electron-launch', pattern: 'electron/launch', partialMatch: false },
  // The bundle-crypto utility process, and the Node modules main, the CLI and the utility share.
  { type: 'electron-utility', pattern: 'electron/utility', partialMatch: false },
  { type: 'electron-node', pattern: 'electron/node', partialMatch: false },
  { type: 'electron-crypto', pattern: 'electron/crypto', partialMatch: false },
  { type: 'tests', pattern: 'test', partialMatch: false },
];

const local = (types) => ({ element: { types: { anyOf: types } } });
const ELECTRON_LAYERS = ['electron-main', 'electron-preload', 'electron-cli', 'electron-launch', 'electron-utility', 'electron-node', 'electron-crypto'];
// boundaries matches the package name (react for react/jsx-runtime), with micromatch patterns.
const SHARED_FORBIDDEN_PACKAGES = SHARED_FORBIDDEN.group.filter((name) => !name.includes('/'));

const layerPolicies = [
  // Pure libraries (npm packages) are allowed by default; the layer-specific bans follow.
  { allow: { to: { module: { origin: 'external' } } } },
  { from: local(['shared']), allow: { to: local(['shared']) } },
  {
    from: local(['shared']),
    disallow: {
      to: [{ module: { origin: 'core' } }, { module: { origin: 'external', source: SHARED_FORBIDDEN_PACKAGES } }],
    },
    message: 'shared/ imports only shared/ and pure libraries (no Node built-ins, Electron, React, Dexie, Cytoscape, zustand).',
  },
  { from: local(['renderer']), allow: { to: local(['renderer', 'shared']) } },
  {
    from: local(['renderer']),
    disallow: { to: [{ module: { origin: 'core' } }, { module: { origin: 'external', source: 'electron' } }] },
    message: 'renderer/ runs in the browser sandbox: no Node built-ins and no Electron.',
  },
  // electron/ may use Node and Electron and its own parts; the preload stays a thin bridge.
  { from: local(['electron-main', 'electron-cli', 'electron-launch']), allow: { to: { module: { origin: 'core' } } } },
  // A sandboxed preload gets only Electron's small polyfilled set of modules.
  { from: local(['electron-preload']), allow: { to: { module: { origin: 'core', source: ['events', 'timers', 'url'] } } } },
  { from: local(['electron-main', 'electron-cli', 'electron-launch']), allow: { to: local([...ELECTRON_LAYERS, 'shared']) } },
  { from: local(['electron-preload']), allow: { to: local(['electron-preload', 'shared']) } },
  // The utility process is Node like main, but reaches only shared/, the shared Node modules and the crypto adapters.
  { from: local(['electron-utility', 'electron-node', 'electron-crypto']), allow: { to: { module: { origin: 'core' } } } },
  { from: local(['electron-utility']), allow: { to: local(['electron-utility', 'electron-node', 'electron-crypto', 'shared']) } },
  { from: local(['electron-node', 'electron-crypto']), allow: { to: local(['electron-node', 'electron-crypto', 'shared']) } },
  {
    from: local(['electron-main']),
    disallow: { to: { module: { origin: 'core', source: NETWORK_MODULES.flatMap((m) => [m, `node:${m}`]) } } },
    message: 'electron/main is offline: it never imports http, https, net, http2, tls or dgram.',
  },
  {
    from: local(['electron-utility', 'electron-node']),
    disallow: { to: { module: { origin: 'core', source: NETWORK_MODULES.flatMap((m) => [m, `node:${m}`]) } } },
    message: 'The utility process and its Node modules are offline: no http, https, net, http2, tls or dgram.',
  },
  // Unit tests beside the code run in Node: they may read fixtures and run tools (age, unzip …).
  { from: { file: { categories: 'test' } }, allow: { to: { module: { origin: 'core' } } } },
  // Tests may reach anything they test.
  { from: local(['tests']), allow: { to: [local(['tests', 'shared', 'renderer', ...ELECTRON_LAYERS]), { module: { origin: 'core' } }] } },
];

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', '.tsbuild/**', 'test-results/**', 'playwright-report/**', 'coverage/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: CODE,
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG (demo/tests) or crypto.getRandomValues (ids, keys).' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Case data is hostile input: never render it as HTML.',
        },
        {
          selector: "MemberExpression[object.name=/^(describe|it|test|suite)$/][property.name=/^(only|skip)$/]",
          message: 'No .only/.skip in committed tests: every test runs in `npm test`.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // The layer rules, by boundaries.
  {
    files: CODE,
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/files': [{ category: 'test', pattern: '**/*.test.{ts,tsx}' }],
      'boundaries/include': ['shared/**', 'renderer/**', 'electron/**', 'test/**'],
      'import/resolver': {
        typescript: {
          project: ['tsconfig.shared.json', 'tsconfig.renderer.json', 'tsconfig.electron.json', 'tsconfig.tests.json'],
          noWarnOnMultipleProjects: true,
        },
        node: true,
      },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          message: '{{from.element.type}} may not import {{to.element.type}}{{to.module.source}} (docs/architecture.md layer rules).',
          policies: layerPolicies,
        },
      ],
    },
  },
  // The same rules again by import specifier: the backstop for what boundaries cannot resolve.
  {
    files: ['shared/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports(
        nodeBuiltinPatterns,
        SHARED_FORBIDDEN,
        climbingInto(['renderer', 'electron', 'test'], 'shared/ imports only shared/.'),
      ),
    },
  },
  {
    files: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(
        SHARED_FORBIDDEN,
        climbingInto(['renderer', 'electron'], 'Tests of shared/ use shared/ only.'),
      ),
    },
  },
  {
    files: ['renderer/**'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': restrictedImports(RENDERER_BASE) },
  },
  // The renderer's inner layers (docs/architecture.md): app/ composes features/, features/ use the layers
  // below them, and nothing below features/ reaches up. ESLint replaces a rule's options per file
  // rather than merging them, so each inner layer repeats the renderer's base patterns.
  {
    files: ['renderer/features/**'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': restrictedImports(RENDERER_BASE, INTO_APP, INTO_DB_INTERNALS) },
  },
  {
    files: ['renderer/{store,db,workers,i18n,platform,commands}/**'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': restrictedImports(RENDERER_BASE, INTO_FEATURES, INTO_APP) },
  },
  {
    files: ['renderer/{ui,network-model}/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports(
        RENDERER_BASE,
        INTO_FEATURES,
        INTO_APP,
        climbingInto(['store', 'workers'], 'ui/ and network-model/ are pure parts: they take what they show as arguments, never from the store or a worker.'),
      ),
    },
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictedImports(
        { regex: '^electron(/|$)', message: 'renderer/ never imports Electron; use the platform bridge.' },
        climbingInto(['electron'], 'renderer/ imports renderer/ and shared/ only.'),
      ),
    },
  },
  {
    files: ['electron/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports(
        climbingInto(['renderer', 'test'], 'electron/ imports electron/ and shared/ only; bytes cross the bridge, not renderer code.'),
      ),
    },
  },
  {
    files: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrictedImports(climbingInto(['renderer'], 'electron/ imports electron/ and shared/ only.')),
    },
  },
  {
    files: ['electron/main/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports(
        climbingInto(['renderer', 'test'], 'electron/ imports electron/ and shared/ only.'),
        {
          group: NETWORK_MODULES.flatMap((m) => [m, `node:${m}`]),
          message: 'electron/main is offline: it never imports http, https, net, http2, tls or dgram.',
        },
      ),
    },
  },
  {
    files: ['electron/utility/**', 'electron/node/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports(
        climbingInto(['renderer', 'test'], 'electron/ imports electron/ and shared/ only.'),
        { regex: '^\\.\\./(main|preload|cli|launch)(/|$)', message: 'The utility process and the shared Node modules import only electron/utility, electron/node, electron/crypto and shared/.' },
        {
          group: NETWORK_MODULES.flatMap((m) => [m, `node:${m}`]),
          message: 'The utility process is offline: it never imports http, https, net, http2, tls or dgram.',
        },
      ),
    },
  },
  {
    files: ['electron/preload/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': restrictedImports(
        climbingInto(['renderer', 'test'], 'electron/ imports electron/ and shared/ only.'),
        { regex: '^\\.\\./(main|cli|launch)(/|$)', message: 'The sandboxed preload is a thin bridge: it imports only electron/preload and shared/.' },
      ),
    },
  },
  {
    files: ['test/e2e/**'],
    ignores: ['test/e2e/fixtures.ts'],
    rules: {
      'no-restricted-imports': restrictedImports({
        group: ['@playwright/test'],
        importNames: ['test'],
        message: "Import test and expect from './fixtures': it fails a test that reaches outside 127.0.0.1.",
      }),
    },
  },
  // Runtimes: which globals exist where.
  { files: ['shared/**'], languageOptions: { globals: { ...globals['shared-node-browser'] } } },
  {
    ...reactHooks.configs.flat.recommended,
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  { files: ['electron/**', 'test/**', '*.{js,mjs,cjs,ts}'], languageOptions: { globals: { ...globals.node } } },
  { files: ['test/e2e/**'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
);
