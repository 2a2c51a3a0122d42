/** Field-size limits applied by the schemas. Values beyond them are rejected, never truncated. */
export const LIMITS = {
  /** Record ids (Salesforce ids are 18 characters, HubSpot ids are numeric strings). */
  id: 255,
  /** Display names (Salesforce Account.Name allows 255). */
  name: 255,
  /** Short labels: industry, skill, region code, colour. */
  label: 255,
  /** A custom-field text value. */
  text: 4096,
  /** Entries in lists such as skills, region codes and named-account overrides. */
  list: 100_000,
  /**
   * The largest batch total of an additive figure (potential, workload, revenue, pipeline, quota;
   * `validateBatch` refuses the largest records beyond it). So far below Number.MAX_VALUE (1.8e308)
   * that totals over any number of pages an adapter validates one by one stay finite, and so do
   * their squares.
   */
  total: 1e150,
} as const;
