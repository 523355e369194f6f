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
  // One file at a time unless a workspace's config says otherwise: the machines have 2 cores, and suites that start
  // whole systems or wait on timers get flaky when they share them. Two workers are set only where measured to help
  // (packages/domain, packages/db, apps/api); e2e and the workers' tests stay at one.
  maxWorkers: 1,
  passWithNoTests: false,
  reporters: ['default', [path.join(__dirname, 'scripts', 'jest-totals-reporter.js'), {}]],
};
