// A HubSpot CRM card (UI extension). Cards are React running in a sandboxed web worker with NO DOM,
// so territory-kit's custom elements cannot run inside the card itself. The card opens the planner
// page — which does have a DOM — in an iframe modal, passing the record's context in the URL.
// The page talks to HubSpot through your own proxy (demo/hubspot/proxy): the private-app token never
// reaches a browser.
import React from 'react';
import { Button, Flex, Text, hubspot } from '@hubspot/ui-extensions';

// Where you host demo/hubspot/page (its origin must be listed in app.json permittedUrls.iframe).
const PLANNER_URL = 'https://territories.example.com/hubspot/';

// The card's own words in the HubSpot user's language (the planner page it opens has its own catalogues).
const WORDS = {
  en: { owner: "Owner's territory", planning: 'Territory planning', about: "See this company's territory, its owner's workload and balance, and reassign accounts.", open: 'Open territory planner' },
  de: { owner: 'Gebiet des Inhabers', planning: 'Gebietsplanung', about: 'Gebiet dieses Unternehmens, Arbeitslast und Ausgleich seines Inhabers ansehen und Accounts neu zuweisen.', open: 'Gebietsplanung öffnen' },
  fr: { owner: 'Territoire du propriétaire', planning: 'Planification des territoires', about: 'Voir le territoire de cette entreprise, la charge et l’équilibre de son propriétaire, et réattribuer des comptes.', open: 'Ouvrir la planification des territoires' },
  ja: { owner: '所有者のテリトリー', planning: 'テリトリー計画', about: 'この会社のテリトリー、所有者の業務量とバランスを確認し、取引先を再割り当てします。', open: 'テリトリー計画を開く' },
};

/** @param {string | undefined} tag the user's language or locale (`de`, `fr-ca`, `ja-jp`) */
const wordsFor = (tag) => {
  const base = String(tag || '').toLowerCase().split(/[-_]/)[0];
  return base === 'de' || base === 'fr' || base === 'ja' ? WORDS[base] : WORDS.en;
};

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
  const words = wordsFor(context.user.language || context.user.locale);
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
      title: view === 'card' ? words.owner : words.planning,
      width: 1200,
      height: 860,
      flush: true,
    });
  };
  return (
    <Flex direction="column" gap="small">
      <Text>{words.about}</Text>
      <Flex direction="row" gap="small">
        <Button onClick={() => open('card')}>{words.owner}</Button>
        <Button variant="primary" onClick={() => open('planner')}>{words.open}</Button>
      </Flex>
    </Flex>
  );
}
