// The owner-at-close notices (issue #14, earned vs owned) in the UI language: the Salesforce and HubSpot
// adapters say when closed deals are credited to their current owner; the provider words it in German
// and Japanese with the CRM's field names and error text as they are, and in English as the adapters do.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf } from '../helpers/mount.js';
import { smallLoad, testAdapter } from '../helpers/plan-fixture.js';
import { currentLanguage } from '../../widgets/shared/localize.js';
import type { LoadNotice } from '../../src/adapters/crm-adapter.js';
import { say } from '../../src/adapters/texts/adapter.js';

const lead = 'Closed opportunities are credited to their current owner, not to the owner when they closed';
// As the adapters give them (src/adapters/salesforce/owner-history.ts, hubspot/deal-owner-history.ts): the
// sentence as data from the catalogue, its English message as before, word for word.
const notices: LoadNotice[] = [
  { code: 'OWNER_NOT_TRACKED', topic: 'owner-history-unavailable', field: 'Opportunity.OwnerId', ...say('notice.owner-not-tracked') },
  { code: 'OWNER_HISTORY_UNREADABLE', topic: 'owner-history-unavailable', field: 'OpportunityFieldHistory.OldValue', ...say('notice.owner-history-field-unreadable', { field: 'OpportunityFieldHistory.OldValue' }) },
  { code: 'INVALID_FIELD', topic: 'owner-history-unavailable', field: 'OpportunityFieldHistory', detail: 'OpportunityFieldHistory.NewValue does not exist or is not readable for this user', ...say('notice.owner-history-unread', { why: 'OpportunityFieldHistory.NewValue does not exist or is not readable for this user' }) },
  { code: 'MISSING_SCOPES', topic: 'owner-history-unavailable', field: 'hubspot_owner_id', detail: 'HTTP 403: missing scopes', ...say('notice.deal-owner-history-unread', { why: say('net.http', { status: 403, detail: 'missing scopes' }) }) },
];
const english = [
  `${lead}: field history tracking is off for Opportunity Owner in this org`,
  `${lead}: OpportunityFieldHistory.OldValue is not readable for this user`,
  `${lead}: the opportunity owner history could not be read (OpportunityFieldHistory.NewValue does not exist or is not readable for this user)`,
  'Closed deals are credited to their current owner, not to the owner when they closed: the deal owner history could not be read (HTTP 403: missing scopes)',
];

async function noticesIn(locale: string): Promise<string[]> {
  const provider = await mountProvider(testAdapter('test:owner-history-notices', { ...smallLoad(), notices }), html``, { locale });
  await waitUntil(() => currentLanguage() === locale.slice(0, 2), `${locale} did not load`, { timeout: 10_000 });
  await waitUntil(() => rootOf(provider).querySelector('[part~=notices]'), 'the notices did not show', { timeout: 10_000 });
  await provider.updateComplete;
  return [...rootOf(provider).querySelectorAll('[part~=notices] p')].map((p) => (p.textContent ?? '').trim());
}

describe('<tk-territory-provider>: owner-at-close notices in the UI language', () => {
  it('words them in German, keeping field names and the CRM error', async () => {
    expect(await noticesIn('de-DE')).to.deep.equal([
      'Abgeschlossene Verkaufschancen zählen für ihren aktuellen Inhaber, nicht für den Inhaber beim Abschluss: Die Feldverlaufsverfolgung ist für den Opportunity-Inhaber in dieser Org ausgeschaltet',
      'Abgeschlossene Verkaufschancen zählen für ihren aktuellen Inhaber, nicht für den Inhaber beim Abschluss: OpportunityFieldHistory.OldValue ist für diesen Benutzer nicht lesbar',
      'Abgeschlossene Verkaufschancen zählen für ihren aktuellen Inhaber, nicht für den Inhaber beim Abschluss: Der Inhaberverlauf der Verkaufschancen konnte nicht gelesen werden (OpportunityFieldHistory.NewValue does not exist or is not readable for this user)',
      'Abgeschlossene Deals zählen für ihren aktuellen Eigentümer, nicht für den Eigentümer beim Abschluss: Der Eigentümerverlauf der Deals konnte nicht gelesen werden (HTTP 403: missing scopes)',
    ]);
  });

  it('in Japanese', async () => {
    const shown = await noticesIn('ja-JP');
    expect(shown[0]).to.equal('完了した商談は、完了時の所有者ではなく現在の所有者に計上されています: この組織では商談所有者の項目履歴管理がオフになっています');
    expect(shown[3]).to.equal('完了した取引は、完了時の所有者ではなく現在の所有者に計上されています: 取引の所有者の履歴を読み取れませんでした（HTTP 403: missing scopes）');
  });

  it('in English as the adapters word them, word for word as before', async () => {
    expect(notices.map((n) => n.message)).to.deep.equal(english);
    expect(await noticesIn('en-US')).to.deep.equal(english);
  });
});
