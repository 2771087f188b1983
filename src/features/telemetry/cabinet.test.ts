/**
 * Through HTTP: the boundaries of sites and facility objects (set by the owner — drawn or imported as
 * GeoJSON, checked, in the history; read by whoever sees the entry), and trips seen on the tracks for
 * the cabinet (the list, one trip's track with the boundaries for the map, declared trips against the
 * tracks) — each organization sees its own only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { makeOrganization, makePerson, makeSite, makeWorld, type World } from '../../../test/factories.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { detectTelemetryTrips } from './detect-job.js';
import { squareAround, truckTrip } from './simulated-track.js';

let ctx: TestContext;
let app: App;
let w: World;
let producer: Client, carrier: Client, facility: Client, operator: Client, otherCarrier: Client, otherProducer: Client, otherFacility: Client;
const SITE = { lat: 55.7, lon: 37.5 };
const FACILITY = { lat: 55.6, lon: 37.7 };

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildTestApp(ctx);
  w = await makeWorld(ctx);
  const head = async (role: 'carrier' | 'producer' | 'facility' | 'operator') => {
    const org = await makeOrganization(ctx, { roles: [role] });
    return signedIn(app, (await makePerson(ctx, { organizationId: org.id })).email);
  };
  producer = await signedIn(app, w.producer.head.email);
  carrier = await signedIn(app, w.carrier.head.email);
  facility = await signedIn(app, w.facility.head.email);
  operator = await head('operator');
  otherCarrier = await head('carrier');
  otherProducer = await head('producer');
  otherFacility = await head('facility');
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const put = (c: Client, url: string, boundary: unknown) => c.request('PUT', url, { boundary });

describe('boundaries of sites and facility objects', () => {
  it('the producer sets its site’s boundary; it is checked, kept, read by those who see the site and written in the history', async () => {
    const url = `/api/sites/${w.site.id}/boundary`;
    expect((await producer.get(url)).body).toMatchObject({ id: w.site.id, boundary: null, editable: true });
    const bad = await put(producer, url, { type: 'Polygon', coordinates: [[[37.5, 55.7], [37.51, 55.7], [37.51, 55.71], [37.5, 55.71]]] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'boundary.coordinates[0]', message: expect.stringContaining('не замкнут') });
    const point = await put(producer, url, { type: 'Point', coordinates: [37.5, 55.7] });
    expect(point.status).toBe(422);
    expect(point.body.errors[0].message).toContain('Polygon или MultiPolygon');
    const swapped = await put(producer, url, { type: 'Polygon', coordinates: [[[55.7, 137.5], [55.71, 137.5], [55.71, 137.51], [55.7, 137.5]]] });
    expect(swapped.status).toBe(422);
    expect(swapped.body.errors[0].message).toContain('широта');

    const square = squareAround(SITE, 0.003);
    const saved = await put(producer, url, { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: square }] });
    expect(saved.status).toBe(200);
    expect(saved.body.boundary).toEqual(square);
    // The carrier and the facility of its permit see it, read-only; the operator too; another producer does not.
    for (const c of [carrier, facility, operator]) expect((await c.get(url)).body).toMatchObject({ boundary: square, editable: false });
    expect((await otherProducer.get(url)).status).toBe(404);
    expect((await put(otherProducer, url, square)).status).toBe(404);
    expect((await put(carrier, url, square)).status).toBe(403);
    // Again the same: no new version.
    expect((await put(producer, url, square)).body.version).toBe(saved.body.version);
    const history = await producer.get(`/api/sites/${w.site.id}/history`);
    expect(history.body.items[0].changes).toEqual([{ field: 'boundary', before: null, after: 'многоугольник; вершин: 4' }]);
    // Removing it.
    expect((await put(producer, url, null)).body.boundary).toBeNull();
    expect((await put(producer, url, square)).status).toBe(200);
  });

  it('the facility organization sets its facility object’s boundary; the operator reads it, another facility organization does not', async () => {
    const url = `/api/facilities/${w.facility.objectId}/boundary`;
    const square = squareAround(FACILITY, 0.003);
    expect((await put(facility, url, square)).status).toBe(200);
    expect((await operator.get(url)).body).toMatchObject({ boundary: square, editable: false });
    expect((await otherFacility.get(url)).status).toBe(404);
    expect((await put(otherFacility, url, square)).status).toBe(404);
    expect((await facility.get(url)).body).toMatchObject({ editable: true });
    const multi = await put(facility, url, { type: 'MultiPolygon', coordinates: [square.coordinates, squareAround({ lat: 55.61, lon: 37.71 }).coordinates] });
    expect(multi.status).toBe(200);
    expect(multi.body.boundary.type).toBe('MultiPolygon');
    expect((await put(facility, url, square)).status).toBe(200);
  });
});

describe('trips seen on the tracks, in the cabinet', () => {
  it('a detected trip: its carrier, producer, facility and the operator see it with its track and boundaries; another carrier does not', async () => {
    const terminal = '99001';
    await ctx.pool.query(`update vehicles set terminal_number = $2 where id = $1`, [w.vehicle.id, terminal]);
    const start = new Date(Math.floor((ctx.now().getTime() - 5 * 3_600_000) / 60_000) * 60_000);
    const pts = truckTrip(SITE, FACILITY, start, { stepSeconds: 30, rand: () => 0.5 });
    await ctx.pool.query(
      `insert into telemetry_points (terminal, at, vehicle_id, received_at, latitude, longitude, speed, body_raised, protocol)
       select $1, u.at, $2, now(), u.lat, u.lon, 0, u.body, 'egts' from unnest($3::timestamptz[], $4::float8[], $5::float8[], $6::bool[]) u(at, lat, lon, body)`,
      [terminal, w.vehicle.id, pts.map((p) => p.at), pts.map((p) => p.latitude), pts.map((p) => p.longitude), pts.map((p) => p.bodyRaised)],
    );
    expect(await detectTelemetryTrips(ctx)).toMatchObject({ detections: 1, recorded: 1 });

    const list = await carrier.get('/api/telemetry/detections');
    expect(list.status).toBe(200);
    expect(list.body.total).toEqual({ value: 1, exact: true });
    const d = list.body.items[0];
    expect(d).toMatchObject({ kind: 'trip', outcome: 'recorded', plate: w.vehicle.plate, siteName: w.site.name, tripSource: 'telemetry', openReviews: 0 });
    for (const c of [producer, facility, operator]) expect((await c.get('/api/telemetry/detections')).body.items.map((x: any) => x.id)).toContain(d.id);
    expect((await otherCarrier.get('/api/telemetry/detections')).body.total).toEqual({ value: 0, exact: true });
    expect((await otherCarrier.get(`/api/telemetry/detections/${d.id}`)).status).toBe(404);
    expect((await otherProducer.get(`/api/telemetry/detections/${d.id}`)).status).toBe(404);
    expect((await carrier.get('/api/telemetry/detections?outcome=review')).body.total).toEqual({ value: 0, exact: true });
    // The producer's and the facility's «Трекеры»: their own sites' and facility objects' trips only.
    expect((await otherFacility.get('/api/telemetry/detections')).body.total).toEqual({ value: 0, exact: true });
    expect((await otherProducer.get('/api/telemetry/detections')).body.total).toEqual({ value: 0, exact: true });
    expect((await otherFacility.get(`/api/telemetry/detections/${d.id}`)).status).toBe(404);
    // The site's trips link the trip formed from the track to that track.
    const siteTrips = await producer.get(`/api/trips?siteId=${w.site.id}`);
    expect(siteTrips.status).toBe(200);
    expect(siteTrips.body.items.find((t: any) => t.id === d.tripId)).toMatchObject({ source: 'telemetry', trackId: d.id });
    for (const c of [carrier, facility, operator]) expect((await c.get('/api/trips')).body.items.find((t: any) => t.id === d.tripId)).toMatchObject({ trackId: d.id });
    expect((await otherProducer.get(`/api/trips?siteId=${w.site.id}`)).body.items ?? []).toEqual([]);

    const one = await producer.get(`/api/telemetry/detections/${d.id}`);
    expect(one.status).toBe(200);
    expect(one.body.track.length).toBeGreaterThan(20);
    expect(one.body.track.some((p: any) => p.bodyRaised === true)).toBe(true);
    expect(one.body.siteBoundary).toEqual(squareAround(SITE, 0.003));
    expect(one.body.facilityBoundary.type).toBe('Polygon');
    expect(new Date(one.body.track[0].at).getTime()).toBeLessThan(new Date(d.loadedAt).getTime());
    expect((await carrier.get('/api/telemetry/detections/999999')).status).toBe(404);

    const declared = await carrier.get('/api/telemetry/declared');
    expect(declared.status).toBe(200);
    const none = { value: 0, exact: true };
    expect(declared.body).toMatchObject({ counts: { confirmed: none, unsupported: none, no_data: none }, total: none, nextCursor: null });
  });
});
