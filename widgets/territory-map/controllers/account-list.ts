import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { L } from '../leaflet.js';
import type { SelectMode } from '../../../src/store/types.js';
import { styleProps } from '../../shared/style-props.js';
import { same } from '../../shared/same.js';
import type { AccountIndex } from './account-index.js';

/** Options rendered in the keyboard list at most (the rest are counted). */
const LIST_LIMIT = 100;

export interface AccountListOptions {
  map(): L.Map | null;
  ix(): AccountIndex | null;
  selected(): Uint8Array;
  /** Colour of the account at an index position (its swatch). */
  colorOf(i: number): string;
  format(n: number): string;
  select(ids: string[], mode: SelectMode): void;
  selectAllInView(): void;
  /** The element the list renders in (to scroll the active option into view). */
  root(): ParentNode;
}

/**
 * The keyboard-operable listbox of the accounts in view (selected ones first): arrows, Home/End and
 * Page keys move, Space toggles, Enter selects, Escape clears, Ctrl/Cmd+A selects all in view.
 */
export class AccountList implements ReactiveController {
  /** Index positions listed. */
  items: number[] = [];
  /** Accounts in view (may exceed the listed ones). */
  total = 0;
  active = -1;
  private readonly host: ReactiveControllerHost;
  private readonly options: AccountListOptions;

  constructor(host: ReactiveControllerHost, options: AccountListOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Recomputes the accounts in view (after a move or a data change). */
  update(): void {
    const map = this.options.map();
    const ix = this.options.ix();
    if (!map || !ix) return;
    const b = map.getBounds();
    const w = b.getWest(), e = b.getEast(), s = b.getSouth(), n = b.getNorth();
    const { lng, lat } = ix;
    const selected = this.options.selected();
    // One pass over the typed arrays (cheaper than a range query plus a sort at 50k in view).
    const picked: number[] = [];
    const rest: number[] = [];
    let total = 0;
    for (let i = 0, len = lng.length; i < len; i++) {
      const x = lng[i];
      const y = lat[i];
      if (x < w || x > e || y < s || y > n) continue;
      total++;
      if (selected[i]) {
        if (picked.length < LIST_LIMIT) picked.push(i);
      } else if (rest.length < LIST_LIMIT) rest.push(i);
    }
    for (const i of rest) {
      if (picked.length >= LIST_LIMIT) break;
      picked.push(i);
    }
    this.total = total;
    if (!same(picked, this.items)) {
      const activeAccount = this.items[this.active];
      this.items = picked;
      this.active = activeAccount === undefined ? -1 : picked.indexOf(activeAccount);
    }
  }

  private move(e: KeyboardEvent, to: number): void {
    e.preventDefault();
    this.active = Math.max(0, Math.min(this.items.length - 1, to));
    this.host.requestUpdate();
    this.host.updateComplete.then(() => this.options.root().querySelector('.option.active')?.scrollIntoView({ block: 'nearest' }));
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    const ix = this.options.ix();
    if (!ix) return;
    const a = this.active;
    const keys: Record<string, number> = { ArrowDown: a + 1, ArrowUp: a - 1, Home: 0, End: this.items.length - 1, PageDown: a + 10, PageUp: a - 10 };
    if (e.key in keys) return this.move(e, keys[e.key]);
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      const i = this.items[a];
      if (i !== undefined) this.options.select([ix.accounts[i].id], e.key === 'Enter' && !e.shiftKey ? 'replace' : e.shiftKey ? 'add' : 'toggle');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.options.select([], 'replace');
    } else if (e.key === 'a' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.options.selectAllInView();
    }
  };

  private readonly onFocus = (): void => {
    if (this.active < 0 && this.items.length) {
      this.active = 0;
      this.host.requestUpdate();
    }
  };

  private onOptionClick(k: number): void {
    this.active = k;
    const i = this.items[k];
    const ix = this.options.ix();
    if (i !== undefined && ix) this.options.select([ix.accounts[i].id], 'toggle');
    this.host.requestUpdate();
  }

  render() {
    const ix = this.options.ix();
    const selected = this.options.selected();
    const active = this.active;
    const activeId = active >= 0 && this.items[active] !== undefined ? `tk-opt-${this.items[active]}` : undefined;
    return html`<ul class="list" part="list" role="listbox" tabindex="0" aria-multiselectable="true" aria-label=${msg('Accounts in view')}
      aria-activedescendant=${activeId ?? nothing} @keydown=${this.onKeyDown} @focus=${this.onFocus}>
      ${ix
        ? this.items.map((i, k) => {
            const a = ix.accounts[i];
            return html`<li id=${`tk-opt-${i}`} class=${k === active ? 'option active' : 'option'} role="option"
              aria-selected=${selected[i] ? 'true' : 'false'} @click=${() => this.onOptionClick(k)}>
              <span class="check" aria-hidden="true"></span><span class="swatch" aria-hidden="true" style=${styleProps({ background: this.options.colorOf(i) })}></span
              ><span class="name">${a.name}</span><span class="meta">${this.options.format(a.potential)}</span>
            </li>`;
          })
        : nothing}
    </ul>`;
  }
}
