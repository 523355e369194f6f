// Component and pure-logic tests in jsdom; the browser journey against the real system is in e2e/test/web-*.test.ts.
const path = require('node:path');
const base = require('../../jest.preset.js');

module.exports = {
  ...base,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      require.resolve('@swc/jest'),
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '\\.css$': '<rootDir>/test/support/style-stub.ts',
    '^@peduli/api-client$': path.join(__dirname, '../../packages/api-client/src/index.ts'),
    '^@peduli/domain/time-zones$': path.join(__dirname, '../../packages/domain/src/time-zones.ts'),
    '^@peduli/domain/documents$': path.join(__dirname, '../../packages/domain/src/documents.ts'),
  },
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
};
