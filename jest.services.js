// Jest preset for suites that talk to real PostgreSQL and Redis (started once per run by devservices).
const base = require('./jest.preset.js');

module.exports = {
  ...base,
  globalSetup: require.resolve('./packages/devservices/dist/jest/global-setup.js'),
  globalTeardown: require.resolve('./packages/devservices/dist/jest/global-teardown.js'),
};
