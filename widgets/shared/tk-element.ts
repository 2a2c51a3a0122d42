import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { LOCALE_STATUS_EVENT, type LocaleStatusEventDetail } from '@lit/localize';
import { formatters, type Formatters } from './format.js';
import { shadowRootOptions } from './shadow-root.js';
import { useLanguage, usePageLanguage } from './localize.js';

/**
 * Base class of the territory-kit elements: shared `locale`, `currency` and `theme` attributes,
 * Intl formatters for them, and the shared shadow-root options (see `setShadowRootMode`).
 */
export class TkElement extends LitElement {
  static override shadowRootOptions = shadowRootOptions;

  static override properties: PropertyDeclarations = {
    locale: { type: String },
    language: { type: String },
    currency: { type: String },
    theme: { type: String, reflect: true },
    uiLanguage: { state: true },
  };

  /**
   * BCP 47 locale for numbers, currency and dates; default the nearest ancestor's `locale` attribute
   * (e.g. on `<tk-territory-provider>`, read at render time), then the document's `lang`, then the
   * browser's.
   */
  declare locale: string | undefined;
  /**
   * The UI language of the words (`de`, `fr-CA`, `ja`, or a Salesforce language key such as `de` or
   * `en_US`), when it differs from `locale` — e.g. Salesforce's `@salesforce/i18n/lang` here and
   * `@salesforce/i18n/locale` in `locale`. Default: the element's `locale`, then the nearest ancestor's
   * `language` or `locale`, then the document's `lang`, then the browser's. One language per page.
   */
  declare language: string | undefined;
  /** ISO 4217 currency code for potential, pipeline and quota. Default `USD`. */
  declare currency: string;
  /** `dark` switches to the dark token set; anything else is the default (light) look. */
  declare theme: string | undefined;
  /**
   * @internal The UI language the element last rendered in; set when a catalogue has loaded, so a
   * language change re-renders past any `shouldUpdate`.
   */
  declare uiLanguage: string | undefined;

  private readonly onLanguage = (e: Event): void => {
    const detail = (e as CustomEvent<LocaleStatusEventDetail>).detail;
    if (detail.status === 'ready') this.uiLanguage = detail.readyLocale;
  };

  constructor() {
    super();
    this.currency = 'USD';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(LOCALE_STATUS_EVENT, this.onLanguage);
    // The UI language (msg() strings): this element's or an ancestor's `language` or `locale`, else the page's.
    const from = this.parentElement?.closest('[language],[locale]');
    const inherited = this.language || this.locale || from?.getAttribute('language') || from?.getAttribute('locale');
    void (inherited ? useLanguage(inherited) : usePageLanguage());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(LOCALE_STATUS_EVENT, this.onLanguage);
  }

  protected override update(changed: PropertyValues): void {
    if ((changed.has('locale') || changed.has('language')) && (this.language || this.locale) && this.isConnected) void useLanguage(this.language || this.locale);
    super.update(changed);
  }

  /** Formatters for this element's locale and currency. */
  protected get fmt(): Formatters {
    const locale = this.locale || this.parentElement?.closest('[locale]')?.getAttribute('locale') || undefined;
    return formatters(locale, this.currency);
  }
}
