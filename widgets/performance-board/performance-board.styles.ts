import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    overflow-x: auto;
  }
  .groups {
    display: flex;
    gap: var(--tk-space-1, 0.25rem);
    margin: 0 0 var(--tk-space-2, 0.5rem);
  }
  button[aria-pressed='true'] {
    background: var(--tk-color-brand, #0176d3);
    border-color: var(--tk-color-brand, #0176d3);
    color: var(--tk-color-brand-text, #ffffff);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    background: var(--tk-color-surface, #ffffff);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0 0 var(--tk-space-1, 0.25rem);
  }
  th,
  td {
    padding: var(--tk-space-1, 0.25rem) var(--tk-space-2, 0.5rem);
    border-bottom: 1px solid var(--tk-color-border, #c9c9c9);
    text-align: end;
    white-space: nowrap;
  }
  th:first-child,
  td:first-child,
  td.flags {
    text-align: start;
  }
  td.flags {
    white-space: normal;
    min-width: 9rem;
  }
  td.attain {
    white-space: normal;
  }
  td.attain .amounts {
    white-space: nowrap;
  }
  .flag .basis {
    display: block;
  }
  thead th {
    background: var(--tk-color-surface-alt, #f3f3f3);
    font-weight: 600;
  }
  th button {
    border: none;
    background: none;
    color: inherit;
    font-weight: inherit;
    padding: 0 var(--tk-space-1, 0.25rem);
    width: 100%;
    text-align: inherit;
  }
  .up {
    color: var(--tk-color-success, #2e844a);
  }
  .down {
    color: var(--tk-color-error, #ba0517);
  }
  .flag {
    display: inline-block;
    margin-inline-end: var(--tk-space-1, 0.25rem);
    padding: 0 var(--tk-space-1, 0.25rem);
    border-radius: var(--tk-radius, 0.25rem);
    border: 1px solid currentColor;
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  .flag.under,
  .flag.overloaded {
    color: var(--tk-color-error, #ba0517);
  }
  .flag.over {
    color: var(--tk-color-success, #2e844a);
  }
  svg {
    vertical-align: middle;
  }
  .chart-track {
    fill: var(--tk-color-track, #e5e5e5);
  }
  .chart-bar {
    fill: var(--tk-color-brand, #0176d3);
  }
  .chart-bar.under {
    fill: var(--tk-color-error, #ba0517);
  }
  .chart-target {
    stroke: var(--tk-color-text, #181818);
    stroke-width: 2;
  }
  caption .note {
    display: block;
    font-weight: 400;
    font-size: var(--tk-font-size-small, 0.75rem);
    color: var(--tk-color-text-weak, #5c5c5c);
  }
  .flag .basis {
    font-weight: 400;
  }
`;
