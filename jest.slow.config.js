/** The slow tests (`*.slow.test.ts`): they run webpack or spawn the built CLI. `npm run test:slow`; `npm test` runs them. */
const unit = require('./jest.config');

module.exports = {
  ...unit,
  testMatch: ['**/*.slow.test.ts', '**/*.slow.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
};
