// Import accounts, reps and opportunities from CSV or .xlsx files (headless: runs in Node and the browser).
// The parsers (PapaParse, read-excel-file) and the offline ZIP table load on demand.
export * from './types.js';
export { importAccounts } from './import-accounts.js';
export { inspectTable } from './inspect-table.js';
export { suggestMapping, guessKind, normaliseHeader, FIELD_HEADERS } from './suggest-mapping.js';
export { readTable, detectFormat, ImportError } from './read-table.js';
export { IMPORT_PROBLEM_CODES, UNPLACED_CODES, IMPORT_ERROR_CODES, importProblemReason, unplacedReason, importErrorMessage } from './problem-reason.js';
export type { TableRow, ReadTableOptions } from './read-table.js';
export { loadZipGazetteer, postalKey } from './zip-gazetteer.js';
export { createFileAdapter } from './file-adapter.js';
export type { FileAdapter, FileAdapterOptions } from './file-adapter.js';
export { csvCell, accountsTemplateCsv, repsTemplateCsv, ACCOUNT_TEMPLATE_COLUMNS, REP_TEMPLATE_COLUMNS } from './template.js';
export type { TemplateOwners } from './template.js';
