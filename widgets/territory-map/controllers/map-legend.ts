import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { styleProps } from '../../shared/style-props.js';
import type { LegendEntry } from './coloring.js';

/** Entries at or above which the legend offers a search box. */
const SEARCH_FROM = 9;

export interface MapLegendOptions {
  /** The focused key (rep or territory id), or null. */
  focused(): string | null;
  /** Focus an entry (null clears); absent when the provider cannot focus this kind. */
  focus: ((key: string | null) => void) | null;
  format(n: number): string;
}

/**
 * The colour legend: collapsible, searchable from SEARCH_FROM entries, each entry a toggle that
 * focuses its rep or territory (the map dims the rest and fits it). Scales to 50+ reps.
 */
export class MapLegend implements ReactiveController {
  open = true;
  query = '';
  private readonly host: ReactiveControllerHost;
  private readonly options: MapLegendOptions;

  constructor(host: ReactiveControllerHost, options: MapLegendOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  render(entries: readonly LegendEntry[], kind: 'rep' | 'territory') {
    const o = this.options;
    const focused = o.focused();
    const title = kind === 'territory' ? msg('Territories') : msg('Reps');
    // The last entry (key '') is the accounts without a rep or territory: named in the UI language.
    const none = kind === 'territory' ? msg('No territory') : msg('Unassigned');
    entries = entries.map((e) => (e.key === '' ? { ...e, name: none } : e));
    const q = this.query.trim().toLowerCase();
    const shown = q ? entries.filter((e) => e.name.toLowerCase().includes(q)) : entries;
    const focusName = focused ? entries.find((e) => e.key === focused)?.name : undefined;
    return html`<details class="legend-box" part="legend" ?open=${this.open}
      @toggle=${(e: Event) => ((this.open = (e.target as HTMLDetailsElement).open), this.host.requestUpdate())}>
      <summary>${title} (${o.format(entries.length - 1)})${focusName ? html` · <span class="focus-name">${msg(str`focus: ${focusName}`)}</span>` : nothing}</summary>
      ${entries.length >= SEARCH_FROM
        ? html`<input type="search" class="legend-search" aria-label=${kind === 'territory' ? msg('Find a territory') : msg('Find a rep')} placeholder=${msg('Find…')}
            .value=${this.query} @input=${(e: Event) => ((this.query = (e.target as HTMLInputElement).value), this.host.requestUpdate())} />`
        : nothing}
      <ul class="legend" aria-label=${title}>
        ${shown.map((e) => {
          const swatch = html`<span class="swatch" aria-hidden="true" style=${styleProps({ background: e.color })}></span>`;
          const label = html`<span class="legend-name">${e.name}</span><span class="meta">${o.format(e.count)}</span>`;
          return html`<li>${o.focus && e.key
            ? html`<button type="button" class="legend-item" aria-pressed=${focused === e.key ? 'true' : 'false'}
                title=${focused === e.key ? msg('Show everyone') : msg('Focus: dim the rest and zoom to it')} @click=${() => o.focus!(focused === e.key ? null : e.key)}>${swatch}${label}</button>`
            : html`<span class="legend-item">${swatch}${label}</span>`}</li>`;
        })}
        ${q && !shown.length ? html`<li class="weak">${msg('No match')}</li>` : nothing}
      </ul>
    </details>`;
  }
}
