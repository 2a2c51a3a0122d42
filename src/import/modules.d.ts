// Files of packages that ship no types for them: PapaParse's browser build (the package's `browser`
// file: no `require('stream')`, so it loads in a browser unbundled too) and the `zipcodes` data files
// (zip-gazetteer.ts describes what it uses).
declare module 'papaparse/papaparse.min.js' {
  import Papa from 'papaparse';
  export default Papa;
}
declare module 'zipcodes/lib/codes.js';
declare module 'zipcodes/lib/codesCanada.js';
declare module 'zipcodes/lib/states.js';
