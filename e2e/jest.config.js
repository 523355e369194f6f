// End-to-end tests start the built API and workers as separate processes: long timeouts, one file at a time. The
// browser tests (test/web-*) are a second run with their own config (jest.browser.config.js).
module.exports = { ...require('../jest.services.js'), testTimeout: 180000, testPathIgnorePatterns: ['/node_modules/', '/test/web-'] };
