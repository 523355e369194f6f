// The test-database tests need a real PostgreSQL: the services preset starts one for the run (or uses DATABASE_URL).
module.exports = require('../../jest.services.js');
