// Lint for the whole workspace. The Nx module-boundary rule is what keeps services apart:
// an app may use platform libraries and the event catalogue, never another app's code.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/dist', '**/node_modules', '**/tmp', '**/coverage', '.nx/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:events'] },
            { sourceTag: 'type:events', onlyDependOnLibsWithTags: ['type:platform'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:testing'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:testing'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:testing'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read the time from the injectable Clock (architecture.md "Time"), never new Date().',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read the time from the injectable Clock (architecture.md "Time"), never Date.now().',
        },
      ],
    },
  },
  {
    // A service's tests may use the test harness; its production code may not.
    files: ['apps/**/*.spec.ts', 'apps/**/*.int-spec.ts', 'apps/**/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          depConstraints: [{ sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:testing'] }],
        },
      ],
    },
  },
  {
    // The event library's own tests use the test harness too.
    files: ['libs/events/**/*.spec.ts', 'libs/events/**/*.int-spec.ts', 'libs/events/src/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          depConstraints: [{ sourceTag: 'type:events', onlyDependOnLibsWithTags: ['type:platform', 'type:testing'] }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests, benchmarks and tools measure real elapsed time; the clock lib is where real time is read.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'tools/**/*.ts', 'libs/platform/clock/**/*.ts', 'libs/testing/**/*.ts', 'libs/testing-events/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
];
