import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  article {
    border: 1px solid var(--tk-color-border, #c9c9c9);
    border-radius: var(--tk-radius, 0.25rem);
    background: var(--tk-color-surface, #ffffff);
    box-shadow: var(--tk-shadow, 0 2px 2px 0 rgba(0, 0, 0, 0.1));
    padding: var(--tk-space-3, 0.75rem) var(--tk-space-4, 1rem);
  }
  h2 {
    margin: 0;
    font-size: var(--tk-font-size-large, 1rem);
  }
  h3 {
    margin: var(--tk-space-3, 0.75rem) 0 var(--tk-space-1, 0.25rem);
    font-size: var(--tk-font-size, 0.8125rem);
  }
  header p {
    margin: 0;
  }
  [part~='totals'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: var(--tk-space-2, 0.5rem);
    margin: var(--tk-space-3, 0.75rem) 0 0;
  }
  [part~='totals'] dt {
    color: var(--tk-color-text-weak, #5c5c5c);
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  [part~='totals'] dd {
    margin: 0;
    font-weight: 600;
  }
  .over {
    color: var(--tk-color-error, #ba0517);
  }
  .under {
    color: var(--tk-color-warning, #a35200);
  }
  ol {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  li {
    padding: 2px 0;
  }
  [part~='map'] {
    margin-top: var(--tk-space-3, 0.75rem);
    position: relative;
    overflow: hidden;
    contain: paint;
    border-radius: var(--tk-radius, 0.25rem);
  }
  /* Only the size: the map's own :host rules decide its display. */
  [part~='map'] ::slotted(*),
  tk-territory-map {
    height: var(--tk-card-map-height, 12rem);
    max-height: var(--tk-card-map-height, 12rem);
  }
  tk-territory-map:not(:defined) {
    display: none;
  }
  .account {
    margin: 0 0 var(--tk-space-3, 0.75rem);
    padding: var(--tk-space-2, 0.5rem);
    border-inline-start: 3px solid var(--tk-color-brand, #0176d3);
    background: var(--tk-color-surface-alt, #f3f3f3);
  }
  .account h3 {
    margin: 0;
  }
  .account p {
    margin: var(--tk-space-1, 0.25rem) 0 0;
  }
  .scroll {
    max-height: var(--tk-card-list-max-height, 16rem);
    overflow: auto;
  }
  .scroll:focus-visible {
    outline: none;
    box-shadow: var(--tk-focus-ring, 0 0 3px #0176d3);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--tk-space-1, 0.25rem);
    border-bottom: 1px solid var(--tk-color-track, #e5e5e5);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  th[scope='row'] {
    font-weight: 400;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--tk-color-surface, #ffffff);
  }
  th button {
    border: none;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: 600;
    padding: 0;
    min-height: var(--tk-target-size, 24px);
    cursor: pointer;
    text-align: inherit;
  }
  /* A date never breaks inside ("2026/1 | 0/30" in Japanese on a narrow card). */
  .date,
  .num {
    white-space: nowrap;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  tr.focus {
    background: var(--tk-color-surface-alt, #f3f3f3);
    box-shadow: inset 3px 0 0 var(--tk-color-brand, #0176d3);
    font-weight: 600;
  }
  button.more {
    margin-top: var(--tk-space-1, 0.25rem);
  }
`;
