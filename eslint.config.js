// Lint rules that keep Baton's boundaries: the engine has no I/O, the transport never touches
// storage, and the widget and console never import server code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ioModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'net',
  'node:net',
  'http',
  'node:http',
  'https',
  'node:https',
  'child_process',
  'node:child_process',
  'pg',
  '@electric-sql/pglite',
  'redis',
  'socket.io',
  'socket.io-client',
  'express',
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.baton-data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['packages/escalation/src/**/*.ts', 'packages/shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({ name, message: 'The engine and protocol do no I/O.' })),
          patterns: [
            { group: ['@baton/server', '@baton/server/*'], message: 'No server imports.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time comes in as `now`.' },
        { object: 'Math', property: 'random', message: 'The engine is deterministic.' },
      ],
    },
  },
  {
    files: ['packages/server/src/transport/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/storage', '**/storage/**', 'pg', '@electric-sql/pglite'],
              message: 'Transport talks to services, never to storage.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/widget/src/**/*.{ts,tsx}', 'packages/console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@baton/server', '@baton/server/*', '**/server/src/**'],
              message: 'Clients never import server code.',
            },
            {
              group: ['@baton/escalation', '@baton/escalation/*'],
              message: 'Clients never import the engine.',
            },
          ],
        },
      ],
    },
  },
);
