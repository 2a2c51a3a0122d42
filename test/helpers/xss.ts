// A reusable XSS check: poison every CRM text field with HTML/script payloads, render, and assert that
// nothing executed and no <img>/<script> element was created from them in any (shadow) root.
import type { LoadResult } from '../../src/adapters/crm-adapter.js';
import type { Account, Rep, Territory } from '../../src/model/index.js';

/** Payloads that would run `window.__xss = 1` if they reached an HTML sink. */
export const XSS_PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=1</script>',
  '"><img src=x onerror=window.__xss=1>',
] as const;

const marker = (payload: string, i: number) => `${payload}#${i}`;

/**
 * A copy of a load result with a payload in every CRM text field: account names, industries,
 * regions, custom-field keys and values, rep names, emails and skills, territory names, and
 * rejection ids, fields and reasons. Ids stay usable (payload appended to names only) so that
 * widgets still find their records.
 */
export function poisonLoad(data: LoadResult, payload: string = XSS_PAYLOADS[0]): LoadResult {
  let i = 0;
  const p = () => marker(payload, i++);
  const accounts: Account[] = data.accounts.map((a) => ({
    ...a,
    name: p(),
    industry: p(),
    regions: [...(a.regions ?? []), p()],
    fields: { ...(a.fields ?? {}), [p()]: p(), Notes__c: p() },
  }));
  const reps: Rep[] = data.reps.map((r) => ({ ...r, name: p(), email: p(), skills: [...r.skills, p()] }));
  const territories: Territory[] = data.territories.map((t) => ({ ...t, name: p() }));
  const rejected = [
    ...data.rejected,
    { kind: 'account' as const, index: 99, id: p(), field: p(), reason: p(), problems: [{ field: p(), reason: p() }] },
    { kind: 'rep' as const, index: 98, field: 'name', reason: p(), problems: [{ field: 'name', reason: p() }] },
  ];
  return { accounts, reps, territories, rejected };
}

/** Every element in a root and, recursively, in the open shadow roots and Lit render roots under it. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      const lit = (el as Element & { renderRoot?: Element | ShadowRoot }).renderRoot;
      const shadow = el.shadowRoot ?? (lit && lit !== el ? (lit as ShadowRoot) : null);
      if (shadow) visit(shadow);
    }
  };
  if (root instanceof Element) {
    out.push(root);
    const lit = (root as Element & { renderRoot?: Element | ShadowRoot }).renderRoot;
    const shadow = root.shadowRoot ?? (lit && lit !== root ? (lit as ShadowRoot) : null);
    if (shadow) visit(shadow);
  }
  visit(root);
  return out;
}

/** All text under a root, shadow roots included. */
export function deepText(root: Element): string {
  return deepElements(root)
    .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? ''))
    .join(' ');
}

/**
 * Asserts that no payload executed and no payload-made element exists under `root`: no <script> at
 * all in shadow roots, and no <img> (or any element) with an inline `on*` handler or `src="x"`.
 * Waits `settleMs` first so that a broken image would have fired `onerror`.
 */
export async function assertNoXss(root: Element, settleMs = 100): Promise<void> {
  await new Promise((r) => setTimeout(r, settleMs));
  if ((window as unknown as { __xss?: unknown }).__xss !== undefined) throw new Error('an XSS payload executed (window.__xss is set)');
  for (const el of deepElements(root)) {
    if (el === root) continue;
    const tag = el.localName;
    if (tag === 'script') throw new Error('a <script> element was created inside the widget tree');
    if (tag === 'img' && el.getAttribute('src') === 'x') throw new Error('an <img src=x> from a payload was created');
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith('on')) throw new Error(`<${tag}> carries an inline ${attr} handler`);
    }
  }
}
