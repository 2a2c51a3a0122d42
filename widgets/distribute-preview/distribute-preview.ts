import { TkDistributePreview } from './distribute-preview.component.js';

export { TkDistributePreview };

if (!customElements.get('tk-distribute-preview')) customElements.define('tk-distribute-preview', TkDistributePreview);

declare global {
  interface HTMLElementTagNameMap {
    'tk-distribute-preview': TkDistributePreview;
  }
}
