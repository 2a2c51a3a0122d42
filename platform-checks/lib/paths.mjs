// Where the platform checks find things. `TK_STAGE` (set by run.mjs) is a folder holding a copy of
// demo/salesforce with the built static resource (salesforce/) and the built files (dist/).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHECKS = fileURLToPath(new URL('..', import.meta.url));
export const ROOT = join(CHECKS, '..');
export const SALESFORCE = join(ROOT, 'demo/salesforce');
export const CLASSES = join(SALESFORCE, 'force-app/main/default/classes');
/** territory2 mode's extension: its own SFDX project, deployed only where Sales Territories is on. */
export const TERRITORY2 = join(SALESFORCE, 'territory2');
export const TERRITORY2_CLASSES = join(TERRITORY2, 'force-app/main/default/classes');
export const LWC = join(SALESFORCE, 'force-app/main/default/lwc/territoryKitPlanner');
export const CARD = join(ROOT, 'demo/hubspot/card/src/app/extensions');
export const JAVA_LIB = join(CHECKS, 'node_modules/@salesforce/code-analyzer-pmd-engine/dist/java-lib');
export const CONTROLS = join(CHECKS, 'controls');

/** The staged project and build from run.mjs; throws (naming the runner) when run without it. */
export function stage() {
  const dir = process.env.TK_STAGE;
  if (!dir) throw new Error('TK_STAGE is not set: run the platform checks with `node platform-checks/run.mjs` (npm run test:platform)');
  return { dir, salesforce: join(dir, 'salesforce'), dist: join(dir, 'dist') };
}
