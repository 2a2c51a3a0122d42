import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part~='list'] {
    list-style: none;
    margin: 0 0 var(--tk-space-3, 0.75rem);
    padding: 0;
  }
  [part~='list'] li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--tk-space-1, 0.25rem) var(--tk-space-2, 0.5rem);
    padding: var(--tk-space-2, 0.5rem);
    border: 1px solid var(--tk-color-border, #c9c9c9);
    border-radius: var(--tk-radius, 0.25rem);
    margin-bottom: var(--tk-space-1, 0.25rem);
    background: var(--tk-color-surface, #ffffff);
  }
  [part~='list'] li.active {
    border-inline-start: 4px solid var(--tk-color-brand, #0176d3);
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .note {
    flex-basis: 100%;
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  .badge {
    padding: 0 var(--tk-space-1, 0.25rem);
    border-radius: var(--tk-radius, 0.25rem);
    background: var(--tk-color-surface-alt, #f3f3f3);
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tk-space-1, 0.25rem);
    margin-inline-start: auto;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--tk-space-2, 0.5rem);
  }
  [part~='rebalance'] {
    margin: 0 0 var(--tk-space-3, 0.75rem);
  }
  input,
  select {
    font: inherit;
    min-height: var(--tk-target-size, 24px);
    color: var(--tk-color-text, #181818);
    background: var(--tk-color-surface, #ffffff);
    border: 1px solid var(--tk-color-border, #c9c9c9);
    border-radius: var(--tk-radius, 0.25rem);
  }
  input[type='number'] {
    width: 5rem;
  }
  .scroll {
    overflow-x: auto;
    margin: 0 0 var(--tk-space-3, 0.75rem);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0 0 var(--tk-space-1, 0.25rem);
  }
  th,
  td {
    text-align: start;
    padding: var(--tk-space-1, 0.25rem) var(--tk-space-2, 0.5rem);
    border-bottom: 1px solid var(--tk-color-border, #c9c9c9);
    vertical-align: top;
    white-space: nowrap;
  }
  tbody th {
    position: sticky;
    inset-inline-start: 0;
    background: var(--tk-color-surface, #ffffff);
  }
  thead th {
    white-space: normal;
    overflow-wrap: anywhere;
    min-width: 6rem;
  }
  .failed {
    color: var(--tk-color-error, #ba0517);
  }
  .ok {
    color: var(--tk-color-success, #2e844a);
  }
`;
