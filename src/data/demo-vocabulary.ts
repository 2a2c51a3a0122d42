/** Word lists for the demo-data generator: industries, company names and rep names (all invented). */

export interface DemoIndustry {
  name: string;
  /** Relative share of accounts. */
  weight: number;
  /** Typical annual revenue per employee (USD), which sets employee counts from revenue. */
  revenuePerEmployee: number;
  /** Words that make a company name sound like this industry. */
  nouns: readonly string[];
}

export const DEMO_INDUSTRIES: readonly DemoIndustry[] = [
  { name: 'Manufacturing', weight: 16, revenuePerEmployee: 320_000, nouns: ['Manufacturing', 'Industries', 'Fabrication', 'Components', 'Machining', 'Tool Works'] },
  { name: 'Healthcare', weight: 13, revenuePerEmployee: 180_000, nouns: ['Health', 'Medical', 'Clinics', 'Care Partners', 'Diagnostics', 'Therapeutics'] },
  { name: 'Financial Services', weight: 11, revenuePerEmployee: 450_000, nouns: ['Capital', 'Financial', 'Bancorp', 'Advisors', 'Credit Union', 'Insurance'] },
  { name: 'Technology', weight: 12, revenuePerEmployee: 380_000, nouns: ['Software', 'Systems', 'Labs', 'Networks', 'Data', 'Cloud'] },
  { name: 'Retail', weight: 11, revenuePerEmployee: 210_000, nouns: ['Outfitters', 'Market', 'Stores', 'Supply', 'Goods', 'Trading'] },
  { name: 'Professional Services', weight: 10, revenuePerEmployee: 200_000, nouns: ['Consulting', 'Partners', 'Associates', 'Group', 'Advisory', 'Law Group'] },
  { name: 'Construction', weight: 9, revenuePerEmployee: 290_000, nouns: ['Builders', 'Construction', 'Contracting', 'Engineering', 'Concrete', 'Development'] },
  { name: 'Transportation & Logistics', weight: 7, revenuePerEmployee: 260_000, nouns: ['Logistics', 'Freight', 'Transport', 'Distribution', 'Carriers', 'Fleet Services'] },
  { name: 'Energy', weight: 5, revenuePerEmployee: 700_000, nouns: ['Energy', 'Power', 'Resources', 'Solar', 'Utilities', 'Petroleum'] },
  { name: 'Education', weight: 6, revenuePerEmployee: 120_000, nouns: ['Academy', 'Learning', 'College', 'Schools', 'Education', 'Institute'] },
];

/** First words of company names: places, surnames and brand-like words. */
export const COMPANY_PREFIXES: readonly string[] = [
  'Apex', 'Summit', 'Harbor', 'Pioneer', 'Keystone', 'Bluewater', 'Ironwood', 'Redstone', 'Silverline', 'Northstar',
  'Cedar', 'Granite', 'Prairie', 'Evergreen', 'Lakeside', 'Riverbend', 'Frontier', 'Liberty', 'Beacon', 'Meridian',
  'Sterling', 'Copperfield', 'Oakridge', 'Highland', 'Crescent', 'Atlas', 'Vanguard', 'Horizon', 'Sentinel', 'Trident',
  'Whitman', 'Calloway', 'Hargrove', 'Pemberton', 'Ashford', 'Bradley', 'Delgado', 'Fairchild', 'Garrison', 'Holloway',
  'Kensington', 'Lindqvist', 'Marlowe', 'Nakamura', 'Okafor', 'Prescott', 'Quintero', 'Ramsey', 'Sullivan', 'Thornton',
  'Vasquez', 'Winslow', 'Yates', 'Zimmerman', 'Blue Ridge', 'Great Lakes', 'Pacific', 'Gulf Coast', 'Mountain West', 'Tri-County',
  'Allied', 'United', 'Premier', 'Precision', 'Integrated', 'Advanced', 'Modern', 'Heritage', 'Cornerstone', 'Bright Path',
];

export const COMPANY_SUFFIXES: readonly string[] = ['Inc.', 'LLC', 'Co.', 'Corp.', 'Group', 'Holdings', 'Ltd.', ''];

export const FIRST_NAMES: readonly string[] = [
  'Ana', 'Ben', 'Chloe', 'Diego', 'Elena', 'Farid', 'Grace', 'Hiro', 'Imani', 'Jonas', 'Keisha', 'Liam', 'Maya',
  'Noah', 'Olivia', 'Priya', 'Quinn', 'Rafael', 'Sofia', 'Tariq', 'Uma', 'Victor', 'Wen', 'Xavier', 'Yara', 'Zoe',
  'Aaron', 'Bianca', 'Carlos', 'Dana', 'Emeka', 'Fiona', 'Gabriel', 'Hannah', 'Isaac', 'Julia', 'Kai', 'Leah',
];

export const LAST_NAMES: readonly string[] = [
  'Alvarez', 'Brooks', 'Chen', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Johnson', 'Kowalski',
  'Lopez', 'Murphy', 'Nguyen', 'Owens', 'Patel', 'Quinn', 'Reyes', 'Schmidt', 'Turner', 'Usman', 'Vargas',
  'Walker', 'Xu', 'Young', 'Zhang', 'Adeyemi', 'Bennett', 'Costa', 'Diaz', 'Ellis', 'Foster', 'Gupta', 'Hansen',
];
