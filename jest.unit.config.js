/**
 * Unit tier: pure logic beside the code (*.spec.ts); no database, no Meilisearch, no global set-up.
 * Type-checked: ts-jest compiles with the full program (tsconfig.unit.json turns isolatedModules off),
 * so a type error in a spec or in what it imports fails the run.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testRegex: '.*\\.spec\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.unit.json' }],
  },
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 20000,
};
