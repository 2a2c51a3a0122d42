import { TkPerformanceBoard } from './performance-board.component.js';

export { TkPerformanceBoard };
export type { SortKey } from './performance-board.component.js';
export { performanceRows } from './performance-rows.js';
export type { PerformanceRow, PerformanceOptions } from './performance-rows.js';

if (!customElements.get('tk-performance-board')) customElements.define('tk-performance-board', TkPerformanceBoard);

declare global {
  interface HTMLElementTagNameMap {
    'tk-performance-board': TkPerformanceBoard;
  }
}
