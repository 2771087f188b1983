/**
 * Tracks of simulated trucks (pure): loading at a site (dwell inside its boundary), a drive to the
 * facility, the body raised inside it and lowered, a drive off — or the body raised on the way (a dump
 * outside any facility). Used by the demo and by the simulator (`npm run simulate`).
 */

export interface LatLon {
  lat: number;
  lon: number;
}

export interface SimPoint {
  at: Date;
  latitude: number;
  longitude: number;
  speed: number;
  bodyRaised: boolean;
}

/** Centres of the demo's places (their boundaries are squares around them, see `squareAround`). */
export const DEMO_PLACES = {
  sites: { s1: { lat: 55.665, lon: 37.553 }, s2: { lat: 55.683, lon: 37.628 }, s3: { lat: 55.683, lon: 37.545 } } as Record<string, LatLon>,
  facilities: { facility: { lat: 55.585, lon: 37.455 }, facility2: { lat: 56.05, lon: 37.22 } } as Record<string, LatLon>,
};

/** A GeoJSON Polygon: a square of ± `half` degrees of latitude (longitude scaled for Moscow) around `c`. */
export function squareAround(c: LatLon, half = 0.0015): { type: 'Polygon'; coordinates: number[][][] } {
  const dLon = half / Math.cos((c.lat * Math.PI) / 180);
  return {
    type: 'Polygon',
    coordinates: [[[c.lon - dLon, c.lat - half], [c.lon + dLon, c.lat - half], [c.lon + dLon, c.lat + half], [c.lon - dLon, c.lat + half], [c.lon - dLon, c.lat - half]]],
  };
}

/**
 * One trip as points every `stepSeconds`: 12 minutes of loading at `site`, a straight drive at about
 * 40 km/h, the body raised for two steps at `to` (or, with `dumpAtFraction`, on the way there), then
 * a short drive off.
 */
export function truckTrip(site: LatLon, to: LatLon, start: Date, o: { stepSeconds?: number; dumpAtFraction?: number; rand?: () => number } = {}): SimPoint[] {
  const step = (o.stepSeconds ?? 30) * 1000;
  const rand = o.rand ?? Math.random;
  const out: SimPoint[] = [];
  let t = start.getTime();
  const push = (lat: number, lon: number, speed: number, body: boolean) => {
    out.push({ at: new Date(t), latitude: lat, longitude: lon, speed, bodyRaised: body });
    t += step;
  };
  for (let i = 0; t < start.getTime() + 12 * 60_000; i++) push(site.lat + (rand() - 0.5) * 0.0006, site.lon + (rand() - 0.5) * 0.0006, rand() * 5, false);
  const dest = o.dumpAtFraction !== undefined ? { lat: site.lat + (to.lat - site.lat) * o.dumpAtFraction, lon: site.lon + (to.lon - site.lon) * o.dumpAtFraction } : to;
  const km = Math.hypot((dest.lat - site.lat) * 111, (dest.lon - site.lon) * 111 * Math.cos((site.lat * Math.PI) / 180));
  const steps = Math.max(3, Math.round((km / 40) * 3_600_000 / step));
  for (let i = 1; i <= steps; i++) push(site.lat + ((dest.lat - site.lat) * i) / steps, site.lon + ((dest.lon - site.lon) * i) / steps, 35 + rand() * 10, false);
  push(dest.lat, dest.lon, 0, false);
  push(dest.lat, dest.lon, 0, true);
  push(dest.lat, dest.lon, 0, true);
  push(dest.lat, dest.lon, 0, false);
  for (let i = 1; i <= 4; i++) push(dest.lat + 0.002 * i, dest.lon + 0.002 * i, 30, false);
  return out;
}
