/**
 * Design tokens. Every `--tk-*` custom property has a default close to Salesforce Lightning (SLDS);
 * set them on any ancestor (they inherit into shadow roots) or on the element itself.
 */
export const LIGHT_TOKENS = {
  '--tk-font-family': "-apple-system, 'Salesforce Sans', 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  '--tk-font-size': '0.8125rem',
  '--tk-font-size-small': '0.75rem',
  '--tk-font-size-large': '1rem',
  '--tk-color-text': '#181818',
  '--tk-color-text-weak': '#5c5c5c',
  '--tk-color-surface': '#ffffff',
  '--tk-color-surface-alt': '#f3f3f3',
  '--tk-color-border': '#c9c9c9',
  '--tk-color-brand': '#0176d3',
  '--tk-color-brand-text': '#ffffff',
  '--tk-color-success': '#2e844a',
  '--tk-color-warning': '#a35200',
  '--tk-color-error': '#ba0517',
  '--tk-color-band': 'rgba(46, 132, 74, 0.2)',
  '--tk-color-track': '#e5e5e5',
  '--tk-radius': '0.25rem',
  '--tk-space-1': '0.25rem',
  '--tk-space-2': '0.5rem',
  '--tk-space-3': '0.75rem',
  '--tk-space-4': '1rem',
  '--tk-shadow': '0 2px 2px 0 rgba(0, 0, 0, 0.1)',
  '--tk-focus-ring': '0 0 3px #0176d3',
  '--tk-target-size': '24px',
} as const;

export type TokenName = keyof typeof LIGHT_TOKENS;

/** The dark theme: only colours change. */
export const DARK_TOKENS: Partial<Record<TokenName, string>> = {
  '--tk-color-text': '#f3f3f3',
  '--tk-color-text-weak': '#b8b8b8',
  '--tk-color-surface': '#1f2326',
  '--tk-color-surface-alt': '#2b3035',
  '--tk-color-border': '#5c636b',
  '--tk-color-brand': '#78b0fd',
  '--tk-color-brand-text': '#03234d',
  '--tk-color-success': '#45c65a',
  '--tk-color-warning': '#fcc003',
  '--tk-color-error': '#fe7765',
  '--tk-color-band': 'rgba(69, 198, 90, 0.25)',
  '--tk-color-track': '#3e444a',
  '--tk-shadow': '0 2px 2px 0 rgba(0, 0, 0, 0.4)',
  '--tk-focus-ring': '0 0 3px #78b0fd',
};

/**
 * Applies a theme's tokens to an element as inline custom properties (CSSOM, allowed by a strict
 * CSP). Every territory-kit element under it picks them up.
 *
 * @param element usually a container or `<tk-territory-provider>`
 * @param theme `dark` or `light` (light removes the dark overrides)
 * @example
 * applyTheme(document.querySelector('tk-territory-provider')!, 'dark');
 */
export function applyTheme(element: HTMLElement, theme: 'light' | 'dark'): void {
  for (const [name, value] of Object.entries(DARK_TOKENS)) {
    if (theme === 'dark') element.style.setProperty(name, value);
    else element.style.removeProperty(name);
  }
}
