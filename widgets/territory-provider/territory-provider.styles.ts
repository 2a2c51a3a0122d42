import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--tk-space-2, 0.5rem);
    margin: 0 0 var(--tk-space-2, 0.5rem);
    padding: var(--tk-space-2, 0.5rem) var(--tk-space-3, 0.75rem);
    border: 1px solid var(--tk-color-border, #c9c9c9);
    border-radius: var(--tk-radius, 0.25rem);
    background: var(--tk-color-surface, #ffffff);
  }
  [part~='error'] {
    border-color: var(--tk-color-error, #ba0517);
    color: var(--tk-color-error, #ba0517);
  }
  [part~='restore'] {
    border-left: 4px solid var(--tk-color-brand, #0176d3);
  }
  [part~='other-tab'] {
    border-left: 4px solid var(--tk-color-warning, #a35200);
  }
  [part~='progress'] progress {
    width: 12rem;
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--tk-space-2, 0.5rem);
    margin: 0 0 var(--tk-space-2, 0.5rem);
  }
  [part~='toolbar'] .count {
    margin-inline-end: auto;
    font-weight: 600;
  }
  details {
    margin: 0 0 var(--tk-space-2, 0.5rem);
  }
  summary {
    cursor: pointer;
    min-height: var(--tk-target-size, 24px);
    color: var(--tk-color-warning, #a35200);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  th,
  td {
    text-align: start;
    padding: var(--tk-space-1, 0.25rem) var(--tk-space-2, 0.5rem);
    border-bottom: 1px solid var(--tk-color-border, #c9c9c9);
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .failed {
    color: var(--tk-color-error, #ba0517);
  }
  .ok {
    color: var(--tk-color-success, #2e844a);
  }
`;
