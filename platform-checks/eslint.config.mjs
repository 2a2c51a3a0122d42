// The lint config of Salesforce's own project template (sf project generate): eslint-config-lwc's
// `recommended` for the LWC, plus jest globals for its tests.
import { createRequire } from 'node:module';
import jest from 'eslint-plugin-jest';
const require = createRequire(import.meta.url);
const lwcConfig = require('@salesforce/eslint-config-lwc');

export default [
  ...lwcConfig.configs.recommended,
  { files: ['**/__tests__/**/*.js', '**/lwc-jest/**/*.js'], ...jest.configs['flat/recommended'] },
];
