// The repository's lint config, plus what a browser React app needs.
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import root from '../../eslint.config.mjs';

export default [
  ...root,
  // Generated from the API's OpenAPI document.
  { ignores: ['src/api/schema.d.ts'] },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.spec.{ts,tsx}'],
    rules: {
      // The browser keeps nothing of a session: the key and tokens never reach storage or cookies.
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'localStorage', message: 'The console stores nothing in the browser.' },
        {
          object: 'window',
          property: 'sessionStorage',
          message: 'The console stores nothing in the browser.',
        },
        {
          object: 'document',
          property: 'cookie',
          message: 'The session cookie is HttpOnly, set by the API.',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'localStorage', message: 'The console stores nothing in the browser.' },
        { name: 'sessionStorage', message: 'The console stores nothing in the browser.' },
      ],
    },
  },
];
