import type { Gazetteer } from './types.js';

interface ZipRecord {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
  country: string;
}

/** The `zipcodes` data files used (CommonJS without `require`: their default export when imported). */
interface CodesFile {
  codes: Record<string, ZipRecord>;
}
interface StatesFile {
  normalize(state: string): string | undefined;
}
const exportsOf = <T>(mod: unknown): T => ((mod as { default?: T }).default ?? mod) as T;

const US = new Set(['', 'us', 'usa', 'unitedstates', 'unitedstatesofamerica', 'america']);
const CANADA = new Set(['ca', 'can', 'canada']);

const squash = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');

/** `US`, `CA` or the country as written when it is neither. */
function countryOf(country: string | null): 'US' | 'CA' | string {
  const c = squash(country ?? '');
  if (US.has(c)) return 'US';
  if (CANADA.has(c)) return 'CA';
  return country ?? '';
}

/**
 * A US ZIP code as the table keys it: ZIP+4 cut to five digits, a ZIP that lost its leading zero in a
 * spreadsheet (`2134`) padded back (`02134`). A Canadian postal code gives its first three characters.
 */
export function postalKey(postalCode: string, country: string | null): string | null {
  const code = postalCode.trim().toUpperCase();
  const c = countryOf(country);
  if ((c === 'CA' || c === 'US') && /^[A-Z]\d[A-Z]\s?\d[A-Z]\d$|^[A-Z]\d[A-Z]$/.test(code)) return code.slice(0, 3);
  if (c !== 'US') return null;
  const m = /^(\d{3,5})(?:[-\s]?\d{4})?$/.exec(code.replace(/\.0+$/, ''));
  return m ? m[1].padStart(5, '0') : null;
}

let loading: Promise<Gazetteer> | null = null;

/**
 * The offline gazetteer of the well-kept `zipcodes` package (US ZIP code and Canadian FSA centroids
 * with their city and state), loaded on demand — a separate chunk of about 0.9 MB gzip, never part of
 * the widgets' initial load. City + state lookups use the mean of the city's ZIP centroids.
 *
 * @returns the gazetteer (the same one on every call)
 * @example
 * const g = await loadZipGazetteer();
 * g.byPostalCode('10001', 'US'); // { lat: 40.7484, lng: -73.9967 }
 * g.byCityState('Austin', 'Texas', null);
 */
export function loadZipGazetteer(): Promise<Gazetteer> {
  // The package's data files, not its index (which `require`s them): they load as one on-demand chunk.
  loading ??= Promise.all([import('zipcodes/lib/codes.js'), import('zipcodes/lib/codesCanada.js'), import('zipcodes/lib/states.js')]).then(([us, canada, states]) => {
    const zipcodes = { codes: { ...exportsOf<CodesFile>(us).codes, ...exportsOf<CodesFile>(canada).codes } as Record<string, ZipRecord>, states: exportsOf<StatesFile>(states) };
    const byCity = new Map<string, { lat: number; lng: number; n: number }>();
    const stateOf = (state: string): string => {
      const s = state.trim();
      return (zipcodes.states.normalize(s) ?? s).toUpperCase();
    };
    for (const r of Object.values(zipcodes.codes)) {
      const key = `${squash(r.city)}|${stateOf(r.state)}`;
      const c = byCity.get(key);
      if (c) {
        c.lat += r.latitude;
        c.lng += r.longitude;
        c.n++;
      } else byCity.set(key, { lat: r.latitude, lng: r.longitude, n: 1 });
    }
    const point = (lat: number, lng: number) => ({ lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5 });
    const gazetteer: Gazetteer = {
      byPostalCode(postalCode, country) {
        const key = postalKey(postalCode, country);
        const r = key === null ? undefined : Object.hasOwn(zipcodes.codes, key) ? zipcodes.codes[key] : undefined;
        return r ? point(r.latitude, r.longitude) : null;
      },
      byCityState(city, state, country) {
        const c = countryOf(country);
        if (c !== 'US' && c !== 'CA') return null;
        const hit = byCity.get(`${squash(city)}|${stateOf(state)}`);
        return hit ? point(hit.lat / hit.n, hit.lng / hit.n) : null;
      },
    };
    return gazetteer;
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Whether the offline table covers a country (the US and Canada). */
export const gazetteerCovers = (country: string | null): boolean => ['US', 'CA'].includes(countryOf(country));
