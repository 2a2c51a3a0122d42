import { LightningElement, api } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import TERRITORY_KIT from '@salesforce/resourceUrl/territoryKit';
import USER_ID from '@salesforce/user/Id';
import LANG from '@salesforce/i18n/lang';
import LOCALE from '@salesforce/i18n/locale';
import queryPage from '@salesforce/apex/TerritoryKitController.queryPage';
import updateRecords from '@salesforce/apex/TerritoryKitController.updateRecords';
import createRecords from '@salesforce/apex/TerritoryKitController.createRecords';
import deleteRecords from '@salesforce/apex/TerritoryKitController.deleteRecords';
import updateLockField from '@salesforce/apex/TerritoryKitController.updateLockField';
import describeFields from '@salesforce/apex/TerritoryKitController.describeFields';
import quotas from '@salesforce/apex/TerritoryKitController.quotas';

/**
 * Hosts territory-kit inside Lightning Experience.
 * - Loads the standalone bundle from the `territoryKit` static resource (loadScript: no CDN, CSP-safe).
 * - Switches territory-kit to closed shadow roots (Lightning Web Security supports only closed roots
 *   for third-party elements) before any element is created.
 * - Builds the Salesforce adapter on the Apex transport: JavaScript in Lightning cannot call the REST
 *   API with the page's session, so every query and write goes through TerritoryKitController.
 * - LWS forbids `new Worker`: the assignment panel is told `rebalance-worker="never"` (template), so
 *   rebalance runs in time-sliced chunks on the main thread, yielding to the page between slices
 *   (a few fixed steps still block longer at 100k accounts: BENCHMARKS.md, Responsiveness).
 *   (With 'auto' the engine would also fall back when constructing the Worker throws.)
 * - Language and formats follow the user's settings: `@salesforce/i18n/lang` (the user's language,
 *   $User.Language) becomes the provider's `language` (the words: German, French, Japanese, else
 *   English) and `@salesforce/i18n/locale` (the user's locale) its `locale` (numbers, money, dates), so
 *   an English-speaking user with a German locale reads English words with German number formats.
 * - On an Account record page, `recordId` becomes `focus-account` on the provider (the account is
 *   selected, so the panel recommends reps for it) and on the map (the view centres on it). On other
 *   pages, or when the plan does not hold that account, both ignore it and show the whole plan.
 */
export default class TerritoryKitPlanner extends LightningElement {
    @api recordId;
    @api view = 'planner';
    @api mode = 'owner';
    @api role = 'manager';
    @api tileUrl = '';
    @api mapHeight = 480;
    /** Account checkbox holding lock flags (empty: locks stay in the plan). */
    @api lockField = 'Territory_Locked__c';

    ready = false;
    error;
    adapter;

    get isPlanner() {
        return this.view !== 'card';
    }

    async connectedCallback() {
        try {
            await loadScript(this, `${TERRITORY_KIT}/territory-kit-salesforce.iife.js`);
            const TK = window.TerritoryKit;
            TK.setShadowRootMode('closed');
            this.adapter = TK.createSalesforceAdapter({
                mode: this.mode,
                ...(this.lockField ? { lockField: this.lockField } : {}),
                transport: TK.apexTransport({ queryPage, updateRecords, createRecords, deleteRecords, updateLockField, describeFields, quotas }, { userId: USER_ID }),
            });
            this.ready = true;
        } catch (e) {
            // The template shows the error instead of the spinner (lwc:if / lwc:elseif / lwc:else).
            this.ready = false;
            this.error = `territory-kit could not start: ${e && e.message ? e.message : e}`;
        }
    }

    renderedCallback() {
        if (!this.ready) return;
        // lwc:external elements get objects as properties, set after render; pass a DOM element, never an id.
        const provider = this.template.querySelector('tk-territory-provider');
        if (provider && provider.adapter !== this.adapter) {
            provider.adapter = this.adapter;
            provider.setAttribute('viewer-role', this.role);
            if (this.role === 'rep') provider.setAttribute('rep-id', USER_ID);
        }
        if (provider && provider.getAttribute('language') !== LANG) {
            provider.setAttribute('language', LANG);
            provider.setAttribute('locale', LOCALE);
        }
        if (provider && this.recordId && provider.getAttribute('focus-account') !== this.recordId) {
            provider.setAttribute('focus-account', this.recordId);
        }
        const card = this.template.querySelector('tk-territory-card');
        // The card view shows the running user's own territory.
        if (card && !card.getAttribute('rep-id')) card.setAttribute('rep-id', USER_ID);
        const map = this.template.querySelector('tk-territory-map');
        if (map) {
            map.style.height = `${Number(this.mapHeight) || 480}px`;
            // The offline basemap files ship in the static resource's assets/ folder.
            map.setAttribute('basemap-url', `${TERRITORY_KIT}/assets/`);
            if (this.tileUrl) map.setAttribute('tile-url', this.tileUrl);
            if (this.recordId) map.setAttribute('focus-account', this.recordId);
        }
    }
}
