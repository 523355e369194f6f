// Each file has a database of its own and the CLI tests mostly wait on child processes: two workers overlap them
// (measured about 35 % faster on 2 cores). Nothing here depends on timing.
module.exports = { ...require('../../jest.services.js'), maxWorkers: 2 };
