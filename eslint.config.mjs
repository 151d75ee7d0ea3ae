// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

// Module boundaries (DESIGN's one-way rule as a check): each lib may import only the libs below it,
// core ← accounts ← forum ← {search, notifications, demo} ← apps, and only through their public
// index (`@app/x`; `@app/core/startup` is core's second, light entry for the start-up checks).
// Tests may reach inside a lib; test/lint-boundaries.spec.ts plants violations and expects failures.
const LIBS = ['core', 'accounts', 'forum', 'search', 'notifications', 'demo'];
const MAY_IMPORT = {
  core: [],
  accounts: ['core'],
  forum: ['core', 'accounts'],
  search: ['core', 'accounts', 'forum'],
  notifications: ['core', 'accounts', 'forum'],
  demo: ['core', 'accounts', 'forum'],
};
const TESTS = ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**'];
const DEEP_IMPORT = {
  regex: '^@app/(?!core/startup$)[^/]+/',
  message: 'import a lib through its public index (@app/x), not a file inside it',
};
// bench/ may also use `@app/forum/persistence` (the entities, for bulk seeding through their metadata).
const DEEP_IMPORT_BENCH = {
  regex: '^@app/(?!core/startup$|forum/persistence$)[^/]+/',
  message: DEEP_IMPORT.message,
};
const INTO_ANOTHER_LIB = {
  regex: `^(\\.\\./)+(libs/)?(${LIBS.join('|')})/src(/|$)`,
  message: 'reach another lib through @app/x, never by a relative path',
};
function layerRules(lib, { deep }) {
  const upward = LIBS.filter((l) => l !== lib && !MAY_IMPORT[lib].includes(l));
  const patterns = [INTO_ANOTHER_LIB, { regex: '^(\\.\\./)+apps/', message: 'libs never import the apps' }];
  if (upward.length > 0) {
    patterns.push({
      regex: `^@app/(${upward.join('|')})(/|$)`,
      message: `libs/${lib} may import only ${MAY_IMPORT[lib].map((l) => '@app/' + l).join(', ') || 'no other lib'} (core ← accounts ← forum ← {search, notifications, demo} ← apps)`,
    });
  }
  if (deep) patterns.push(DEEP_IMPORT);
  return { 'no-restricted-imports': ['error', { patterns }] };
}
const boundaries = [
  ...LIBS.map((lib) => ({
    files: [`libs/${lib}/**/*.ts`],
    ignores: TESTS,
    rules: layerRules(lib, { deep: true }),
  })),
  ...LIBS.map((lib) => ({ files: [`libs/${lib}/**/*.spec.ts`], rules: layerRules(lib, { deep: false }) })),
  ...[
    { files: ['apps/**/*.ts', 'migrations/**/*.ts'], deep: DEEP_IMPORT },
    { files: ['bench/**/*.ts'], deep: DEEP_IMPORT_BENCH },
  ].map(({ files, deep }) => ({
    files,
    ignores: [...TESTS, 'apps/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [deep, { regex: '^(\\.\\./)+libs/', message: INTO_ANOTHER_LIB.message }] },
      ],
    },
  })),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.data/**',
      'eslint.config.mjs',
      'jest.config.js',
      'jest.unit.config.js',
      'apps/web/src/gql/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  // Regular expressions run on user text: flag the ones that backtrack super-linearly (ReDoS).
  {
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-unicode-character': 'error',
      'regexp/no-dupe-disjunctions': 'error',
      'regexp/no-useless-quantifier': 'error',
      'regexp/no-empty-alternative': 'error',
    },
  },
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  ...boundaries,
  {
    files: ['scripts/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/web/scripts/**/*.mjs', 'apps/web/e2e/**/*.mjs'],
    languageOptions: {
      sourceType: 'module',
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
);
