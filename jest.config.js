/**
 * Unit and component tests (jsdom per file via the docblock `@jest-environment jsdom`): `npm run test:unit`, the fast
 * loop. Tests that build or spawn something (`*.slow.test.ts`: the production bundle, the CLI binary) run with
 * `npm run test:slow` (jest.slow.config.js); `npm test` runs both. Types are checked by `tsc --noEmit`.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '\\.slow\\.test\\.tsx?$'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
