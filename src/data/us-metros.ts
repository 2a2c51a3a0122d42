/**
 * Large US metropolitan areas with approximate centre coordinates, state (USPS and FIPS) and relative
 * business weight (≈ metro population in millions). Used by demo-data and benchmark generators.
 */
export interface Metro {
  name: string;
  state: string;
  stateFips: string;
  lat: number;
  lng: number;
  weight: number;
  /**
   * Where open water lies (sea, lake): a unit direction (east, north) and the distance in degrees
   * from the centre to the shore along it. Generators mirror points that would fall beyond it.
   */
  water?: { east: number; north: number; shoreDeg: number };
}

export const US_METROS: readonly Metro[] = [
  { name: 'New York', state: 'NY', stateFips: '36', lat: 40.7128, lng: -74.006, weight: 19.5 },
  { name: 'Los Angeles', state: 'CA', stateFips: '06', lat: 34.0522, lng: -118.2437, weight: 12.8, water: { east: -0.7071, north: -0.7071, shoreDeg: 0.25 } },
  { name: 'Chicago', state: 'IL', stateFips: '17', lat: 41.8781, lng: -87.6298, weight: 9.4, water: { east: 1, north: 0, shoreDeg: 0.02 } },
  { name: 'Dallas', state: 'TX', stateFips: '48', lat: 32.7767, lng: -96.797, weight: 7.9 },
  { name: 'Houston', state: 'TX', stateFips: '48', lat: 29.7604, lng: -95.3698, weight: 7.3, water: { east: 0.7071, north: -0.7071, shoreDeg: 0.6 } },
  { name: 'Washington', state: 'DC', stateFips: '11', lat: 38.9072, lng: -77.0369, weight: 6.3 },
  { name: 'Philadelphia', state: 'PA', stateFips: '42', lat: 39.9526, lng: -75.1652, weight: 6.2 },
  { name: 'Miami', state: 'FL', stateFips: '12', lat: 25.7617, lng: -80.1918, weight: 6.1, water: { east: 1, north: 0, shoreDeg: 0.05 } },
  { name: 'Atlanta', state: 'GA', stateFips: '13', lat: 33.749, lng: -84.388, weight: 6.2 },
  { name: 'Boston', state: 'MA', stateFips: '25', lat: 42.3601, lng: -71.0589, weight: 4.9, water: { east: 1, north: 0, shoreDeg: 0.03 } },
  { name: 'Phoenix', state: 'AZ', stateFips: '04', lat: 33.4484, lng: -112.074, weight: 5.0 },
  { name: 'San Francisco', state: 'CA', stateFips: '06', lat: 37.7749, lng: -122.4194, weight: 4.6, water: { east: -1, north: 0, shoreDeg: 0.07 } },
  { name: 'Riverside', state: 'CA', stateFips: '06', lat: 33.9806, lng: -117.3755, weight: 4.6 },
  { name: 'Detroit', state: 'MI', stateFips: '26', lat: 42.3314, lng: -83.0458, weight: 4.3 },
  { name: 'Seattle', state: 'WA', stateFips: '53', lat: 47.6062, lng: -122.3321, weight: 4.0, water: { east: -1, north: 0, shoreDeg: 0.08 } },
  { name: 'Minneapolis', state: 'MN', stateFips: '27', lat: 44.9778, lng: -93.265, weight: 3.7 },
  { name: 'San Diego', state: 'CA', stateFips: '06', lat: 32.7157, lng: -117.1611, weight: 3.3, water: { east: -1, north: 0, shoreDeg: 0.08 } },
  { name: 'Tampa', state: 'FL', stateFips: '12', lat: 27.9506, lng: -82.4572, weight: 3.3, water: { east: -1, north: 0, shoreDeg: 0.3 } },
  { name: 'Denver', state: 'CO', stateFips: '08', lat: 39.7392, lng: -104.9903, weight: 3.0 },
  { name: 'Baltimore', state: 'MD', stateFips: '24', lat: 39.2904, lng: -76.6122, weight: 2.8 },
  { name: 'St. Louis', state: 'MO', stateFips: '29', lat: 38.627, lng: -90.1994, weight: 2.8 },
  { name: 'Orlando', state: 'FL', stateFips: '12', lat: 28.5383, lng: -81.3792, weight: 2.7 },
  { name: 'Charlotte', state: 'NC', stateFips: '37', lat: 35.2271, lng: -80.8431, weight: 2.7 },
  { name: 'San Antonio', state: 'TX', stateFips: '48', lat: 29.4241, lng: -98.4936, weight: 2.6 },
  { name: 'Portland', state: 'OR', stateFips: '41', lat: 45.5152, lng: -122.6784, weight: 2.5 },
  { name: 'Sacramento', state: 'CA', stateFips: '06', lat: 38.5816, lng: -121.4944, weight: 2.4 },
  { name: 'Pittsburgh', state: 'PA', stateFips: '42', lat: 40.4406, lng: -79.9959, weight: 2.4 },
  { name: 'Austin', state: 'TX', stateFips: '48', lat: 30.2672, lng: -97.7431, weight: 2.4 },
  { name: 'Las Vegas', state: 'NV', stateFips: '32', lat: 36.1699, lng: -115.1398, weight: 2.3 },
  { name: 'Cincinnati', state: 'OH', stateFips: '39', lat: 39.1031, lng: -84.512, weight: 2.3 },
  { name: 'Kansas City', state: 'MO', stateFips: '29', lat: 39.0997, lng: -94.5786, weight: 2.2 },
  { name: 'Columbus', state: 'OH', stateFips: '39', lat: 39.9612, lng: -82.9988, weight: 2.1 },
  { name: 'Indianapolis', state: 'IN', stateFips: '18', lat: 39.7684, lng: -86.1581, weight: 2.1 },
  { name: 'Cleveland', state: 'OH', stateFips: '39', lat: 41.4993, lng: -81.6944, weight: 2.1, water: { east: 0, north: 1, shoreDeg: 0.02 } },
  { name: 'Nashville', state: 'TN', stateFips: '47', lat: 36.1627, lng: -86.7816, weight: 2.0 },
  { name: 'San Jose', state: 'CA', stateFips: '06', lat: 37.3382, lng: -121.8863, weight: 2.0 },
  { name: 'Raleigh', state: 'NC', stateFips: '37', lat: 35.7796, lng: -78.6382, weight: 1.5 },
  { name: 'Salt Lake City', state: 'UT', stateFips: '49', lat: 40.7608, lng: -111.891, weight: 1.3 },
  { name: 'Milwaukee', state: 'WI', stateFips: '55', lat: 43.0389, lng: -87.9065, weight: 1.6, water: { east: 1, north: 0, shoreDeg: 0 } },
  { name: 'Jacksonville', state: 'FL', stateFips: '12', lat: 30.3322, lng: -81.6557, weight: 1.7, water: { east: 1, north: 0, shoreDeg: 0.25 } },
  { name: 'Oklahoma City', state: 'OK', stateFips: '40', lat: 35.4676, lng: -97.5164, weight: 1.4 },
  { name: 'Memphis', state: 'TN', stateFips: '47', lat: 35.1495, lng: -90.049, weight: 1.3 },
  { name: 'Louisville', state: 'KY', stateFips: '21', lat: 38.2527, lng: -85.7585, weight: 1.3 },
  { name: 'New Orleans', state: 'LA', stateFips: '22', lat: 29.9511, lng: -90.0715, weight: 1.3 },
  { name: 'Richmond', state: 'VA', stateFips: '51', lat: 37.5407, lng: -77.436, weight: 1.3 },
  { name: 'Birmingham', state: 'AL', stateFips: '01', lat: 33.5186, lng: -86.8104, weight: 1.1 },
  { name: 'Buffalo', state: 'NY', stateFips: '36', lat: 42.8864, lng: -78.8784, weight: 1.2 },
  { name: 'Albuquerque', state: 'NM', stateFips: '35', lat: 35.0844, lng: -106.6504, weight: 0.9 },
  { name: 'Omaha', state: 'NE', stateFips: '31', lat: 41.2565, lng: -95.9345, weight: 1.0 },
  { name: 'Boise', state: 'ID', stateFips: '16', lat: 43.615, lng: -116.2023, weight: 0.8 },
];
