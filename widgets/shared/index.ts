export { TkElement } from './tk-element.js';
export { PlanController } from './plan-controller.js';
export { formatters } from './format.js';
export type { Formatters } from './format.js';
export { shadowRootOptions, setShadowRootMode } from './shadow-root.js';
export { tokens } from './tokens.styles.js';
export { LIGHT_TOKENS, DARK_TOKENS, applyTheme } from './themes.js';
export type { TokenName } from './themes.js';
