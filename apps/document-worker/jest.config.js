// file-type is ESM-only and exports just `import`/`module-sync` conditions. Node 20.19+ loads it with require(esm);
// Jest's CommonJS runtime cannot, so here Jest resolves `module-sync` and swc turns file-type and its ESM-only
// dependencies into CommonJS.
const base = require('../../jest.services.js');

const ESM_ONLY = ['file-type', 'strtok3', 'token-types', 'peek-readable', '@tokenizer', 'uint8array-extras', '@borewit'];

module.exports = {
  ...base,
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons', 'module-sync'] },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
};
