/**
 * A map over raster tiles (Leaflet). The tile server is the operator's (MAP_TILE_URL, given to the cabinet
 * in GET /api/auth/me); what the caller draws — boundaries (GeoJSON Polygon / MultiPolygon, WGS 84), a track,
 * points, the vertices of a boundary being drawn — is vector on top of it, so it shows whether the tiles
 * load or not (then a note says the base map is missing). Used by the track of a trip and by the boundary editor.
 */
import { useEffect, useRef, useState } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { Text } from '@mantine/core';
import { useAuth } from '../auth';

export type Geometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export function polygonsOf(g: Geometry | null | undefined): number[][][][] {
  if (!g) return [];
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** What is drawn over the tiles; positions are GeoJSON's [longitude, latitude]. `className` marks the SVG path. */
export type Shape =
  | { kind: 'area'; geometry: Geometry | null | undefined; color: string; label: string; className: string }
  | { kind: 'line'; positions: number[][]; color: string; label: string; className: string }
  | { kind: 'point'; at: number[]; color: string; label: string; className: string; radius?: number; hollow?: boolean };

const latLng = ([lon, lat]: number[]): L.LatLngTuple => [lat!, lon!];

/** Where a map opens when it has nothing to show: the centre of Moscow. */
const MOSCOW: L.LatLngTuple = [55.7539, 37.6208];

export function TileMap({
  label,
  shapes,
  fit,
  onClick,
  vertices,
  onVertexMove,
}: {
  /** The map's accessible name (and what a screen reader is told is on it). */
  label: string;
  shapes: Shape[];
  /** Positions the view is fitted to, when they change; none — the centre of Moscow. */
  fit: number[][];
  /** Drawing: a click on the map gives its [longitude, latitude]. */
  onClick?: (lonLat: [number, number]) => void;
  /** Drawing: vertices shown as handles that can be dragged (and reached by keyboard). */
  vertices?: number[][];
  onVertexMove?: (index: number, lonLat: [number, number]) => void;
}) {
  const { me } = useAuth();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const drawn = useRef<L.LayerGroup | null>(null);
  const handlers = useRef({ onClick, onVertexMove });
  handlers.current = { onClick, onVertexMove };
  const [tilesFailed, setTilesFailed] = useState(false);

  useEffect(() => {
    const m = L.map(box.current!, { zoomControl: false, attributionControl: false, doubleClickZoom: false, zoomSnap: 0.5 });
    L.control.zoom({ zoomInTitle: 'Приблизить', zoomOutTitle: 'Отдалить' }).addTo(m);
    L.control.scale({ imperial: false }).addTo(m);
    L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(m);
    L.tileLayer(me.map.tileUrl, { attribution: me.map.attribution, maxZoom: me.map.maxZoom, ...(me.map.subdomains.length ? { subdomains: me.map.subdomains } : {}) })
      .on('tileerror', () => setTilesFailed(true))
      .on('tileload', () => setTilesFailed(false))
      .addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => handlers.current.onClick?.([Number(e.latlng.lng.toFixed(6)), Number(e.latlng.lat.toFixed(6))]));
    drawn.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, [me.map.tileUrl, me.map.attribution, me.map.maxZoom, me.map.subdomains]);

  const fitKey = JSON.stringify(fit);
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (fit.length) m.fitBounds(L.latLngBounds(fit.map(latLng)), { padding: [24, 24], maxZoom: 17 });
    else m.setView(MOSCOW, 12);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitKey]);

  const shapesKey = JSON.stringify([shapes, vertices]);
  useEffect(() => {
    const group = drawn.current;
    if (!group) return;
    group.clearLayers();
    for (const s of shapes) {
      if (s.kind === 'area') {
        const polygons = polygonsOf(s.geometry);
        if (!polygons.length) continue;
        L.polygon(
          polygons.map((rings) => rings.map((ring) => ring.map(latLng))),
          { color: s.color, weight: 2, fillOpacity: 0.18, className: s.className, interactive: false },
        ).addTo(group);
      } else if (s.kind === 'line') {
        if (s.positions.length) L.polyline(s.positions.map(latLng), { color: s.color, weight: 3, className: s.className, interactive: false }).addTo(group);
      } else {
        L.circleMarker(latLng(s.at), {
          radius: s.radius ?? 6,
          color: s.hollow ? s.color : '#fff',
          weight: s.hollow ? 3 : 1.5,
          fillColor: s.color,
          fillOpacity: s.hollow ? 0 : 1,
          className: s.className,
          interactive: false,
        }).addTo(group);
      }
    }
    (vertices ?? []).forEach((v, i) => {
      const handle = L.marker(latLng(v), {
        icon: L.divIcon({ className: 'map-vertex', iconSize: [14, 14] }),
        draggable: true,
        keyboard: true,
        title: `Вершина ${i + 1}`,
      });
      handle.on('dragend', () => {
        const p = handle.getLatLng();
        handlers.current.onVertexMove?.(i, [Number(p.lng.toFixed(6)), Number(p.lat.toFixed(6))]);
      });
      handle.addTo(group);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shapesKey]);

  return (
    <>
      <div
        ref={box}
        role="region"
        aria-label={label}
        className={onClick ? 'tile-map map-drawing' : 'tile-map'}
        style={{ height: 'min(62vh, 460px)', width: '100%', borderRadius: 4, border: '1px solid #dde3dd', background: '#eef1ee' }}
      />
      {tilesFailed && (
        <Text size="xs" c="dimmed" mt={4}>
          Подложка карты не загрузилась (сервер плиток недоступен): трек и границы показаны без неё.
        </Text>
      )}
    </>
  );
}
