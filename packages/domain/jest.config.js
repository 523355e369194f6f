// Pure, CPU-bound tests: a second worker uses the second core (measured about 20 % faster on 2 cores).
module.exports = { ...require('../../jest.preset.js'), maxWorkers: 2 };
