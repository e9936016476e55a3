/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Real Chromium, through `npm run test:browser` (jest.browser.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  transform: {
    // tsconfig's isolatedModules makes ts-jest transpile only (fast); `npm run typecheck` checks types.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // GraphQL Code Generator (web/codegen.ts) requires auto-bind, which ships only as ES modules.
    '/node_modules/auto-bind/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!auto-bind/)'],
  setupFiles: ['reflect-metadata'],
};
