import { LitElement, type PropertyDeclarations } from 'lit';
import { formatters, type Formatters } from './format.js';
import { shadowRootOptions } from './shadow-root.js';

/**
 * Base class of the territory-kit elements: shared `locale`, `currency` and `theme` attributes,
 * Intl formatters for them, and the shared shadow-root options (see `setShadowRootMode`).
 */
export class TkElement extends LitElement {
  static override shadowRootOptions = shadowRootOptions;

  static override properties: PropertyDeclarations = {
    locale: { type: String },
    currency: { type: String },
    theme: { type: String, reflect: true },
  };

  /**
   * BCP 47 locale for numbers, currency and dates; default the nearest ancestor's `locale` attribute
   * (e.g. on `<tk-territory-provider>`, read at render time), then the document's `lang`, then the
   * browser's.
   */
  declare locale: string | undefined;
  /** ISO 4217 currency code for potential, pipeline and quota. Default `USD`. */
  declare currency: string;
  /** `dark` switches to the dark token set; anything else is the default (light) look. */
  declare theme: string | undefined;

  constructor() {
    super();
    this.currency = 'USD';
  }

  /** Formatters for this element's locale and currency. */
  protected get fmt(): Formatters {
    const locale = this.locale || this.parentElement?.closest('[locale]')?.getAttribute('locale') || undefined;
    return formatters(locale, this.currency);
  }
}
