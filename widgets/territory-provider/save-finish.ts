// What a finished save does to the plan (the outcome checks and their sentences), loaded when a save starts:
// a rep's read-only record page never saves, so its first load does not carry them.
export { saveFinished } from '../../src/store/save.js';
export { quotasSaved } from '../../src/store/quota-save.js';
