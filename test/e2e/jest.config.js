/** Browser tests: one webpack build, one static server, Debian's Chromium through playwright-core. */
module.exports = {
  rootDir: '../..',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  testEnvironment: 'node',
  testTimeout: 180_000,
  maxWorkers: 1,
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true } } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
