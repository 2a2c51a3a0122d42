import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  p {
    margin: var(--tk-space-1, 0.25rem) 0;
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
  }
  th[scope='row'] {
    font-weight: 400;
  }
  tr.editing {
    background: var(--tk-color-surface-alt, #f3f3f3);
  }
  /* Short figures and their headers stay on one line (Japanese headers broke into one character a line). */
  .num {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .actions {
    white-space: nowrap;
  }
  .swatch {
    display: inline-block;
    width: 0.75rem;
    height: 0.75rem;
    margin-inline-end: var(--tk-space-1, 0.25rem);
    border-radius: 2px;
    vertical-align: middle;
    border: 1px solid var(--tk-color-border, #c9c9c9);
  }
  .warn,
  .error {
    color: var(--tk-color-error, #ba0517);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--tk-space-2, 0.5rem);
    margin: var(--tk-space-2, 0.5rem) 0;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    gap: var(--tk-space-2, 0.5rem);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  fieldset {
    margin: var(--tk-space-2, 0.5rem) 0;
    border: 1px solid var(--tk-color-border, #c9c9c9);
    border-radius: var(--tk-radius, 0.25rem);
  }
  legend {
    font-weight: 600;
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
  input:focus-visible,
  select:focus-visible {
    outline: none;
    box-shadow: var(--tk-focus-ring, 0 0 3px #0176d3);
  }
  ul {
    margin: var(--tk-space-1, 0.25rem) 0;
    padding-inline-start: var(--tk-space-4, 1rem);
  }
  li {
    margin: 2px 0;
  }
`;
