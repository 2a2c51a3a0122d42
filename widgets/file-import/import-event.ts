import type { ImportKind, ImportResult } from '../../src/import/types.js';

/**
 * Fired by `<tk-file-import>` when an import ends: the valid accounts and reps, every row that could
 * not be used (or was used without a field), and the accounts without coordinates. The element never
 * touches an adapter: the page (or a provider-side handler) turns the result into one, e.g.
 * `provider.adapter = createFileAdapter({ result: event.result })`. Bubbles and is composed.
 *
 * @example
 * document.addEventListener('tk-import', (e) => {
 *   provider.adapter = createFileAdapter({ result: e.result, id: `file:${e.files.map((f) => f.name).join('+')}` });
 * });
 */
export class TkImportEvent extends Event {
  static readonly eventName = 'tk-import';
  constructor(
    readonly result: ImportResult,
    /** The files imported: name, size and what each held. */
    readonly files: readonly { name: string; size: number; kind: ImportKind }[],
  ) {
    super(TkImportEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tk-import': TkImportEvent;
  }
}
