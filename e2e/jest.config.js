/**
 * Browser scenarios in real headless Chromium against the built server (embedded database), and Node-level tests of
 * the web app's collaboration provider (web/src/collab, compiled here by swc; its packages resolve from web/).
 */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.e2e.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Packages the tests share with the web provider (yjs, fake-indexeddb…) come from web's dependencies: one copy.
  modulePaths: ['<rootDir>/../web/node_modules'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }] },
  testTimeout: 120000,
};
