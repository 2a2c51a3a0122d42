import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  .controls {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--tk-space-2, 0.5rem);
    margin-bottom: var(--tk-space-3, 0.75rem);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: var(--tk-space-1, 0.25rem);
    font-weight: 600;
  }
  input,
  select {
    font: inherit;
    min-height: var(--tk-target-size, 24px);
    padding: 0 var(--tk-space-1, 0.25rem);
    border: 1px solid var(--tk-color-border, #c9c9c9);
    border-radius: var(--tk-radius, 0.25rem);
    background: var(--tk-color-surface, #ffffff);
    color: inherit;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--tk-space-1, 0.25rem);
    border-bottom: 1px solid var(--tk-color-border, #c9c9c9);
    text-align: left;
  }
  .num {
    text-align: right;
  }
  td input[type='number'] {
    width: 100%;
    max-width: 9rem;
    text-align: right;
  }
  .over {
    color: var(--tk-color-error, #ba0517);
  }
  .ok {
    color: var(--tk-color-success, #2e844a);
  }
  .weak {
    color: var(--tk-color-text-weak, #5c5c5c);
  }
  .error {
    color: var(--tk-color-error, #ba0517);
  }
  [part~='fairness'] ul {
    margin: var(--tk-space-1, 0.25rem) 0;
    padding-left: 1.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tk-space-2, 0.5rem);
    align-items: center;
    margin-top: var(--tk-space-3, 0.75rem);
  }
  @container (max-width: 30rem) {
    .share {
      display: none;
    }
  }
`;
