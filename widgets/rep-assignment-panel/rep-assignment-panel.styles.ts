import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-height: var(--tk-panel-max-height, none);
    overflow: auto;
    background: var(--tk-color-surface, #ffffff);
  }
  details {
    border-bottom: 1px solid var(--tk-color-border, #c9c9c9);
  }
  summary {
    cursor: pointer;
    min-height: var(--tk-target-size, 24px);
    padding: var(--tk-space-2, 0.5rem) var(--tk-space-1, 0.25rem);
    font-weight: 600;
    font-size: var(--tk-font-size-large, 1rem);
  }
  .badge {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 var(--tk-space-1, 0.25rem);
    border-radius: 1em;
    background: var(--tk-color-surface-alt, #f3f3f3);
    font-size: var(--tk-font-size-small, 0.75rem);
    font-weight: 400;
    text-align: center;
  }
  .body {
    padding: 0 var(--tk-space-1, 0.25rem) var(--tk-space-3, 0.75rem);
  }
  h3 {
    margin: var(--tk-space-3, 0.75rem) 0 var(--tk-space-1, 0.25rem);
    font-size: var(--tk-font-size, 0.8125rem);
  }
  p {
    margin: var(--tk-space-1, 0.25rem) 0;
  }
  .scroll {
    overflow-x: auto;
  }
  .scroll.tall {
    max-height: var(--tk-panel-list-max-height, 20rem);
    overflow-y: auto;
  }
  .scroll:focus-visible {
    outline: none;
    box-shadow: var(--tk-focus-ring, 0 0 3px #0176d3);
  }
  th[scope='row'] {
    min-width: 7rem;
  }
  /* In a narrow panel the two deviations stack, so the reps table fits without scrolling sideways. */
  :host {
    container-type: inline-size;
  }
  @container (max-width: 30rem) {
    [part~='reps-table'] {
      font-size: var(--tk-font-size-small, 0.75rem);
    }
    [part~='reps-table'] th,
    [part~='reps-table'] td {
      padding: 2px;
    }
    td.dev span:not(.sep) {
      display: block;
    }
    td.dev .sep {
      display: none;
    }
    th .actions {
      flex-direction: column;
    }
  }
  /* A rep's buttons on one line (a stack in a narrow panel): never wrapped in two ragged lines. */
  th .actions {
    display: flex;
    gap: 2px;
    margin-top: 2px;
  }
  th .actions button {
    padding: 0 var(--tk-space-1, 0.25rem);
    font-size: var(--tk-font-size-small, 0.75rem);
    white-space: nowrap;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption:not(.visually-hidden) {
    text-align: start;
    font-weight: 600;
    padding: var(--tk-space-2, 0.5rem) 0 var(--tk-space-1, 0.25rem);
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
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  thead th.num {
    white-space: normal;
  }
  tr.focused {
    background: var(--tk-color-surface-alt, #f3f3f3);
  }
  .off,
  .loss,
  .error,
  .failed,
  li.critical .severity {
    color: var(--tk-color-error, #ba0517);
  }
  .ok,
  .gain,
  li.saved .status {
    color: var(--tk-color-success, #2e844a);
  }
  li.warning .severity,
  li.conflict .status {
    color: var(--tk-color-warning, #a35200);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--tk-space-2, 0.5rem);
    margin: var(--tk-space-2, 0.5rem) 0;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    gap: var(--tk-space-2, 0.5rem);
    align-items: end;
  }
  .grid .row,
  .grid .check,
  .grid .goal,
  .grid > p {
    grid-column: 1 / -1;
  }
  .grid > p {
    margin: 0;
  }
  fieldset.goal {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--tk-space-1, 0.25rem) var(--tk-space-4, 1rem);
    margin: 0;
    padding: 0;
    border: 0;
  }
  fieldset.goal legend {
    float: left;
    padding: 0;
    margin-inline-end: var(--tk-space-2, 0.5rem);
    font-weight: 600;
  }
  fieldset.goal p {
    flex-basis: 100%;
    margin: 0;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  label.check {
    flex-direction: row;
    align-items: center;
    gap: var(--tk-space-2, 0.5rem);
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
  input[type='checkbox'] {
    min-width: var(--tk-target-size, 24px);
  }
  .row label {
    flex-direction: row;
    align-items: center;
    gap: var(--tk-space-2, 0.5rem);
  }
  input:focus-visible,
  select:focus-visible {
    outline: none;
    box-shadow: var(--tk-focus-ring, 0 0 3px #0176d3);
  }
  ul,
  ol {
    margin: var(--tk-space-1, 0.25rem) 0;
    padding-inline-start: var(--tk-space-4, 1rem);
  }
  .stats {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tk-space-4, 1rem);
    margin: var(--tk-space-2, 0.5rem) 0;
  }
  .stats dt {
    color: var(--tk-color-text-weak, #5c5c5c);
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  .stats dd {
    margin: 0;
    font-weight: 600;
  }
  .stats dd.weak {
    font-weight: 400;
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  .progress {
    position: relative;
    height: 0.5rem;
    border-radius: var(--tk-radius, 0.25rem);
    background: var(--tk-color-track, #e5e5e5);
    overflow: hidden;
  }
  .progress .bar {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    background: var(--tk-color-brand, #0176d3);
  }
  .help {
    display: block;
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  [part~='outcome'] .status {
    font-weight: 600;
  }
  .status[role='status']:empty {
    display: none;
  }
  .applied {
    padding: var(--tk-space-1, 0.25rem) var(--tk-space-2, 0.5rem);
    border-inline-start: 3px solid var(--tk-color-brand, #0176d3);
    background: var(--tk-color-surface-alt, #f3f3f3);
  }
  .header {
    display: flex;
    justify-content: flex-end;
    padding: var(--tk-space-1, 0.25rem);
    border-bottom: 1px solid var(--tk-color-border, #c9c9c9);
  }
  .alert-count {
    border-radius: 1em;
    padding: 0 var(--tk-space-2, 0.5rem);
    font-size: var(--tk-font-size-small, 0.75rem);
    font-weight: 600;
    border-color: transparent;
  }
  .alert-count.none {
    color: var(--tk-color-text-weak, #5c5c5c);
    background: transparent;
  }
  .sev-critical {
    color: var(--tk-color-error, #ba0517);
  }
  .sev-warning {
    color: var(--tk-color-warning, #a35200);
  }
  .alert-count.critical {
    background: var(--tk-color-error, #ba0517);
    color: var(--tk-color-surface, #ffffff);
  }
  .alert-count.warning {
    background: var(--tk-color-warning, #a35200);
    color: var(--tk-color-surface, #ffffff);
  }
  .alert-count.info {
    background: var(--tk-color-surface-alt, #f3f3f3);
    color: var(--tk-color-text, #181818);
  }
  .headline {
    padding-inline-start: var(--tk-space-2, 0.5rem);
    border-inline-start: 3px solid var(--tk-color-warning, #a35200);
  }
  .headline.good {
    border-color: var(--tk-color-success, #2e844a);
  }
  .headline.blocked {
    border-color: var(--tk-color-error, #ba0517);
  }
  ul.summary {
    margin: var(--tk-space-1, 0.25rem) 0;
    padding-inline-start: 1.25rem;
  }
  [part~='preview'] details > summary {
    font-size: var(--tk-font-size, 0.8125rem);
    font-weight: 400;
    min-height: 0;
    padding: var(--tk-space-1, 0.25rem) 0;
  }
`;
