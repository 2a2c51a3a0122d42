import { css } from 'lit';

export const territoryMapStyles = css`
  :host {
    --_list-width: var(--tk-map-list-width, 15rem);
    --_accent: var(--tk-map-accent, var(--tk-color-brand, #0176d3));
    --_border: var(--tk-color-border, #c9c9c9);
    --_text: var(--tk-color-text, #181818);
    --_muted: var(--tk-color-text-weak, #5c5c5c);
    --_surface: var(--tk-color-surface, #ffffff);
    /* A height set on the element itself (style, outer CSS) wins over this default. */
    display: block;
    height: var(--tk-map-height, 420px);
  }
  :host([compact]) {
    height: var(--tk-map-height, 220px);
  }
  .frame {
    height: 100%;
    min-height: 160px;
    display: flex;
    flex-direction: column;
  }
  :host([compact]) .frame {
    min-height: 80px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: center;
    padding: 4px 0 6px;
  }
  .group {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 2px;
    align-items: center;
    max-width: 100%;
  }
  select {
    max-width: 100%;
    text-overflow: ellipsis;
  }
  button,
  select {
    font: inherit;
    min-height: var(--tk-target-size, 24px);
    min-width: var(--tk-target-size, 24px);
    padding: 2px 8px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--tk-color-brand-text, #fff);
  }
  button:focus-visible,
  select:focus-visible,
  .list:focus-visible,
  .map:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .body {
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    gap: 8px;
    align-items: stretch;
  }
  .stage {
    position: relative;
    flex: 1 1 20rem;
    min-width: 0;
    min-height: 80px;
  }
  .map {
    /* !important: Leaflet sets position: relative inline when it finds no positioned container. */
    position: absolute !important;
    inset: 0;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--tk-map-water, #dde8f2);
  }
  :host([tool='box']) .map,
  :host([tool='lasso']) .map,
  :host([tool='draw']) .map {
    cursor: crosshair;
  }
  :host([tool='paint']) .map {
    cursor: cell;
  }
  .gesture {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
    z-index: 700;
  }
  .gesture rect,
  .gesture polyline {
    fill: rgba(1, 118, 211, 0.12);
    stroke: var(--_accent);
    stroke-width: 1.5;
    stroke-dasharray: 5 3;
  }
  .side {
    flex: 0 0 var(--_list-width);
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
    min-height: 0;
  }
  .list {
    flex: 1;
    overflow: auto;
    margin: 0;
    padding: 2px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    list-style: none;
  }
  .option {
    display: flex;
    gap: 6px;
    align-items: center;
    min-height: 24px;
    padding: 1px 4px;
    border-radius: 3px;
    cursor: pointer;
  }
  .option[aria-selected='true'] {
    background: var(--tk-color-surface-alt, #f3f3f3);
    font-weight: 600;
  }
  .option.active {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .check {
    flex: none;
    width: 12px;
    height: 12px;
    border: 1px solid var(--_muted);
    border-radius: 2px;
    background: var(--_surface);
  }
  .option[aria-selected='true'] .check {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .swatch {
    flex: none;
    width: 10px;
    height: 10px;
    border-radius: 50%;
  }
  .name {
    flex: 1;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta {
    color: var(--_muted);
    white-space: nowrap;
  }
  .status {
    margin: 0;
    color: var(--_muted);
  }
  .legend-box {
    flex: none;
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 2px 4px;
  }
  .legend-box summary {
    cursor: pointer;
    min-height: var(--tk-target-size, 24px);
    line-height: var(--tk-target-size, 24px);
    font-weight: 600;
  }
  .focus-name {
    font-weight: 400;
    color: var(--_muted);
  }
  /* details' content sits in its UA shadow slot, which does not pass box-sizing down: set it here. */
  .legend-box * {
    box-sizing: border-box;
  }
  .legend-search {
    font: inherit;
    width: 100%;
    min-height: var(--tk-target-size, 24px);
    margin: 2px 0;
    padding: 1px 6px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_surface);
    color: var(--_text);
  }
  .legend {
    display: flex;
    flex-direction: column;
    margin: 0;
    padding: 0;
    list-style: none;
    /* About eight entries; 50 reps scroll here (or are found with the search box). */
    max-height: 13.5em;
    overflow: auto;
  }
  .legend-item {
    display: flex;
    width: 100%;
    gap: 6px;
    align-items: center;
    min-height: var(--tk-target-size, 24px);
    padding: 0 4px;
    border: 1px solid transparent;
    border-radius: 3px;
    background: none;
    color: var(--_text);
    text-align: start;
  }
  button.legend-item[aria-pressed='true'] {
    background: var(--tk-color-surface-alt, #f3f3f3);
    border-color: var(--_accent);
    color: var(--_text);
    font-weight: 600;
  }
  .legend-name {
    flex: 1;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .heat-legend {
    display: grid;
    gap: 2px;
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  .ramp {
    display: block;
    height: 10px;
    border: 1px solid var(--_border);
    border-radius: 2px;
  }
  .ramp-ends {
    display: flex;
    justify-content: space-between;
    color: var(--_muted);
  }
  .preview-legend {
    display: flex;
    gap: 6px;
    align-items: flex-start;
    margin: 0;
    font-size: var(--tk-font-size-small, 0.75rem);
  }
  .move-mark {
    flex: none;
    width: 14px;
    height: 14px;
    margin-top: 2px;
    border: 3px solid var(--_accent);
    border-radius: 50%;
    background: radial-gradient(circle, var(--_muted) 0 35%, #fff 40%);
  }
  .map.dark .leaflet-bar a {
    background: var(--_surface);
    color: var(--_text);
    border-bottom-color: var(--_border);
  }
  /* A dark theme darkens raster tiles (the offline basemap follows the palette itself). */
  .map.dark .leaflet-tile-pane {
    filter: invert(1) hue-rotate(180deg) brightness(0.9) contrast(0.9);
  }
  .popup strong {
    display: block;
  }
  @media (max-width: 40rem) {
    .body {
      flex-direction: column;
    }
    .stage {
      flex: 3 1 16rem;
    }
    .side {
      flex: 2 1 12rem;
    }
    .list {
      min-height: 6rem;
    }
    .legend {
      max-height: 6.75em;
    }
  }
`;
