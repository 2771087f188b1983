/**
 * Trips are judged by the permit version in force when they were loaded: the instant of an
 * amendment, Moscow day boundaries of a version's term, before the permit was issued, after its
 * revocation; an amendment adding a facility or removing a waste code. The API and an upload of
 * the same rows give the same answer per trip, and an accepted trip keeps the version it was judged under.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import { multipart, tripsXlsx } from '../../../test/helpers/upload-files.js';
import { WASTE_CODE, makeFacilityObject, makeOrganization, makePermit, makeVehicle, makeWorld, type World } from '../../../test/factories.js';
import type { App } from '../../platform/http/server.js';
import { runJobsOnce } from '../../platform/jobs/index.js';
import { formatMoscowDateTime, moscowDate } from '../../domain/period.js';
import { JOBS } from '../index.js';
import { judgeTripPermit, type PermitOnRecord } from './record-trips.js';

let ctx: TestContext;
let app: App;
let carrier: Client;
let w: World;
let code2: string;
let facility2: { id: string; inn: string; objectId: string };
let revoked: { number: string; at: Date };
let revokedWithoutMoment: { number: string };
let suspended: { number: string };
let uploadPlate: string;

/** A calendar day `days` after `iso`. */
const day = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** An instant of Moscow wall-clock time. */
const msk = (iso: string, hm: string) => new Date(`${iso}T${hm}:00+03:00`);

// D: the day of the amendment that adds a facility and removes a waste code, 40 days ago.
const D = moscowDate(new Date(Date.now() - 40 * 86_400_000));
const ISSUED = msk(day(D, -12), '10:00');
const AMENDED = msk(D, '12:00');
const REDUCED = msk(day(D, 10), '12:00');

async function addVersion(
  permitId: string,
  v: { version: number; inForceFrom: Date; validFrom: string; validTo: string; codes: string[]; facilities: Array<{ code: string; objectId: string; orgId: string }> },
) {
  const row = await ctx.db
    .insertInto('permit_versions')
    .values({ permit_id: permitId, version: v.version, in_force_from: v.inForceFrom, valid_from: v.validFrom, valid_to: v.validTo, issued_at: v.inForceFrom })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.insertInto('permit_version_lines').values(v.codes.map((c) => ({ version_id: row.id, waste_code: c, permitted_volume: '5000' }))).execute();
  await ctx.db.insertInto('permit_version_carriers').values({ version_id: row.id, carrier_id: w.carrier.id }).execute();
  await ctx.db
    .insertInto('permit_version_facilities')
    .values(v.facilities.map((f) => ({ version_id: row.id, waste_code: f.code, facility_object_id: f.objectId, facility_id: f.orgId })))
    .execute();
}

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildTestApp(ctx);
  w = await makeWorld(ctx);
  carrier = await signedIn(app, w.carrier.head.email);
  code2 = (await ctx.db.selectFrom('waste_types').select('code').where('code', '<>', WASTE_CODE).orderBy('code').executeTakeFirstOrThrow()).code;
  await ctx.db.insertInto('facility_waste_types').values({ facility_id: w.facility.objectId, waste_code: code2 }).execute();
  const org2 = await makeOrganization(ctx, { roles: ['facility'] });
  facility2 = { id: org2.id, inn: org2.inn, objectId: (await makeFacilityObject(ctx, { organizationId: org2.id })).id };
  uploadPlate = (await makeVehicle(ctx, { carrierId: w.carrier.id })).plate;

  const obj1 = { objectId: w.facility.objectId, orgId: w.facility.id };
  // Version 1: issued at ISSUED, term from D−10 to D+5; two waste codes, one facility.
  await addVersion(w.permit.id, {
    version: 1,
    inForceFrom: ISSUED,
    validFrom: day(D, -10),
    validTo: day(D, 5),
    codes: [WASTE_CODE, code2],
    facilities: [{ code: WASTE_CODE, ...obj1 }, { code: code2, ...obj1 }],
  });
  // Version 2 at AMENDED: adds facility2 for WASTE_CODE, removes code2, term extended to D+20.
  const v2facilities = [{ code: WASTE_CODE, ...obj1 }, { code: WASTE_CODE, objectId: facility2.objectId, orgId: facility2.id }];
  await addVersion(w.permit.id, { version: 2, inForceFrom: AMENDED, validFrom: day(D, -10), validTo: day(D, 20), codes: [WASTE_CODE], facilities: v2facilities });
  // Version 3 at REDUCED: the term cut to D+12.
  await addVersion(w.permit.id, { version: 3, inForceFrom: REDUCED, validFrom: day(D, -10), validTo: day(D, 12), codes: [WASTE_CODE], facilities: v2facilities });
  await ctx.db.updateTable('permits').set({ version: 3, valid_to: day(D, 12) }).where('id', '=', w.permit.id).execute();

  const permitOf = async () =>
    makePermit(ctx, { siteId: w.site.id, producerId: w.producer.id, carrierIds: [w.carrier.id], facilities: [{ organizationId: w.facility.id, objectId: w.facility.objectId }] });
  const r = await permitOf();
  revoked = { number: r.number, at: msk(day(D, 2), '15:00') };
  await ctx.db.updateTable('permits').set({ status: 'revoked', revoked_at: revoked.at }).where('id', '=', r.id).execute();
  const r2 = await permitOf();
  revokedWithoutMoment = { number: r2.number };
  await ctx.db.updateTable('permits').set({ status: 'revoked' }).where('id', '=', r2.id).execute();
  const s = await permitOf();
  suspended = { number: s.number };
  await ctx.db.updateTable('permits').set({ status: 'suspended' }).where('id', '=', s.id).execute();
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

interface Case {
  name: string;
  permit?: string;
  code?: string;
  inn?: string;
  loaded: Date;
  /** accepted under this version, or rejected with a message on this field */
  expect: { version: number } | { field: string; message: RegExp };
}

const CASES = (): Case[] => [
  { name: 'before the permit was issued', loaded: new Date(ISSUED.getTime() - 60_000), expect: { field: 'loadedAt', message: /ещё не было выдано \(выдано \d\d\.\d\d\.\d{4} 10:00\)/ } },
  { name: 'issued, but the last minute before the first day of its term (Moscow)', loaded: msk(day(D, -11), '23:59'), expect: { field: 'loadedAt', message: /ещё не действовало \(срок действия/ } },
  { name: 'the first minute of its term (Moscow)', loaded: msk(day(D, -10), '00:00'), expect: { version: 1 } },
  { name: 'a facility added by the amendment, a minute before it', inn: 'facility2', loaded: new Date(AMENDED.getTime() - 60_000), expect: { field: 'facilityInn', message: /не указан в разрешении .* в версии 1, действовавшей на/ } },
  { name: 'a facility added by the amendment, at its very instant', inn: 'facility2', loaded: AMENDED, expect: { version: 2 } },
  { name: 'a waste code the amendment removed, before it', code: 'code2', loaded: new Date(AMENDED.getTime() - 120_000), expect: { version: 1 } },
  { name: 'a waste code the amendment removed, after it', code: 'code2', loaded: new Date(AMENDED.getTime() + 60_000), expect: { field: 'wasteCode', message: /не предусмотрен разрешением .* в версии 2, действовавшей на/ } },
  { name: 'after the first term ended, within the extended one', loaded: msk(day(D, 7), '10:00'), expect: { version: 2 } },
  { name: 'the last minute of the reduced term (Moscow)', loaded: msk(day(D, 12), '23:59'), expect: { version: 3 } },
  { name: 'the first minute after the reduced term (Moscow)', loaded: msk(day(D, 13), '00:00'), expect: { field: 'loadedAt', message: /уже не действовало \(срок действия .* версия 3\)/ } },
  { name: 'a minute before the revocation', permit: 'revoked', loaded: new Date(revoked.at.getTime() - 60_000), expect: { version: 1 } },
  { name: 'at the revocation', permit: 'revoked', loaded: revoked.at, expect: { field: 'loadedAt', message: /уже не действовало — аннулировано/ } },
  { name: 'a permit revoked without a moment', permit: 'revokedWithoutMoment', loaded: msk(day(D, 3), '10:00'), expect: { field: 'permitNumber', message: /не действует \(аннулировано\)/ } },
  { name: 'a suspended permit', permit: 'suspended', loaded: msk(day(D, 3), '11:00'), expect: { field: 'permitNumber', message: /не действует \(приостановлено\)/ } },
];

/** The cases with their instants and parties filled in. */
function cases() {
  return CASES().map((c) => {
    const permit = c.permit === 'revoked' ? revoked.number : c.permit === 'revokedWithoutMoment' ? revokedWithoutMoment.number : c.permit === 'suspended' ? suspended.number : w.permit.number;
    return {
      ...c,
      permit,
      code: c.code === 'code2' ? code2 : WASTE_CODE,
      inn: c.inn === 'facility2' ? facility2.inn : w.facility.inn,
    };
  });
}

describe('trips judged by the permit version in force at loading', () => {
  let apiAnswers: Array<{ status: string; messages: string[] }>;

  it('through the API: each case accepted under its version or refused naming the field', async () => {
    const list = cases();
    const res = await carrier.post('/api/trips', {
      trips: list.map((c, i) => ({
        permitNumber: c.permit,
        plate: w.vehicle.plate,
        wasteCode: c.code,
        facilityInn: c.inn,
        loadedAt: c.loaded.toISOString(),
        unloadedAt: new Date(c.loaded.getTime() + 3_600_000).toISOString(),
        volume: '10',
        mass: '15',
        externalId: `API-${i}`,
      })),
    });
    expect(res.status, res.text).toBe(200);
    for (const [i, c] of list.entries()) {
      const r = res.body.results[i];
      if ('version' in c.expect) {
        expect(r, c.name).toMatchObject({ status: 'accepted' });
        const row = await ctx.db.selectFrom('trips').select('permit_version').where('id', '=', r.id).executeTakeFirstOrThrow();
        expect(row.permit_version, c.name).toBe(c.expect.version);
      } else {
        expect(r.status, c.name).toBe('rejected');
        expect(r.errors, c.name).toEqual([{ field: `trips[${i}].${c.expect.field}`, message: expect.stringMatching(c.expect.message) }]);
      }
    }
    apiAnswers = res.body.results.map((r: any) => ({ status: r.status, messages: (r.errors ?? []).map((e: any) => e.message) }));

    // The list shows the version each trip was judged under.
    const page = await carrier.get(`/api/trips?permitId=${w.permit.id}&pageSize=50`);
    expect(page.body.items.map((t: any) => t.permitVersion).sort()).toEqual([1, 1, 2, 2, 3]);
  });

  it('an upload of the same rows gives the same answer per row', async () => {
    const list = cases();
    const rows = list.map((c, i) => [
      c.permit,
      uploadPlate,
      c.code,
      c.inn,
      formatMoscowDateTime(c.loaded),
      formatMoscowDateTime(new Date(c.loaded.getTime() + 3_600_000)),
      '10',
      '15',
      `UPL-${i}`,
    ]);
    const m = multipart('рейсы.xlsx', await tripsXlsx(rows));
    const res = await carrier.request('POST', '/api/uploads', m.body, { 'content-type': m.contentType });
    expect(res.status, res.text).toBe(202);
    await runJobsOnce(ctx, JOBS);
    const chunks = await ctx.db.selectFrom('upload_chunks').select('outcomes').where('upload_id', '=', res.body.id).orderBy('chunk').execute();
    const outcomes = chunks.flatMap((c) => c.outcomes);
    expect(outcomes.length).toBe(list.length);
    const status = { a: 'accepted', r: 'rejected', d: 'duplicate' } as const;
    expect(outcomes.map((o) => ({ status: status[o[1] as 'a' | 'r' | 'd'], messages: o[3] }))).toEqual(apiAnswers);
    const versions = await sql<{ v: number }>`select permit_version as v from trips t join vehicles v on v.id = t.vehicle_id
      where v.plate = ${uploadPlate} order by t.loaded_at`.execute(ctx.db);
    expect(versions.rows.map((r) => r.v)).toEqual([1, 1, 2, 1, 2, 3]);
  });
});

describe('judgeTripPermit (pure)', () => {
  const v = (version: number, inForceFrom: Date | null, facilities: string[]) => ({
    permitId: 'p',
    number: 'РП-1',
    siteId: 's',
    status: 'active' as const,
    version,
    inForceFrom,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    lines: new Map([['81110001495', { volume: '10', mass: null }]]),
    carrierIds: new Set(['c']),
    facilities: facilities.map((inn) => ({ wasteCode: '81110001495', objectId: `o-${inn}`, organizationId: `org-${inn}`, inn })),
  });
  const permit: PermitOnRecord = {
    id: 'p',
    number: 'РП-1',
    siteId: 's',
    status: 'active',
    revokedAt: null,
    versions: [v(1, null, ['7700000001']), v(2, new Date('2026-06-01T09:00:00Z'), ['7700000001', '7700000002'])],
  };
  it('without a loading time answers for the other fields by the present terms', () => {
    const r = judgeTripPermit(permit, { carrierId: 'c', loadedAt: null, wasteCode: '81110001495', facilityInn: '7700000002' });
    expect(r.errors).toEqual([]);
    expect(r.terms?.version).toBe(2);
    expect(r.facility).toEqual({ orgId: 'org-7700000002', objectId: 'o-7700000002' });
  });
  it('a carrier not named in the version in force is refused on the permit number', () => {
    const r = judgeTripPermit(permit, { carrierId: 'x', loadedAt: new Date('2026-03-01T09:00:00Z'), wasteCode: null, facilityInn: null });
    expect(r.errors).toEqual([{ field: 'permitNumber', message: expect.stringMatching(/не указана перевозчиком в разрешении РП-1 в версии 1/) }]);
  });
});
