import { css } from 'lit';

/**
 * Styles of the panel's on-demand parts (recommended reps, the alert list and its settings, the bulk
 * assignment's confirmation box): shipped in their chunk and added to the panel's shadow root with it.
 */
export const laterStyles = css`
  [part~='recommendations'] {
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--tk-space-2, 0.5rem);
  }
  [part~='recommendation'] {
    padding: var(--tk-space-2, 0.5rem);
    border: 1px solid var(--tk-color-border, #c9c9c9);
    border-radius: var(--tk-radius, 0.25rem);
  }
  .rec-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--tk-space-2, 0.5rem);
  }
  .rec-head .name {
    font-weight: 600;
  }
  .rec-head button {
    margin-inline-start: auto;
  }
  .score {
    font-variant-numeric: tabular-nums;
  }
  .alerts {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--tk-space-1, 0.25rem);
  }
  .alerts li {
    min-width: 0;
  }
  button.alert {
    display: block;
    width: 100%;
    overflow-wrap: anywhere;
    text-align: start;
    color: var(--tk-color-text, #181818);
    padding: var(--tk-space-1, 0.25rem) var(--tk-space-2, 0.5rem);
  }
  .severity {
    text-transform: uppercase;
    font-size: var(--tk-font-size-small, 0.75rem);
    font-weight: 600;
  }
  .records {
    display: block;
    color: var(--tk-color-text-weak, #5c5c5c);
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  .confirm {
    margin: var(--tk-space-2, 0.5rem) 0;
    padding: var(--tk-space-2, 0.5rem);
    border: 2px solid var(--tk-color-warning, #a35200);
    border-radius: var(--tk-radius, 0.25rem);
    background: var(--tk-color-surface-alt, #f3f3f3);
  }
  .confirm ul {
    margin: var(--tk-space-1, 0.25rem) 0;
    padding-inline-start: 1.25rem;
  }
  details.settings {
    border: none;
    margin-top: var(--tk-space-2, 0.5rem);
  }
  details.settings summary {
    font-size: var(--tk-font-size, 0.8125rem);
    padding: var(--tk-space-1, 0.25rem) 0;
  }
`;
