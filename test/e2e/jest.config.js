/** Browser tests: one webpack build for every file (global-setup.ts), one static server per file, Debian's Chromium through playwright-core. */
module.exports = {
  rootDir: '../..',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  testEnvironment: 'node',
  testTimeout: 180_000,
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  maxWorkers: 1,
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true } } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
