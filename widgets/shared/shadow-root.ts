import { LitElement } from 'lit';

/**
 * The shadow-root options every territory-kit element uses. Open by default; Lightning Web Security
 * supports only closed roots for third-party elements (SALESFORCE.md), so call
 * `setShadowRootMode('closed')` before any element is created there.
 */
export const shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, mode: 'open' };

/**
 * Switches the mode of shadow roots created from now on (existing elements keep theirs).
 *
 * @param mode `open` (default) or `closed`
 * @example
 * import { setShadowRootMode } from 'territory-kit/widgets';
 * setShadowRootMode('closed');
 */
export function setShadowRootMode(mode: ShadowRootMode): void {
  shadowRootOptions.mode = mode;
}
