// Mounts a <tk-territory-provider> around some widgets with an adapter, and waits for the load.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../widgets/index.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.component.js';
import type { CrmAdapter } from '../../src/adapters/crm-adapter.js';

export interface MountOptions {
  /** viewer-role attribute */
  role?: 'admin' | 'manager' | 'rep';
  repId?: string;
  locale?: string;
}

/**
 * Renders `<tk-territory-provider>` with `children` inside, no storage, and resolves once the plan
 * has loaded (or failed) and every child has rendered.
 */
export async function mountProvider(adapter: CrmAdapter, children: TemplateResult, options: MountOptions = {}): Promise<TkTerritoryProvider> {
  const el = await fixture<TkTerritoryProvider>(html`<tk-territory-provider
    .storage=${null}
    .adapter=${adapter}
    viewer-role=${options.role ?? 'admin'}
    rep-id=${options.repId ?? ''}
    locale=${options.locale ?? 'en-US'}
    >${children}</tk-territory-provider
  >`);
  if (!options.repId) el.removeAttribute('rep-id');
  await waitUntil(() => el.state.status === 'ready' || el.state.status === 'error', 'the provider did not finish loading', { timeout: 10_000 });
  await settle(el);
  return el;
}

/** Waits for the element and every Lit element under it (light DOM) to finish updating. */
export async function settle(root: Element): Promise<void> {
  const els = [root, ...root.querySelectorAll('*')] as (Element & { updateComplete?: Promise<unknown> })[];
  await Promise.all(els.map((e) => e.updateComplete));
  await Promise.all(els.map((e) => e.updateComplete));
}

/** The render root (open or closed) of a Lit element. */
export function rootOf(el: Element): ShadowRoot {
  return ((el as Element & { renderRoot?: ShadowRoot }).renderRoot ?? el.shadowRoot)!;
}
