// One Jest setup for every workspace: swc for speed (tsc --noEmit does the type checking),
// decorators with metadata for Nest and TypeORM.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)s$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  testTimeout: 60000,
  maxWorkers: 1,
  passWithNoTests: false,
  reporters: ['default', [path.join(__dirname, 'scripts', 'jest-totals-reporter.js'), {}]],
};
