// sfdx-lwc-jest's own Jest config, run from the staged Salesforce project (cwd: its sfdx-project.json
// tells the resolver where `c/territoryKitPlanner` is). The tests live here, outside the project, so
// they are never deployed.
const path = require('path');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  roots: [__dirname],
  testMatch: ['**/*.test.js'],
  moduleDirectories: ['node_modules', path.join(__dirname, '../node_modules')],
  testEnvironmentOptions: { ...(jestConfig.testEnvironmentOptions || {}), url: 'https://example.lightning.force.com/' },
};
