const { join } = require('node:path');

// The web app's browser tests, two files at a time: each starts a system of its own (database, queue prefix, ports) and
// spends most of its time waiting on Chromium and the workers, so two share the 2 cores without waiting on each other.
// They run after the other end-to-end tests, whose fault injections keep the machine to themselves.
module.exports = {
  ...require('../jest.services.js'),
  testTimeout: 180000,
  testMatch: ['<rootDir>/test/web-*.test.ts'],
  maxWorkers: 2,
  reporters: ['default', [join(__dirname, '..', 'scripts', 'jest-totals-reporter.js'), { name: 'e2e-browser' }]],
};
