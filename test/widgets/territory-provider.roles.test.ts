// Issue #13 item 7: a mistyped role never becomes admin. Unknown values of `viewer-role` or `role`
// fail closed (read-only, as the rep view), with a console warning; the weaker of two roles wins.
import { expect, waitUntil } from '@open-wc/testing';
import '../../widgets/territory-provider/territory-provider.js';
import type { TkTerritoryProvider } from '../../widgets/territory-provider/territory-provider.js';
import { testAdapter } from '../helpers/plan-fixture.js';

async function mount(attrs: Record<string, string>): Promise<{ el: TkTerritoryProvider; warnings: string[] }> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  const el = document.createElement('tk-territory-provider');
  try {
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    el.storage = null;
    el.adapter = testAdapter();
    document.body.append(el);
    await waitUntil(() => el.state.status === 'ready', 'provider did not load');
    await el.updateComplete;
  } finally {
    console.warn = warn;
  }
  return { el, warnings };
}

describe('<tk-territory-provider> viewer roles', () => {
  afterEach(() => document.querySelectorAll('tk-territory-provider').forEach((e) => e.remove()));

  const unknown: Record<string, string>[] = [
    { 'viewer-role': 'Rep' },
    { 'viewer-role': 'REP' },
    { 'viewer-role': 'rep ' },
    { 'viewer-role': 'viewer' },
    { 'viewer-role': 'Admin' },
    { 'viewer-role': '' },
    { 'viewer-role': '', role: 'rep' },
    { role: 'region' },
  ];
  for (const attrs of unknown) {
    it(`${JSON.stringify(attrs)} is read-only, never admin, with a warning`, async () => {
      const { el, warnings } = await mount(attrs);
      expect(el.effectiveRole).to.equal('rep');
      expect(el.state.role).to.equal('rep');
      expect(el.actions.assign(['a1'], 'r2')).to.equal(false);
      expect(await el.actions.save()).to.deep.equal([]);
      expect((el.renderRoot as ShadowRoot).querySelector('[part~=toolbar]')).to.equal(null);
      const expectWarning = Object.values(attrs).some((v) => !['admin', 'manager', 'rep'].includes(v));
      if (expectWarning) expect(warnings.join('\n')).to.match(/unknown viewer role .*: read-only/);
    });
  }

  it('the weaker of viewer-role and role wins; the exact names still work; none given is admin', async () => {
    expect((await mount({ 'viewer-role': 'admin', role: 'rep' })).el.state.role).to.equal('rep');
    expect((await mount({ 'viewer-role': 'manager', role: 'admin' })).el.state.role).to.equal('manager');
    const manager = await mount({ 'viewer-role': 'manager' });
    expect(manager.el.state.role).to.equal('manager');
    expect(manager.warnings).to.deep.equal([]);
    expect(manager.el.actions.assign(['a1'], 'r2')).to.equal(true);
    expect((await mount({})).el.state.role).to.equal('admin');
  });

  it('a role changed at run time to a mistyped value turns the plan read-only', async () => {
    const { el } = await mount({ 'viewer-role': 'admin' });
    expect(el.actions.assign(['a1'], 'r2')).to.equal(true);
    el.setAttribute('viewer-role', 'Admin ');
    await el.updateComplete;
    expect(el.state.role).to.equal('rep');
    expect(el.actions.assign(['a2'], 'r2')).to.equal(false);
  });
});
