// The bench's pure helpers, run by `npm test`; the scenarios themselves are run by `npm run bench`.
module.exports = require('../jest.preset.js');
