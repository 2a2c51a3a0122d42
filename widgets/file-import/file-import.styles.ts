import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_border: var(--tk-color-border, #c9c9c9);
    --_surface: var(--tk-color-surface, #ffffff);
    --_alt: var(--tk-color-surface-alt, #f3f3f3);
    --_error: var(--tk-color-error, #ba0517);
    --_warning: var(--tk-color-warning, #a35200);
    --_brand: var(--tk-color-brand, #0176d3);
  }
  .import {
    display: grid;
    gap: var(--tk-space-3, 0.75rem);
  }
  .drop {
    border: 2px dashed var(--_border);
    border-radius: var(--tk-radius, 0.25rem);
    padding: var(--tk-space-3, 0.75rem);
    background: var(--_surface);
    text-align: center;
  }
  .drop.dragging {
    border-color: var(--_brand);
    background: var(--_alt);
  }
  .drop p {
    margin: 0.25rem 0;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--tk-radius, 0.25rem);
    margin: 0;
    padding: var(--tk-space-2, 0.5rem) var(--tk-space-3, 0.75rem);
    display: grid;
    gap: var(--tk-space-2, 0.5rem);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .kind {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tk-space-2, 0.5rem);
    align-items: center;
  }
  select {
    font: inherit;
    max-width: 100%;
    min-height: var(--tk-target-size, 24px);
    color: var(--tk-color-text, #181818);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--tk-radius, 0.25rem);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25rem;
  }
  th,
  td {
    text-align: start;
    padding: 0.125rem 0.375rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  thead th {
    background: var(--_alt);
    font-weight: 600;
    white-space: nowrap;
    overflow-wrap: normal;
  }
  .mapping th[scope='row'] {
    font-weight: normal;
    white-space: nowrap;
  }
  .sample {
    color: var(--tk-color-text-weak, #5c5c5c);
  }
  .scroll {
    overflow: auto;
    max-height: 20rem;
  }
  .preview td,
  .preview th {
    white-space: nowrap;
  }
  tr.rejected td:nth-child(5) {
    color: var(--_error);
    font-weight: 600;
  }
  tr.warning td:nth-child(5) {
    color: var(--_warning);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tk-space-2, 0.5rem);
    align-items: center;
    margin: 0;
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: var(--tk-space-2, 0.5rem);
    align-items: center;
  }
  progress {
    flex: 1 1 10rem;
  }
  .error {
    color: var(--_error);
    margin: 0;
  }
  .remove {
    justify-self: start;
  }
  .summary p {
    margin: 0 0 0.5rem;
  }
  .unplaced ul {
    margin: 0.25rem 0;
    padding-inline-start: 1.25rem;
    max-height: 12rem;
    overflow: auto;
  }
  a[part~='download'] {
    color: var(--_brand);
  }
`;
