// The bench's pure helpers only; not part of `npm test` (the scenarios themselves are run by `npm run bench`).
module.exports = require('../jest.preset.js');
