import { TkFileImport } from './file-import.component.js';

export { TkFileImport };
export { TkImportEvent } from './import-event.js';

if (!customElements.get('tk-file-import')) customElements.define('tk-file-import', TkFileImport);

declare global {
  interface HTMLElementTagNameMap {
    'tk-file-import': TkFileImport;
  }
}
