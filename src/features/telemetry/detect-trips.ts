/**
 * Trips from a vehicle's track (pure: no I/O). A truck is loaded at a site when it stayed inside the
 * site's boundary (at least `minDwellMinutes`) and left it with the body down; it unloaded where the
 * body was next raised: inside a facility object's boundary that is a trip, outside every facility a
 * case for the operator's review (a likely illegal dump). Points may come duplicated and out of order.
 * Boundaries are GeoJSON Polygon or MultiPolygon (WGS 84); point-in-polygon by ray casting (even–odd
 * rule, holes included) — no PostGIS.
 */

import type { Boundary } from '../../domain/boundary.js';

export type { Boundary };

export interface TrackPoint {
  at: Date;
  latitude: number;
  longitude: number;
  bodyRaised: boolean | null;
}

export interface Place {
  id: string;
  boundary: Boundary;
}

export interface DetectedTrip {
  siteId: string;
  facilityId: string;
  loadedAt: Date;
  unloadedAt: Date;
  /** Along the track from leaving the site to the body raised, km. */
  distanceKm: number;
  points: number;
}

export interface DumpOutside {
  siteId: string;
  loadedAt: Date;
  at: Date;
  latitude: number;
  longitude: number;
}

function inRing(lon: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInBoundary(lat: number, lon: number, b: Boundary): boolean {
  const polygons = b.type === 'Polygon' ? [b.coordinates] : b.coordinates;
  return polygons.some((rings) => rings.length > 0 && inRing(lon, lat, rings[0]!) && !rings.slice(1).some((hole) => inRing(lon, lat, hole)));
}

/** Great-circle distance, km. */
export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * r;
  const dLon = (b.longitude - a.longitude) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function detectTrips(
  track: readonly TrackPoint[],
  sites: readonly Place[],
  facilities: readonly Place[],
  opts: { minDwellMinutes?: number } = {},
): { trips: DetectedTrip[]; dumpsOutside: DumpOutside[] } {
  const minDwellMs = (opts.minDwellMinutes ?? 3) * 60_000;
  // In time order, one point per moment.
  const byTime = new Map<number, TrackPoint>();
  for (const p of track) byTime.set(p.at.getTime(), p);
  const points = [...byTime.values()].sort((a, b) => a.at.getTime() - b.at.getTime());

  const trips: DetectedTrip[] = [];
  const dumpsOutside: DumpOutside[] = [];
  let atSite: { id: string; since: number } | null = null;
  let loaded: { siteId: string; at: Date; km: number; points: number; last: TrackPoint } | null = null;
  let bodyUp = false;
  for (const p of points) {
    const site = sites.find((s) => pointInBoundary(p.latitude, p.longitude, s.boundary)) ?? null;
    const raisedNow = p.bodyRaised === true && !bodyUp;
    if (p.bodyRaised !== null) bodyUp = p.bodyRaised;
    if (loaded) {
      loaded.km += haversineKm(loaded.last, p);
      loaded.points++;
      loaded.last = p;
    }
    if (raisedNow && loaded) {
      const facility = facilities.find((f) => pointInBoundary(p.latitude, p.longitude, f.boundary));
      if (facility) {
        trips.push({ siteId: loaded.siteId, facilityId: facility.id, loadedAt: loaded.at, unloadedAt: p.at, distanceKm: Math.round(loaded.km * 100) / 100, points: loaded.points });
      } else if (!site || site.id !== loaded.siteId) {
        dumpsOutside.push({ siteId: loaded.siteId, loadedAt: loaded.at, at: p.at, latitude: p.latitude, longitude: p.longitude });
      } else {
        continue; // raised again at the site it loaded at: still loading
      }
      loaded = null;
      atSite = null;
      continue;
    }
    if (site) {
      if (!atSite || atSite.id !== site.id) atSite = { id: site.id, since: p.at.getTime() };
    } else if (atSite) {
      // Left the site: loaded if it stayed long enough and leaves with the body down.
      if (p.at.getTime() - atSite.since >= minDwellMs && !bodyUp) loaded = { siteId: atSite.id, at: p.at, km: 0, points: 1, last: p };
      atSite = null;
    }
  }
  return { trips, dumpsOutside };
}
