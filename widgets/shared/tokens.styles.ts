import { css, unsafeCSS } from 'lit';
import { DARK_TOKENS } from './themes.js';

// The dark rule is built from constant token values (no user data), so unsafeCSS is safe here.
const darkRule = unsafeCSS(
  Object.entries(DARK_TOKENS)
    .map(([name, value]) => `${name}: ${value};`)
    .join('\n'),
);

/**
 * Shared host styles: typography and colours read from the public `--tk-*` tokens with SLDS-like
 * defaults; `theme="dark"` on an element (or on `<tk-territory-provider>`, which its children inherit)
 * switches to the dark values.
 */
export const tokens = css`
  :host {
    font-family: var(--tk-font-family, -apple-system, 'Salesforce Sans', 'Segoe UI', Roboto, Helvetica, Arial, sans-serif);
    font-size: var(--tk-font-size, 0.8125rem);
    line-height: 1.5;
    color: var(--tk-color-text, #181818);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  :host([theme='dark']) {
    ${darkRule}
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    min-height: var(--tk-target-size, 24px);
    min-width: var(--tk-target-size, 24px);
    padding: 0 var(--tk-space-3, 0.75rem);
    border: 1px solid var(--tk-color-border, #c9c9c9);
    border-radius: var(--tk-radius, 0.25rem);
    background: var(--tk-color-surface, #ffffff);
    color: var(--tk-color-brand, #0176d3);
    cursor: pointer;
  }
  button.brand {
    background: var(--tk-color-brand, #0176d3);
    border-color: var(--tk-color-brand, #0176d3);
    color: var(--tk-color-brand-text, #ffffff);
  }
  button:disabled {
    color: var(--tk-color-text-weak, #5c5c5c);
    background: var(--tk-color-surface-alt, #f3f3f3);
    cursor: default;
  }
  button:focus-visible,
  summary:focus-visible,
  a:focus-visible {
    outline: none;
    box-shadow: var(--tk-focus-ring, 0 0 3px #0176d3);
  }
  .weak {
    color: var(--tk-color-text-weak, #5c5c5c);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
