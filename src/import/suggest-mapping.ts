import type { ColumnMapping, FieldOf, ImportKind } from './types.js';

/** A header reduced to lower-case letters and digits: `Billing Zip/Postal Code` → `billingzippostalcode`. */
export const normaliseHeader = (header: string): string => header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Headers each field is recognised by, normalised, best first: our template (`account_id`…), a
 * Salesforce report export (`Account ID`, `Account Owner`, `Billing Zip/Postal Code`…) and a HubSpot
 * export (`Record ID`, `Company name`, `Company owner`, `State/Region`…).
 */
export const FIELD_HEADERS: { [K in ImportKind]: Record<FieldOf[K], readonly string[]> } = {
  accounts: {
    id: ['accountid', 'recordid', 'companyid', 'id', 'hubspotid', 'salesforceid', 'accountaccountid', 'account18digitid', 'accountid18'],
    name: ['accountname', 'companyname', 'name', 'company', 'account', 'accountaccountname'],
    ownerId: ['ownerid', 'accountownerid', 'companyownerid', 'hubspotownerid', 'repid'],
    ownerName: ['ownername', 'accountowner', 'companyowner', 'owner', 'accountownerfullname', 'accountownername', 'repname', 'rep'],
    ownerEmail: ['owneremail', 'accountowneremail', 'companyowneremail', 'repemail'],
    lat: ['lat', 'latitude', 'billinglatitude', 'shippinglatitude'],
    lng: ['lng', 'lon', 'long', 'longitude', 'billinglongitude', 'shippinglongitude'],
    street: ['street', 'billingstreet', 'streetaddress', 'address', 'address1', 'shippingstreet', 'billingaddressline1'],
    city: ['city', 'billingcity', 'shippingcity', 'town'],
    state: ['state', 'stateregion', 'billingstateprovince', 'billingstate', 'stateprovince', 'province', 'shippingstateprovince', 'billingstatecode'],
    postalCode: ['postalcode', 'zip', 'zipcode', 'billingzippostalcode', 'billingpostalcode', 'postcode', 'zippostalcode', 'shippingzippostalcode'],
    country: ['country', 'countryregion', 'billingcountry', 'shippingcountry', 'billingcountrycode'],
    industry: ['industry', 'segment'],
    employees: ['employees', 'numberofemployees', 'employeecount', 'headcount'],
    annualRevenue: ['annualrevenue', 'revenue'],
    potential: ['potential', 'salespotential', 'accountpotential', 'marketpotential'],
    workload: ['workload', 'effort', 'visits'],
    locked: ['locked', 'lock', 'keepowner'],
  },
  reps: {
    id: ['repid', 'userid', 'ownerid', 'id', 'recordid', 'hubspotownerid'],
    name: ['repname', 'name', 'fullname', 'ownername', 'username', 'user', 'owner', 'rep'],
    firstName: ['firstname', 'givenname'],
    lastName: ['lastname', 'surname', 'familyname'],
    email: ['email', 'emailaddress', 'repemail', 'useremail'],
    homeLat: ['homelat', 'homelatitude', 'lat', 'latitude'],
    homeLng: ['homelng', 'homelongitude', 'lng', 'lon', 'longitude'],
    homePostalCode: ['homepostalcode', 'homezip', 'postalcode', 'zip', 'zipcode'],
    capacity: ['capacity', 'fte'],
    quota: ['quota', 'target', 'annualquota'],
    active: ['active', 'isactive', 'status'],
    locked: ['locked'],
    skills: ['skills', 'industries', 'segments'],
  },
  opportunities: {
    id: ['opportunityid', 'dealid', 'recordid', 'id'],
    accountId: ['accountid', 'companyid', 'associatedcompanyidsprimary', 'associatedcompanyid', 'associatedcompanyids', 'accountaccountid'],
    accountName: ['accountname', 'associatedcompany', 'associatedcompanyprimary', 'companyname', 'company', 'account'],
    amount: ['amount', 'dealamount', 'opportunityamount', 'value'],
    stage: ['stage', 'dealstage', 'opportunitystage'],
    closeDate: ['closedate', 'expectedclosedate'],
    isClosed: ['closed', 'isclosed'],
    isWon: ['won', 'iswon'],
  },
};

/** Headers that say which kind a file is, beyond the fields themselves. */
const KIND_MARKS: Record<ImportKind, readonly string[]> = {
  accounts: ['accountid', 'accountname', 'companyname', 'billingcity', 'billingzippostalcode', 'annualrevenue', 'numberofemployees', 'industry', 'accountowner', 'companyowner', 'potential', 'postalcode'],
  reps: ['repid', 'repname', 'userid', 'quota', 'capacity', 'homelat', 'firstname', 'lastname', 'skills'],
  opportunities: ['opportunityid', 'opportunityname', 'dealname', 'dealid', 'amount', 'stage', 'dealstage', 'closedate'],
};

/**
 * Which kind of file the headers look like (accounts when unsure).
 *
 * @param headers the header cells
 * @returns `accounts`, `reps` or `opportunities`
 * @example
 * guessKind(['Deal Name', 'Amount', 'Deal Stage']); // 'opportunities'
 */
export function guessKind(headers: readonly string[]): ImportKind {
  const set = new Set(headers.map(normaliseHeader));
  const score = (kind: ImportKind) => KIND_MARKS[kind].filter((h) => set.has(h)).length;
  const kinds: ImportKind[] = ['accounts', 'opportunities', 'reps'];
  return kinds.reduce((best, k) => (score(k) > score(best) ? k : best), 'accounts');
}

/**
 * Suggests which column each field is read from: exact header matches first (our template, Salesforce
 * and HubSpot export headers, in {@link FIELD_HEADERS}), then a header that contains a known name
 * (`Billing Zip/Postal Code (Account)`). Each column is used for one field at most.
 *
 * @param kind the file kind
 * @param headers the header cells
 * @param remembered a mapping used before for this kind: kept where its header is present
 * @returns field → header
 * @example
 * suggestMapping('accounts', ['Account Name', 'Account Owner', 'Billing Zip/Postal Code']);
 * // { name: 'Account Name', ownerName: 'Account Owner', postalCode: 'Billing Zip/Postal Code' }
 */
export function suggestMapping<K extends ImportKind>(kind: K, headers: readonly string[], remembered: ColumnMapping<K> = {}): ColumnMapping<K> {
  const table = FIELD_HEADERS[kind] as Record<string, readonly string[]>;
  const normal = headers.map(normaliseHeader);
  const mapping: Record<string, string> = {};
  const used = new Set<number>();
  for (const [field, header] of Object.entries(remembered as Record<string, string | undefined>)) {
    const at = header === undefined ? -1 : headers.indexOf(header);
    if (field in table && at >= 0 && !used.has(at)) {
      mapping[field] = header!;
      used.add(at);
    }
  }
  const claim = (match: (h: string, name: string) => boolean) => {
    for (const [field, names] of Object.entries(table)) {
      if (field in mapping) continue;
      for (const name of names) {
        const at = normal.findIndex((h, i) => !used.has(i) && h !== '' && match(h, name));
        if (at >= 0) {
          mapping[field] = headers[at];
          used.add(at);
          break;
        }
      }
    }
  };
  claim((h, name) => h === name);
  // Loose: a header containing a known name of 5+ letters (short names like `id`, `lat` only match exactly).
  claim((h, name) => name.length >= 5 && h.includes(name));
  return mapping as ColumnMapping<K>;
}
