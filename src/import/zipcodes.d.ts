// The `zipcodes` package ships no types; zip-gazetteer.ts describes the parts it uses.
declare module 'zipcodes';
