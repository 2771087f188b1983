/**
 * Boundaries of sites and facilities (geofences for trips formed from trackers): GeoJSON Polygon or
 * MultiPolygon in WGS 84, as drawn in the cabinet or imported from a file. Pure: checks a value and
 * says, in Russian and naming the field, what is wrong with it.
 *
 * Accepted besides a bare geometry: a Feature, or a FeatureCollection of exactly one feature (what
 * GIS tools export). Each ring: at least four positions, closed (the last equals the first),
 * longitude −180…180, latitude −90…90, no more than MAX_BOUNDARY_POSITIONS positions in all.
 */

export type Boundary =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

export interface BoundaryProblem {
  field: string;
  message: string;
}

export const MAX_BOUNDARY_POSITIONS = 10_000;

const LABEL = 'Граница';

function geometryOf(v: unknown, field: string): { geometry: unknown; field: string } | BoundaryProblem {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { field, message: `${LABEL}: ожидается объект GeoJSON (Polygon или MultiPolygon)` };
  const o = v as Record<string, unknown>;
  if (o.type === 'FeatureCollection') {
    const fs = o.features;
    if (!Array.isArray(fs) || fs.length !== 1) return { field: `${field}.features`, message: `${LABEL}: в FeatureCollection должен быть ровно один объект (features), а их ${Array.isArray(fs) ? fs.length : 0}` };
    return geometryOf(fs[0], `${field}.features[0]`);
  }
  if (o.type === 'Feature') return { geometry: o.geometry, field: `${field}.geometry` };
  return { geometry: v, field };
}

function checkRing(ring: unknown, field: string, out: BoundaryProblem[], count: { n: number }): void {
  if (!Array.isArray(ring) || ring.length < 4) {
    out.push({ field, message: `${LABEL}: контур (${field}) должен состоять не менее чем из 4 точек (3 вершины и замыкающая)` });
    return;
  }
  count.n += ring.length;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const f = `${field}[${i}]`;
    if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      out.push({ field: f, message: `${LABEL}: точка ${f} должна быть парой чисел [долгота, широта]` });
      return;
    }
    const [lon, lat] = p as [number, number];
    if (lon < -180 || lon > 180) {
      out.push({ field: f, message: `${LABEL}: долгота точки ${f} (${lon}) вне диапазона −180…180 (WGS 84; порядок — [долгота, широта])` });
      return;
    }
    if (lat < -90 || lat > 90) {
      out.push({ field: f, message: `${LABEL}: широта точки ${f} (${lat}) вне диапазона −90…90 (WGS 84; порядок — [долгота, широта])` });
      return;
    }
  }
  const a = ring[0] as number[];
  const b = ring[ring.length - 1] as number[];
  if (a[0] !== b[0] || a[1] !== b[1]) out.push({ field, message: `${LABEL}: контур ${field} не замкнут — последняя точка должна совпадать с первой` });
}

function checkPolygon(rings: unknown, field: string, out: BoundaryProblem[], count: { n: number }): void {
  if (!Array.isArray(rings) || rings.length === 0) {
    out.push({ field, message: `${LABEL}: у многоугольника (${field}) должен быть хотя бы один контур` });
    return;
  }
  rings.forEach((r, i) => checkRing(r, `${field}[${i}]`, out, count));
}

/** The boundary as a bare Polygon or MultiPolygon, or the problems found (at most 20). */
export function checkBoundary(value: unknown, field = 'boundary'): { boundary: Boundary } | { problems: BoundaryProblem[] } {
  const g = geometryOf(value, field);
  if ('message' in g) return { problems: [g] };
  const geo = g.geometry as Record<string, unknown> | null;
  if (!geo || typeof geo !== 'object' || Array.isArray(geo)) return { problems: [{ field: g.field, message: `${LABEL}: нет геометрии (ожидается Polygon или MultiPolygon)` }] };
  const out: BoundaryProblem[] = [];
  const count = { n: 0 };
  const coords = geo.coordinates;
  const cf = `${g.field}.coordinates`;
  if (geo.type === 'Polygon') checkPolygon(coords, cf, out, count);
  else if (geo.type === 'MultiPolygon') {
    if (!Array.isArray(coords) || coords.length === 0) out.push({ field: cf, message: `${LABEL}: в MultiPolygon нет ни одного многоугольника` });
    else coords.forEach((p, i) => checkPolygon(p, `${cf}[${i}]`, out, count));
  } else {
    const t = typeof geo.type === 'string' ? geo.type.slice(0, 40) : 'не указан';
    return { problems: [{ field: `${g.field}.type`, message: `${LABEL}: тип геометрии «${t}» не подходит — нужен Polygon или MultiPolygon` }] };
  }
  if (count.n > MAX_BOUNDARY_POSITIONS) out.push({ field: cf, message: `${LABEL}: слишком много точек (${count.n}; не более ${MAX_BOUNDARY_POSITIONS})` });
  if (out.length) return { problems: out.slice(0, 20) };
  const strip = (ring: number[][]) => ring.map((p) => [p[0]!, p[1]!]);
  return geo.type === 'Polygon'
    ? { boundary: { type: 'Polygon', coordinates: (coords as number[][][]).map(strip) } }
    : { boundary: { type: 'MultiPolygon', coordinates: (coords as number[][][][]).map((poly) => poly.map(strip)) } };
}

/** A boundary as stored (jsonb, or its text): the geometry when it is a valid one, else null. */
export function storedBoundary(v: unknown): Boundary | null {
  if (v === null || v === undefined) return null;
  let value = v;
  if (typeof v === 'string') {
    try {
      value = JSON.parse(v);
    } catch {
      return null;
    }
  }
  const r = checkBoundary(value);
  return 'boundary' in r ? r.boundary : null;
}
