const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const layers = require('./scripts/eslint-layers');

module.exports = tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Sheet text is never HTML.' }],
      'no-restricted-properties': ['error', { property: 'innerHTML', message: 'Sheet text is never HTML.' }],
    },
  },
  {
    // which src/ folder may import which (README.md, Architecture); core only through its index
    files: ['src/**/*.{ts,tsx}'],
    plugins: { ziping: layers.plugin },
    rules: { 'ziping/layers': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['react', 'react-dom', '@fluentui/*', '@microsoft/*', 'exceljs', 'node:*', 'fs', 'path'], message: 'src/core is pure: no Office, React, DOM or Node.' },
      ] }],
    },
  },
  {
    files: ['src/host/**/*.ts', 'src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['react', 'react-dom', '@fluentui/*', 'exceljs', 'node:*', 'fs', 'path'], message: 'The host interface and the app layer serve every front end: no UI toolkit, exceljs or Node.' },
      ] }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
