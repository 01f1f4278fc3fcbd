// Lint for the whole workspace. The Nx module-boundary rule is what keeps services apart:
// an app may use platform libraries and the event catalogue, never another app's code.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// architecture.md "Time": rule code reads the injectable Clock.
const NO_SYSTEM_TIME = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Read the time from the injectable Clock (architecture.md "Time"), never new Date().',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Read the time from the injectable Clock (architecture.md "Time"), never Date.now().',
  },
];

// architecture.md "Decisions of the second round", one shape for entry points. A capability reaches another
// through its module and service, never through its transport or GraphQL models.
const OTHER_CAPABILITIES_TRANSPORT = {
  group: ['../*/*.resolver', '../*/*.controller', '../*/*.models', '../*/*.consumer', '../*/*.loaders', '../*/*.view', '../graphql/*', '../../*/*.resolver', '../../*/*.models'],
  message: "A capability uses another's module and service, never its controller, resolver, consumer, views or GraphQL models.",
};
const TYPEORM_HANDLES = [
  { name: 'typeorm', importNames: ['DataSource', 'EntityManager', 'Repository'], message: 'Queries live in repositories; a service opens a transaction with Transactions (@crm/database) and passes its Tx on.' },
  { name: '@nestjs/typeorm', message: 'Queries live in repositories.' },
];
// Calls that run SQL on a transaction or data source, written in a file that must not hold queries.
const NO_QUERIES = [
  {
    selector:
      "CallExpression[callee.type='MemberExpression'][callee.object.type='Identifier'][callee.object.name=/^(m|em|tx|manager|trx|entityManager|dataSource|ds|queryRunner)$/][callee.property.name=/^(query|createQueryBuilder|getRepository|find|findBy|findOne|findOneBy|findOneByOrFail|save|insert|update|delete|upsert|increment|decrement|count|countBy|exists|existsBy|transaction|softDelete|remove)$/]",
    message: 'Queries live in the capability\'s repository (architecture.md "Inside a service").',
  },
  {
    selector: "MemberExpression[object.type='ThisExpression'][property.name=/^(dataSource|manager|entityManager)$/]",
    message: 'A service reaches the database through its repositories and Transactions, never a DataSource of its own.',
  },
];
// Who may call is a capability's policy (`*.policy.ts`), applied with @Allow by REST and GraphQL alike.
const NO_INLINE_ROLES = [
  {
    selector: "Decorator > CallExpression[callee.name=/^(Roles|PartnerScopes)$/]",
    message: 'Name the action of the capability\'s policy instead: @Allow(XPolicy.action) (one role list per action, shared by REST and GraphQL).',
  },
];

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
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:kit'] },
            { sourceTag: 'type:kit', onlyDependOnLibsWithTags: ['type:platform', 'type:events'] },
            { sourceTag: 'type:events', onlyDependOnLibsWithTags: ['type:platform'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:kit', 'type:testing'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:kit', 'type:testing'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:kit', 'type:testing'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...NO_SYSTEM_TIME],
    },
  },
  {
    files: ['apps/*/src/**/*.ts'],
    ignores: ['apps/gateway/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [OTHER_CAPABILITIES_TRANSPORT] }] },
  },
  {
    // Services hold the rules; repositories hold every query (architecture.md "Inside a service").
    files: ['apps/*/src/**/*.service.ts', 'apps/*/src/**/*.sweep.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: TYPEORM_HANDLES, patterns: [OTHER_CAPABILITIES_TRANSPORT] }],
      'no-restricted-syntax': ['error', ...NO_SYSTEM_TIME, ...NO_QUERIES],
    },
  },
  {
    // Entry points translate and hand over: no queries, and who may call comes from the capability's policy.
    files: ['apps/*/src/**/*.controller.ts', 'apps/*/src/**/*.resolver.ts', 'apps/*/src/**/*.consumer.ts'],
    ignores: ['apps/gateway/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'typeorm', message: 'Entry points hand over to the capability\'s service; queries live in repositories.' }, ...TYPEORM_HANDLES.slice(1)],
          patterns: [OTHER_CAPABILITIES_TRANSPORT, { group: ['./*.repository', '../*/*.repository'], message: 'Entry points hand over to a service, which uses the repository.' }],
        },
      ],
      'no-restricted-syntax': ['error', ...NO_SYSTEM_TIME, ...NO_QUERIES, ...NO_INLINE_ROLES],
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
          depConstraints: [{ sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:kit', 'type:testing'] }],
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
