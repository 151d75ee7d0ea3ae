/** Unit tier: pure logic beside the code (*.spec.ts); no database, no Meilisearch, no global set-up. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testRegex: '.*\\.spec\\.ts$',
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 20000,
};
