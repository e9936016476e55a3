/** @type {import('jest').Config} */
// npm run test:browser: the explorer in Debian's Chromium (playwright-core), against the real
// built API process in production mode. Run by .ci/run after the README's test command.
module.exports = {
  ...require('./jest.config'),
  roots: ['<rootDir>/test/browser'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60_000,
};
