// The Leaflet 1.9 modules the map uses, from leaflet's own ES sources (leaflet/src). The whole-library
// build (dist/leaflet-src.esm.js) registers every handler, control, layer type and renderer at load
// time (Map.include / Map.addInitHook), so no bundler can leave the unused ones out; importing the
// modules leaves out markers and icons, tooltips, GeoJSON, the layers and scale controls, image / video
// / SVG overlays, box zoom and the other CRSs. The imports run in the order the full build runs them
// (controls, layers, popups, renderers, then the handlers), so init hooks are added in the same order.
// Types come from @types/leaflet (leaflet-esm.d.ts maps these paths to it).
import { Map, createMap as map } from 'leaflet/src/map/Map';
import { Control } from 'leaflet/src/control/Control'; // Map#addControl, the control corners, the base of TextAttribution
import 'leaflet/src/control/Control.Zoom'; // the map's zoom control (zoomControl: true)
// Not Control.Attribution: it writes attribution strings with innerHTML (layers/text-attribution.ts writes text).
import { Layer } from 'leaflet/src/layer/Layer';
import { LayerGroup, layerGroup } from 'leaflet/src/layer/LayerGroup';
import { TileLayer, tileLayer } from 'leaflet/src/layer/tile/TileLayer';
import { Popup, popup } from 'leaflet/src/layer/Popup';
import { Renderer } from 'leaflet/src/layer/vector/Renderer';
import { Canvas, canvas } from 'leaflet/src/layer/vector/Canvas';
import { Polyline, polyline } from 'leaflet/src/layer/vector/Polyline';
import { Polygon, polygon } from 'leaflet/src/layer/vector/Polygon';
import { CircleMarker, circleMarker } from 'leaflet/src/layer/vector/CircleMarker';
import { Point, toPoint as point } from 'leaflet/src/geometry/Point';
import { LatLng, toLatLng as latLng } from 'leaflet/src/geo/LatLng';
import * as DomUtil from 'leaflet/src/dom/DomUtil';
import * as Util from 'leaflet/src/core/Util';
// The map's interaction handlers (box zoom is off: `boxZoom: false`).
import 'leaflet/src/map/handler/Map.DoubleClickZoom';
import 'leaflet/src/map/handler/Map.Drag';
import 'leaflet/src/map/handler/Map.Keyboard';
import 'leaflet/src/map/handler/Map.ScrollWheelZoom';
import 'leaflet/src/map/handler/Map.TapHold';
import 'leaflet/src/map/handler/Map.TouchZoom';

// Map#getRenderer, which every Path calls when it is added. Not leaflet's Renderer.getRenderer module:
// its fallback for a path without a renderer is an SVG renderer, so it brings the SVG and VML renderers
// (≈ 10 kB before minifying) into every bundle. Every path the map draws names its canvas renderer
// (`renderer:` option), which is what leaflet's method returns first too; a path without one gets the
// map's `renderer` option or one shared canvas renderer (leaflet's `preferCanvas: true` behaviour, less
// per-pane renderers, which the map never asks for).
Map.include({
  getRenderer(this: Map & { _renderer?: Renderer }, layer: Polyline | CircleMarker): Renderer {
    const renderer = layer.options.renderer ?? this.options.renderer ?? (this._renderer ??= canvas());
    if (!this.hasLayer(renderer)) this.addLayer(renderer);
    return renderer;
  },
});

export { Map, map, Control, Layer, LayerGroup, layerGroup, TileLayer, tileLayer, Popup, popup, Renderer, Canvas, canvas };
export { Polyline, polyline, Polygon, polygon, CircleMarker, circleMarker, Point, point, LatLng, latLng, DomUtil, Util };
export type { LatLngTuple, LayerOptions, LeafletEventHandlerFn, LeafletMouseEvent, ZoomAnimEvent } from 'leaflet';
