import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .controls,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tk-space-2, 0.5rem);
    align-items: end;
    margin-bottom: var(--tk-space-2, 0.5rem);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: var(--tk-space-1, 0.25rem);
    font-weight: 600;
  }
  select {
    font: inherit;
    min-height: var(--tk-target-size, 24px);
    border: 1px solid var(--tk-color-border, #c9c9c9);
    border-radius: var(--tk-radius, 0.25rem);
    background: var(--tk-color-surface, #ffffff);
    color: inherit;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin-bottom: var(--tk-space-3, 0.75rem);
  }
  th,
  td {
    padding: var(--tk-space-1, 0.25rem);
    border-bottom: 1px solid var(--tk-color-border, #c9c9c9);
    text-align: left;
    vertical-align: top;
  }
  .num {
    text-align: right;
  }
  .scroll {
    max-height: var(--tk-panel-list-max-height, 20rem);
    overflow: auto;
    margin-bottom: var(--tk-space-3, 0.75rem);
  }
  .scroll table {
    margin-bottom: 0;
  }
  .scroll:focus-visible {
    outline: none;
    box-shadow: var(--tk-focus-ring, 0 0 3px #0176d3);
  }
  .controls select {
    max-width: 100%;
  }
  input[type='number'] {
    font: inherit;
    min-height: var(--tk-target-size, 24px);
    width: 8rem;
    max-width: 100%;
    border: 1px solid var(--tk-color-border, #c9c9c9);
    border-radius: var(--tk-radius, 0.25rem);
    background: var(--tk-color-surface, #ffffff);
    color: inherit;
  }
  .hint {
    margin-top: 0;
  }
  .held ul {
    margin: 0 0 var(--tk-space-3, 0.75rem);
    padding-inline-start: var(--tk-space-4, 1rem);
  }
  .held .name {
    font-weight: 600;
  }
  .km {
    white-space: nowrap;
  }
  .weak,
  .reason {
    color: var(--tk-color-text-weak, #5c5c5c);
  }
  .over {
    color: var(--tk-color-error, #ba0517);
  }
  .ok {
    color: var(--tk-color-success, #2e844a);
  }
  @container (max-width: 30rem) {
    .wide {
      display: none;
    }
  }
`;
