import { describe, expect, it } from 'vitest';
import { detectTrips, haversineKm, pointInBoundary, type Boundary, type TrackPoint } from './detect-trips.js';

const square = (lat: number, lon: number, d = 0.005): { type: 'Polygon'; coordinates: number[][][] } => ({
  type: 'Polygon',
  coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]],
});
const SITE = { id: 'site', boundary: square(55.75, 37.6) };
const FACILITY = { id: 'facility', boundary: square(55.9, 37.4) };

/** A truck's track: minutes from 08:00 → place and body state. */
function track(steps: Array<[number, number, number, boolean | null]>): TrackPoint[] {
  return steps.map(([min, lat, lon, body]) => ({ at: new Date(Date.UTC(2026, 11, 4, 8, min)), latitude: lat, longitude: lon, bodyRaised: body }));
}

describe('geometry', () => {
  it('point in polygon with holes and multipolygons', () => {
    const withHole: Boundary = { type: 'Polygon', coordinates: [...square(0, 0, 1).coordinates, ...square(0, 0, 0.2).coordinates] };
    expect(pointInBoundary(0.5, 0.5, withHole)).toBe(true);
    expect(pointInBoundary(0, 0, withHole)).toBe(false);
    expect(pointInBoundary(2, 2, withHole)).toBe(false);
    const multi: Boundary = { type: 'MultiPolygon', coordinates: [square(0, 0, 1).coordinates, square(10, 10, 1).coordinates] };
    expect(pointInBoundary(10.5, 9.5, multi)).toBe(true);
    expect(pointInBoundary(5, 5, multi)).toBe(false);
  });
  it('haversine: one degree of latitude is about 111.2 km', () => {
    expect(haversineKm({ latitude: 55, longitude: 37 }, { latitude: 56, longitude: 37 })).toBeCloseTo(111.2, 0);
  });
});

describe('trip detection', () => {
  const good = track([
    [0, 55.7, 37.6, false],
    [5, 55.75, 37.6, false], // enters the site
    [15, 55.751, 37.601, false], // loading
    [20, 55.8, 37.5, false], // left loaded
    [40, 55.85, 37.45, false],
    [60, 55.9, 37.4, false], // at the facility
    [62, 55.9, 37.4, true], // body raised: unloaded
    [64, 55.9, 37.4, false],
    [80, 55.8, 37.5, false],
  ]);

  it('a loaded run from the site to a facility is one trip with its times and distance', () => {
    const { trips, dumpsOutside } = detectTrips(good, [SITE], [FACILITY]);
    expect(dumpsOutside).toEqual([]);
    expect(trips).toHaveLength(1);
    expect(trips[0]).toMatchObject({ siteId: 'site', facilityId: 'facility', loadedAt: new Date('2026-12-04T08:20:00Z'), unloadedAt: new Date('2026-12-04T09:02:00Z') });
    expect(trips[0]!.distanceKm).toBeGreaterThan(10);
  });

  it('duplicated and reordered points give the same single trip', () => {
    const shuffled = [...good, ...good.slice(2, 6)].reverse();
    expect(detectTrips(shuffled, [SITE], [FACILITY]).trips).toEqual(detectTrips(good, [SITE], [FACILITY]).trips);
  });

  it('the body raised outside every facility is a dump for review, not a trip', () => {
    const dump = track([
      [5, 55.75, 37.6, false],
      [15, 55.751, 37.601, false],
      [20, 55.8, 37.5, false],
      [30, 55.6, 37.9, true],
    ]);
    const r = detectTrips(dump, [SITE], [FACILITY]);
    expect(r.trips).toEqual([]);
    expect(r.dumpsOutside).toEqual([{ siteId: 'site', loadedAt: new Date('2026-12-04T08:20:00Z'), at: new Date('2026-12-04T08:30:00Z'), latitude: 55.6, longitude: 37.9 }]);
  });

  it('passing through a site without stopping, or an empty truck tipping, is no trip', () => {
    const pass = track([
      [0, 55.75, 37.6, false],
      [1, 55.8, 37.5, false],
      [30, 55.9, 37.4, true],
    ]);
    expect(detectTrips(pass, [SITE], [FACILITY])).toEqual({ trips: [], dumpsOutside: [] });
  });

  it('a gap in coverage between the site and the facility does not lose the trip', () => {
    const gap = track([
      [5, 55.75, 37.6, false],
      [15, 55.751, 37.601, false],
      [16, 55.76, 37.59, false],
      [58, 55.9, 37.4, true],
    ]);
    expect(detectTrips(gap, [SITE], [FACILITY]).trips).toHaveLength(1);
  });
});
