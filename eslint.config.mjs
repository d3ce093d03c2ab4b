// One lint config for the whole monorepo.
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
  'dns',
  'node:dns',
  'dgram',
  'node:dgram',
  'child_process',
  'node:child_process',
  'tls',
  'node:tls',
  'pg',
  'axios',
  'undici',
  'typeorm',
  'pino',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/.data/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { disallowTypeAnnotations: false, fixStyle: 'inline-type-imports' },
      ],
    },
  },
  {
    // Nest resolves providers through emitted decorator metadata: type-only imports would erase them.
    files: ['apps/api/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // The core is the pure domain: no I/O, no framework, no `any`.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({ name, message: 'packages/core is pure: no I/O imports.' })),
          patterns: [
            { group: ['@nestjs/*'], message: 'packages/core is framework-free.' },
            { group: ['@hookrelay/*'], message: 'packages/core depends on nothing of ours.' },
          ],
        },
      ],
    },
  },
);
