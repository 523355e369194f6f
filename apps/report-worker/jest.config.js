module.exports = require('../../jest.services.js');
