/**
 * A plain map without tiles (no tile server is needed or reachable): boundaries (GeoJSON Polygon /
 * MultiPolygon, WGS 84) and a track drawn in SVG, longitude scaled by cos(latitude), north up, with a
 * scale bar. Used by the track of a trip and by the boundary editor (which adds clicks).
 */
import type { MouseEvent, ReactNode } from 'react';

export type Geometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface View {
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

const W = 800;

export function polygonsOf(g: Geometry | null | undefined): number[][][][] {
  if (!g) return [];
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** The smallest view holding every position, padded by `pad` of its size (at least ~100 m around). */
export function viewOf(positions: number[][], pad = 0.15): View | null {
  if (!positions.length) return null;
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (const [lon, lat] of positions) {
    minLon = Math.min(minLon, lon!);
    maxLon = Math.max(maxLon, lon!);
    minLat = Math.min(minLat, lat!);
    maxLat = Math.max(maxLat, lat!);
  }
  const dLat = Math.max(maxLat - minLat, 0.001) * pad;
  const dLon = Math.max(maxLon - minLon, 0.0015) * pad;
  return { minLon: minLon - dLon, maxLon: maxLon + dLon, minLat: minLat - dLat, maxLat: maxLat + dLat };
}

export function projection(v: View) {
  const k = Math.cos((((v.minLat + v.maxLat) / 2) * Math.PI) / 180);
  const wDeg = (v.maxLon - v.minLon) * k;
  const hDeg = v.maxLat - v.minLat;
  const scale = W / Math.max(wDeg, hDeg * 1.6);
  const width = W;
  const height = Math.max(240, Math.min(560, hDeg * scale));
  const ox = (W - wDeg * scale) / 2;
  const oy = (height - hDeg * scale) / 2;
  return {
    width,
    height,
    /** km per SVG unit */
    kmPerUnit: 111.32 / scale,
    xy: (lon: number, lat: number): [number, number] => [ox + (lon - v.minLon) * k * scale, oy + (v.maxLat - lat) * scale],
    lonLat: (x: number, y: number): [number, number] => [v.minLon + (x - ox) / (k * scale), v.maxLat - (y - oy) / scale],
  };
}

export type Projection = ReturnType<typeof projection>;

const path = (p: Projection, ring: number[][]) => ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${p.xy(lon!, lat!).map((n) => n.toFixed(1)).join(' ')}`).join(' ') + ' Z';

export function Area({ p, geometry, color, label }: { p: Projection; geometry: Geometry | null | undefined; color: string; label: string }) {
  return (
    <g>
      <title>{label}</title>
      {polygonsOf(geometry).map((rings, i) => (
        <path key={i} d={rings.map((r) => path(p, r)).join(' ')} fill={color} fillOpacity={0.18} stroke={color} strokeWidth={2} fillRule="evenodd" />
      ))}
    </g>
  );
}

function ScaleBar({ p }: { p: Projection }) {
  const target = p.kmPerUnit * 160;
  const steps = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100];
  const km = steps.reduce((best, s) => (s <= target ? s : best), steps[0]!);
  const len = km / p.kmPerUnit;
  const y = p.height - 16;
  return (
    <g aria-hidden="true">
      <line x1={12} y1={y} x2={12 + len} y2={y} stroke="#333" strokeWidth={3} />
      <text x={12} y={y - 6} fontSize={13} fill="#333">
        {km >= 1 ? `${km} км` : `${Math.round(km * 1000)} м`}
      </text>
    </g>
  );
}

/** The SVG frame: a light grid, the scale bar, and what the caller draws (`children(p)`). */
export function GeoSvg({
  view,
  label,
  children,
  onClick,
  style,
}: {
  view: View;
  label: string;
  children: (p: Projection) => ReactNode;
  onClick?: (lonLat: [number, number]) => void;
  style?: React.CSSProperties;
}) {
  const p = projection(view);
  const click = onClick
    ? (e: MouseEvent<SVGSVGElement>) => {
        const svg = e.currentTarget;
        const r = svg.getBoundingClientRect();
        const x = ((e.clientX - r.left) / r.width) * p.width;
        const y = ((e.clientY - r.top) / r.height) * p.height;
        onClick(p.lonLat(x, y));
      }
    : undefined;
  return (
    <svg
      viewBox={`0 0 ${p.width} ${p.height}`}
      role="img"
      aria-label={label}
      onClick={click}
      style={{ width: '100%', height: 'auto', display: 'block', background: '#f6f8f6', border: '1px solid #dde3dd', borderRadius: 4, cursor: onClick ? 'crosshair' : undefined, ...style }}
    >
      {Array.from({ length: 9 }, (_, i) => (
        <line key={`v${i}`} x1={(p.width * (i + 1)) / 10} y1={0} x2={(p.width * (i + 1)) / 10} y2={p.height} stroke="#e6ebe6" />
      ))}
      {Array.from({ length: 5 }, (_, i) => (
        <line key={`h${i}`} x1={0} y1={(p.height * (i + 1)) / 6} x2={p.width} y2={(p.height * (i + 1)) / 6} stroke="#e6ebe6" />
      ))}
      {children(p)}
      <ScaleBar p={p} />
    </svg>
  );
}
