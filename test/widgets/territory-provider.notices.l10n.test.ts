// The provider's load notices in the UI language (issue #14): known codes worded in German with the
// CRM's field names and Salesforce's own error detail as they are; an unknown code keeps the adapter's
// English message.
import { expect, html, waitUntil } from '@open-wc/testing';
import { mountProvider, rootOf } from '../helpers/mount.js';
import { smallLoad, testAdapter } from '../helpers/plan-fixture.js';
import { currentLanguage } from '../../widgets/shared/localize.js';
import type { LoadNotice } from '../../src/adapters/crm-adapter.js';
import { say } from '../../src/adapters/texts/adapter.js';

// As the adapters word them (src/adapters/salesforce/load.ts, save-quota.ts; hubspot/load.ts).
const notices: LoadNotice[] = [
  { code: 'FORECASTING_DISABLED', field: 'ForecastingQuota', message: 'Quotas stay in the plan (and export as CSV): Collaborative Forecasts is not enabled in this Salesforce org (there is no ForecastingQuota object)' },
  { code: 'INVALID_FIELD', field: 'Account.Locked__c', topic: 'lock-field-unreadable', detail: "No such column 'Locked__c' on entity 'Account'", message: "Lock flags are not loaded from Salesforce: Account.Locked__c is not readable for this user (No such column 'Locked__c' on entity 'Account'); locks stay in this plan" },
  { code: 'DEALS_WITHOUT_COMPANY', field: 'deals', count: 3, ...say('notice.deals-without-company', { count: 3 }) },
  { code: 'SOMETHING_NEW', message: 'Something new was left out' },
];

async function noticesIn(locale: string): Promise<string[]> {
  const provider = await mountProvider(testAdapter('test:notices', { ...smallLoad(), notices }), html``, { locale });
  await waitUntil(() => currentLanguage() === locale.slice(0, 2), `${locale} did not load`, { timeout: 10_000 });
  await waitUntil(() => rootOf(provider).querySelector('[part~=notices]'), 'the notices did not show', { timeout: 10_000 });
  await provider.updateComplete;
  return [...rootOf(provider).querySelectorAll('[part~=notices] p')].map((p) => (p.textContent ?? '').trim());
}

describe('<tk-territory-provider>: load notices in the UI language', () => {
  it('words known notices in German, keeps field names and the CRM error, falls back to English for an unknown code', async () => {
    expect(await noticesIn('de-DE')).to.deep.equal([
      'Quoten bleiben im Plan (und lassen sich als CSV exportieren): Collaborative Forecasts ist in dieser Salesforce-Org nicht aktiviert.',
      "Sperren werden nicht aus Salesforce geladen: Account.Locked__c ist für diesen Benutzer nicht lesbar (No such column 'Locked__c' on entity 'Account'); Sperren bleiben in diesem Plan",
      '3 Deals haben kein zugeordnetes Unternehmen und fehlen in der Gewonnen-Historie',
      'Something new was left out',
    ]);
  });

  it('in English words the lock and deals notices as the adapters do', async () => {
    const shown = await noticesIn('en-US');
    expect(shown[1]).to.equal(notices[1].message);
    expect(shown[2]).to.equal('3 deals have no associated company and are left out of the earned history');
  });
});
