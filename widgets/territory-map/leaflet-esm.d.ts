// Leaflet's native ES module build has the same API as the `leaflet` package that @types/leaflet describes.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}

// Leaflet's ES source modules (leaflet/src, imported by leaflet-parts.ts): the same classes and factories.
declare module 'leaflet/src/map/Map' {
  export { Map, map as createMap } from 'leaflet';
}
declare module 'leaflet/src/control/Control' {
  export { Control } from 'leaflet';
}
declare module 'leaflet/src/control/Control.Zoom' {}
declare module 'leaflet/src/layer/Layer' {
  export { Layer } from 'leaflet';
}
declare module 'leaflet/src/layer/LayerGroup' {
  export { LayerGroup, layerGroup } from 'leaflet';
}
declare module 'leaflet/src/layer/tile/TileLayer' {
  export { TileLayer, tileLayer } from 'leaflet';
}
declare module 'leaflet/src/layer/Popup' {
  export { Popup, popup } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/Renderer' {
  export { Renderer } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/Canvas' {
  export { Canvas, canvas } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/Polyline' {
  export { Polyline, polyline } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/Polygon' {
  export { Polygon, polygon } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/CircleMarker' {
  export { CircleMarker, circleMarker } from 'leaflet';
}
declare module 'leaflet/src/geometry/Point' {
  export { Point, point as toPoint } from 'leaflet';
}
declare module 'leaflet/src/geo/LatLng' {
  export { LatLng, latLng as toLatLng } from 'leaflet';
}
declare module 'leaflet/src/dom/DomUtil' {
  import { DomUtil } from 'leaflet';
  export = DomUtil;
}
declare module 'leaflet/src/core/Util' {
  import { Util } from 'leaflet';
  export = Util;
}
declare module 'leaflet/src/map/handler/Map.DoubleClickZoom' {}
declare module 'leaflet/src/map/handler/Map.Drag' {}
declare module 'leaflet/src/map/handler/Map.Keyboard' {}
declare module 'leaflet/src/map/handler/Map.ScrollWheelZoom' {}
declare module 'leaflet/src/map/handler/Map.TapHold' {}
declare module 'leaflet/src/map/handler/Map.TouchZoom' {}
