// Why an account falls in its territory (resolveTerritories), in the UI language, from the engine's clauses
// (reasonParts); the engine's English `reason` when there are none. Territory names, region codes and names, field
// names and CRM values (industries, picklist values) are shown as they are, never translated.
import { msg, str } from '@lit/localize';
import type { ResolveReasonPart, RuleCondition } from '../../src/engine/resolve-territories.js';
import type { Formatters } from '../shared/format.js';

const SHOWN = 3;
const SYMBOL = { eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;

/** `"A", "B", "C" and 2 more` (quoted names) or `x, y, z and 2 more` (values). */
function list(f: Formatters, shown: readonly string[], more: number): string {
  const text = shown.join(', ');
  if (more <= 0) return text;
  const n = f.number(more, 0);
  return msg(str`${text} and ${n} more`, { id: 'resolve-reason-more', desc: 'A list cut short: the first names or values, then how many are left out' });
}

function condition(f: Formatters, c: RuleCondition): string {
  switch (c.kind) {
    case 'industry': {
      const value = c.value;
      return msg(str`industry ${value}`, { desc: 'A territory rule the account met; the value is the CRM industry, untranslated' });
    }
    case 'range': {
      const label = c.field === 'employees' ? msg('employees') : c.field === 'revenue' ? msg('revenue') : msg('potential', { desc: 'metric' });
      // Head counts without grouping (1000), amounts compact (10M; in English with the engine's lower-case k).
      const format = new Intl.NumberFormat(f.locale, c.field === 'employees' ? { useGrouping: false, maximumFractionDigits: 2 } : { notation: 'compact', maximumFractionDigits: 2 });
      const english = /^en\b/i.test(f.locale);
      const num = (n: number) => (english && c.field !== 'employees' ? format.format(n).replace(/K$/, 'k') : format.format(n));
      if (c.min !== undefined && c.max !== undefined) return c.min === c.max ? `${label} = ${num(c.min)}` : `${label} ${num(c.min)}–${num(c.max)}`;
      return c.min !== undefined ? `${label} ≥ ${num(c.min)}` : `${label} ≤ ${num(c.max as number)}`;
    }
    case 'field': {
      const field = c.field;
      const values = list(f, c.values.slice(0, SHOWN).map(String), c.values.length - SHOWN);
      switch (c.op) {
        case 'in':
          return msg(str`${field} in ${values}`, { desc: 'A custom-field rule: the field (CRM name) has one of the values' });
        case 'notIn':
          return msg(str`${field} not in ${values}`, { desc: 'A custom-field rule: the field (CRM name) has none of the values' });
        case 'contains':
          return msg(str`${field} contains "${values}"`, { desc: 'A custom-field rule: the field (CRM name) contains the text' });
        case 'exists':
          return c.values[0] === false ? msg(str`${field} is not set`) : msg(str`${field} is set`);
        default:
          return `${field} ${SYMBOL[c.op]} ${values}`;
      }
    }
  }
}

function conditions(f: Formatters, cs: readonly RuleCondition[]): string {
  return cs.map((c) => condition(f, c)).reduce((a, b) => msg(str`${a} and ${b}`, { id: 'resolve-reason-and', desc: 'Two territory rules that both hold' }));
}

function noCoordinates(p: Extract<ResolveReasonPart, { code: 'no-coordinates' }>, f: Formatters): string {
  const name = p.territory;
  const head = p.polygon
    ? msg(str`no coordinates, so not tested against the "${name}" polygon`)
    : msg(str`no coordinates, so not tested against the "${name}" region polygons`);
  if (p.others <= 0) return head;
  const n = f.number(p.others, 0);
  return p.others === 1 ? msg(str`${head} nor ${n} other territory with polygons`) : msg(str`${head} nor ${n} other territories with polygons`);
}

function capitalise(f: Formatters, s: string): string {
  return s.charAt(0).toLocaleUpperCase(f.locale) + s.slice(1);
}

/** The reason in the UI language, or the English `reason` when the resolution has no parts. */
export function resolveReasonText(f: Formatters, r: { reason: string; reasonParts?: readonly ResolveReasonPart[] }): string {
  const parts = r.reasonParts;
  if (!parts?.length) return r.reason;
  let text = '';
  for (const p of parts) {
    switch (p.code) {
      case 'geometry': {
        const name = p.territory;
        text += msg(str`Inside the "${name}" polygon`);
        break;
      }
      case 'include': {
        const name = p.territory;
        text += msg(str`Named account of "${name}"`);
        break;
      }
      case 'region': {
        const { territory: name, region } = p;
        const place = p.name;
        text +=
          place !== undefined
            ? msg(str`In ${place}, a region of "${name}"`, { desc: 'The account is in a region of the territory; the region by its name (a US state such as Utah), untranslated' })
            : msg(str`Region ${region} of "${name}"`, { desc: 'The account is in a region (a CRM code such as CA) of the territory' });
        break;
      }
      case 'region-polygon': {
        const { territory: name, region } = p;
        const place = p.name;
        text +=
          place !== undefined
            ? msg(str`Inside ${place}, a region of "${name}"`, { desc: "The account's point is inside the shape of a region of the territory; the region by its name (a US state such as Utah), untranslated" })
            : msg(str`Inside region ${region} of "${name}"`, { desc: "The account's point is inside the shape of a region (a CRM code) of the territory" });
        break;
      }
      case 'rules': {
        const name = p.territory;
        const rules = conditions(f, p.conditions);
        text += capitalise(f, msg(str`${rules} (rules of "${name}")`));
        break;
      }
      case 'with-rules': {
        const rules = conditions(f, p.conditions);
        text += msg(str`, with ${rules}`, { desc: 'After "Inside the … polygon": the territory rules the account met too' });
        break;
      }
      case 'overlap': {
        const names = list(
          f,
          p.territories.map((name) => msg(str`"${name}"`, { id: 'resolve-reason-quoted', desc: 'A territory name in quotes, in a list of names' })),
          p.more,
        );
        const priority = String(p.priority);
        text += msg(str`; overlaps ${names} at priority ${priority}, picked by territory order`);
        break;
      }
      case 'no-coordinates': {
        const skip = noCoordinates(p, f);
        text += text ? msg(str`; ${skip}`, { id: 'resolve-reason-then', desc: 'A further clause of the reason, after a semicolon' }) : capitalise(f, skip);
        break;
      }
      case 'none': {
        const name = p.excludedFrom;
        const none = text ? msg('; matches no territory') : msg('Matches no territory');
        text += name === undefined ? none : none + msg(str` (excluded from "${name}")`);
        break;
      }
    }
  }
  return text;
}
