// The reason under the card's focused account (why it falls in its territory, from resolveTerritories'
// reasonParts) in the UI language (issue #14): German clauses with the territory names, the CRM's
// industry and the rule's numbers as they are; in English the engine's own sentence.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf, settle } from '../helpers/mount.js';
import { account, rep, testAdapter } from '../helpers/plan-fixture.js';
import { currentLanguage } from '../../widgets/shared/localize.js';
import type { LoadResult } from '../../src/adapters/crm-adapter.js';
import type { Territory } from '../../src/model/index.js';

const square = {
  type: 'Polygon' as const,
  coordinates: [[[-101, 39], [-99, 39], [-99, 41], [-101, 41], [-101, 39]]] as [number, number][][],
};

function load(): LoadResult {
  const territories: Territory[] = [
    { id: 'w', name: 'West', repIds: ['r1'], priority: 0, definition: { geometry: square, rules: { industries: ['Retail'] } } },
    { id: 'e', name: 'East', repIds: ['r2'], priority: 0, definition: { geometry: square } },
    { id: 'b', name: 'Big', repIds: ['r2'], priority: 1, definition: { rules: { employees: { min: 100 } } } },
  ];
  return {
    accounts: [account('a1', 'r1', { industry: 'Retail' }), account('a2', 'r2', { employees: 500 }), account('a3', null)],
    reps: [rep('r1', 'Ana Ruiz'), rep('r2', 'Ben Cole')],
    territories,
    rejected: [],
  };
}

/** The focused account's reason once the card's details (with the wording) have loaded. */
async function reasonIn(locale: string, focus: string): Promise<string> {
  const provider = await mountProvider(testAdapter('test:why', load()), html`<tk-territory-card focus-account=${focus}></tk-territory-card>`, { locale });
  await waitUntil(() => currentLanguage() === locale.slice(0, 2), `${locale} did not load`, { timeout: 10_000 });
  const card = provider.querySelector('tk-territory-card')!;
  const why = () => (rootOf(card).querySelector('.why')?.textContent ?? '').trim();
  await waitUntil(() => why() && why() !== '…', 'the reason did not show', { timeout: 10_000 });
  await settle(provider);
  return why();
}

describe('<tk-territory-card>: the focused account territory reason in the UI language', () => {
  it('words a polygon match with rules and an overlap in German, CRM values untranslated', async () => {
    expect(await reasonIn('de-DE', 'a1')).to.equal('Im Polygon von „West“, mit Branche Retail; überschneidet sich mit „East“ bei Priorität 0, nach Gebietsreihenfolge gewählt');
  });

  it('words a rules-only match in German and in French', async () => {
    expect(await reasonIn('de-DE', 'a2')).to.equal('Mitarbeiterzahl ≥ 100 (Regeln von „Big“)');
    expect(await reasonIn('fr-FR', 'a2')).to.match(/≥ 100 \(règles de « Big »\)$/);
  });

  it('in English shows the engine reason word for word', async () => {
    expect(await reasonIn('en-US', 'a1')).to.equal('Inside the "West" polygon, with industry Retail; overlaps "East" at priority 0, picked by territory order');
    expect(await reasonIn('en-US', 'a2')).to.equal('Employees ≥ 100 (rules of "Big")');
  });
});
