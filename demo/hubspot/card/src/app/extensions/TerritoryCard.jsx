// A HubSpot CRM card (UI extension). Cards are React running in a sandboxed web worker with NO DOM,
// so territory-kit's custom elements cannot run inside the card itself. The card opens the planner
// page — which does have a DOM — in an iframe modal, passing the record's context in the URL.
// The page talks to HubSpot through your own proxy (demo/hubspot/proxy): the private-app token never
// reaches a browser.
import React from 'react';
import { Button, Flex, Text, hubspot } from '@hubspot/ui-extensions';

// Where you host demo/hubspot/page (its origin must be listed in app.json permittedUrls.iframe).
const PLANNER_URL = 'https://territories.example.com/hubspot/';

// Typed (JSDoc) for the card's location in territory-card.json, so `npm test` type-checks it against
// the pinned @hubspot/ui-extensions (platform-checks/hubspot/tsconfig.json).
hubspot.extend(
  /** @param {import('@hubspot/ui-extensions').ExtensionPointApi<'crm.record.tab'>} api */
  ({ context, actions }) => <TerritoryCard context={context} actions={actions} />,
);

/**
 * @param {{
 *   context: import('@hubspot/ui-extensions').ExtensionPointApiContext<'crm.record.tab'>,
 *   actions: import('@hubspot/ui-extensions').ExtensionPointApiActions<'crm.record.tab'>,
 * }} props
 */
function TerritoryCard({ context, actions }) {
  /** @param {'card' | 'planner'} view */
  const open = (view) => {
    // What to show, not who is asking: the page's proxy checks its callers itself.
    const params = new URLSearchParams({ view, companyId: String(context.crm.objectId) });
    // The user's HubSpot language (the planner's words) and locale (its numbers, money and dates).
    const { language, locale } = context.user;
    if (language || locale) params.set('lang', language || locale || '');
    if (locale) params.set('locale', locale);
    actions.openIframeModal({
      uri: `${PLANNER_URL}?${params}`,
      title: view === 'card' ? "Owner's territory" : 'Territory planning',
      width: 1200,
      height: 860,
      flush: true,
    });
  };
  return (
    <Flex direction="column" gap="small">
      <Text>See this company's territory, its owner's workload and balance, and reassign accounts.</Text>
      <Flex direction="row" gap="small">
        <Button onClick={() => open('card')}>Owner's territory</Button>
        <Button variant="primary" onClick={() => open('planner')}>Open territory planner</Button>
      </Flex>
    </Flex>
  );
}
