/**
 * Unit and component tests (jsdom per file via the docblock `@jest-environment jsdom`): `npm run test:unit`, the fast
 * loop. Tests that build, spawn or inflate something big (`*.slow.test.ts`: the production bundle, the CLI binary,
 * the audit script, zip bombs, a 10 MB cell) run with `npm run test:slow` (jest.slow.config.js); `npm test` runs both. Types are checked by `tsc --noEmit`.
 */
module.exports = {
  testEnvironment: 'node',
  // jest's default (cores − 1) is one worker on 2 cores, so the whole run went in band on one core
  maxWorkers: 2,
  // the longest property tests take 2.5 s on a quiet 2-core host; a busy CI host can push them past jest's 5 s default
  testTimeout: 20_000,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '\\.slow\\.test\\.tsx?$'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
