/**
 * Registers an element on demand: its module is imported the first time its tag is in the document
 * (already there, or added later anywhere in the light DOM), instead of with the entry. For elements
 * most pages never show (the territory editor): they stay out of the entry's initial download.
 * Elements inside other shadow roots are not seen; import the element's module there (as the
 * assignment panel does for its editor).
 *
 * @param tag the custom element name
 * @param load imports the module that defines `tag` (guarded, so defining twice is harmless)
 * @example
 * defineOnDemand('tk-territory-editor', () => import('../territory-editor/territory-editor.js'));
 */
export function defineOnDemand(tag: string, load: () => Promise<unknown>): void {
  if (typeof document === 'undefined' || customElements.get(tag)) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    load().catch((error) => console.warn(`territory-kit: could not load <${tag}>`, error));
  };
  const has = (n: Node) => n instanceof Element && (n.localName === tag || n.querySelector(tag) !== null);
  let observer: MutationObserver | null = null;
  if (document.querySelector(tag)) return start();
  observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (has(n)) return start();
  });
  observer.observe(document, { childList: true, subtree: true });
  // Defined some other way meanwhile (e.g. the element's module imported directly): stop watching.
  customElements.whenDefined(tag).then(() => observer?.disconnect());
}
