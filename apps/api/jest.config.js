// Two workers: each test file has its own database, queue prefix and storage folder, and much of a file's time is
// spent waiting on PostgreSQL and HTTP, so a second file overlaps it. Measured on 2 cores: the whole API suite took
// 65 s instead of 122 s on a quiet machine, and about the same as one worker on a machine already busy.
module.exports = { ...require('../../jest.services.js'), maxWorkers: 2 };
