import type { SoqlCondition, SoqlQuery } from './types.js';

const FIELD = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks an API name before it goes into SOQL; throws naming the field otherwise. */
export function assertFieldName(field: string, context = 'field'): string {
  if (!FIELD.test(field)) throw new Error(`${context} ${JSON.stringify(field)} is not a valid Salesforce field API name`);
  return field;
}

/** A SOQL string literal with backslash escapes (quotes, backslashes, line breaks). */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

function literal(value: string | number | boolean | null, date?: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`SOQL value ${value} is not a finite number`);
    return String(value);
  }
  if (date) {
    if (!DATE.test(value)) throw new Error(`SOQL date ${JSON.stringify(value)} must look like YYYY-MM-DD`);
    return value;
  }
  return soqlString(value);
}

function condition(c: SoqlCondition): string {
  if ('or' in c) return `(${c.or.map((group) => `(${group.map(condition).join(' AND ')})`).join(' OR ')})`;
  assertFieldName(c.field, 'condition field');
  if (c.op === 'IN') return `${c.field} IN (${c.values.map((v) => soqlString(v)).join(', ')})`;
  return `${c.field} ${c.op} ${literal(c.value, c.date)}`;
}

/** The WHERE clause (without the keyword), or '' when there are no conditions. */
export function whereClause(query: SoqlQuery): string {
  return query.where && query.where.length ? query.where.map(condition).join(' AND ') : '';
}

/**
 * Renders a structured query as SOQL for the REST API.
 *
 * @param query the structured query
 * @param count render `SELECT COUNT()` instead of the field list
 * @returns the SOQL text
 * @example
 * toSoql({ name: 'accounts', object: 'Account', fields: ['Id', 'Name'], orderBy: 'Id' });
 * // → "SELECT Id, Name FROM Account ORDER BY Id"
 */
export function toSoql(query: SoqlQuery, count = false): string {
  assertFieldName(query.object, 'sObject');
  const select = count ? 'COUNT()' : query.fields.map((f) => assertFieldName(f)).join(', ');
  const where = whereClause(query);
  const order = !count && query.orderBy ? ` ORDER BY ${assertFieldName(query.orderBy, 'order field')}` : '';
  return `SELECT ${select} FROM ${query.object}${where ? ` WHERE ${where}` : ''}${order}`;
}
