// End-to-end tests start the built API and workers as separate processes: long timeouts, one file at a time.
module.exports = { ...require('../jest.services.js'), testTimeout: 180000 };
