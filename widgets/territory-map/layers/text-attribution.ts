import { L } from '../leaflet.js';

/**
 * The tile attribution as plain text. Leaflet's own attribution control writes its strings with
 * innerHTML, and `tile-attribution` is page-supplied text, so it never goes there: this control sets
 * `textContent` only.
 */
export class TextAttribution extends L.Control {
  private box: HTMLElement | null = null;
  private text: string;

  constructor(text: string) {
    super({ position: 'bottomright' });
    this.text = text;
  }

  override onAdd(): HTMLElement {
    this.box = L.DomUtil.create('div', 'leaflet-control-attribution leaflet-control');
    this.box.textContent = this.text;
    return this.box;
  }

  /** Replaces the text. */
  setText(text: string): void {
    this.text = text;
    if (this.box) this.box.textContent = text;
  }
}
