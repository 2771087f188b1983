/**
 * Test data, built by each test for itself: an organization, a person who
 * signs in, a site, a permit, a vehicle, trips — only what the test needs,
 * instead of the whole demo. Each call makes fresh unique identifiers (ИНН,
 * ОГРН, СНИЛС, plate, numbers), so tests never collide with each other or the
 * demo.
 *
 *   const w = await makeWorld(ctx);                  // producer, carrier, facility with heads, a site, a permit, a vehicle
 *   await makeTrips(ctx, w, { count: 5 });           // formed trips under the permit
 *   const producer = await signedIn(app, w.producer.head.email);
 */
import { sql } from 'kysely';
import type { AppContext } from '../src/platform/context.js';
import { makeValidInnLegal, makeValidOgrn, makeValidSnils } from '../src/domain/identifiers.js';
import { hashPassword } from '../src/features/identity/password.js';
import { DEMO_PASSWORD } from '../src/features/demo/seed.js';

type OrgRole = 'producer' | 'carrier' | 'facility' | 'operator';

/** A counter that differs per process and call: unique ИНН/ОГРН/СНИЛС seeds and numbers. */
let counter = (process.pid % 9_000) * 10_000;
const next = () => ++counter;

/** A waste type of the ФККО catalogue every test database has (строительный мусор, IV класс). */
export const WASTE_CODE = '81110001495';

let passwordHash: Promise<string> | undefined;

export interface MadeOrganization {
  id: string;
  inn: string;
  name: string;
}

export async function makeOrganization(ctx: AppContext, o: { roles: OrgRole[]; name?: string }): Promise<MadeOrganization> {
  const n = next();
  const name = o.name ?? `ООО «Тест ${o.roles.join('-')} ${n}»`;
  const row = await ctx.db
    .insertInto('organizations')
    .values({ kind: 'legal', inn: makeValidInnLegal(n), ogrn: makeValidOgrn(n), name, roles: o.roles, address: `г. Москва, ул. Тестовая, д. ${n % 1000}` })
    .returning(['id', 'inn'])
    .executeTakeFirstOrThrow();
  return { id: row.id, inn: row.inn, name };
}

export interface MadePerson {
  id: string;
  /** The login; the password is DEMO_PASSWORD, so `signedIn(app, email)` works. */
  email: string;
}

/** A person with a password, a member of the organization (head by default; trusted: standard access for a year). */
export async function makePerson(
  ctx: AppContext,
  o: { organizationId: string; role?: 'head' | 'employee' | 'trusted'; access?: 'standard' | 'full'; name?: string },
): Promise<MadePerson> {
  const n = next();
  const role = o.role ?? 'head';
  const email = `person${n}@factory.ossig.test`;
  passwordHash ??= hashPassword(DEMO_PASSWORD);
  const person = await ctx.db
    .insertInto('persons')
    .values({ full_name: o.name ?? `Тестов Тест ${n}`, email, snils: makeValidSnils(n), password_hash: await passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('memberships')
    .values({
      person_id: person.id,
      organization_id: o.organizationId,
      role,
      access: o.access ?? (role === 'trusted' ? 'standard' : 'full'),
      valid_until: role === 'trusted' ? new Date(ctx.now().getTime() + 365 * 86_400_000) : null,
    })
    .execute();
  return { id: person.id, email };
}

/** A receiving facility (объект приёма) of a facility organization, accepting the given waste codes. */
export async function makeFacilityObject(ctx: AppContext, o: { organizationId: string; wasteCodes?: string[] }): Promise<{ id: string }> {
  const row = await ctx.db
    .insertInto('facilities')
    .values({
      organization_id: o.organizationId,
      number: sql<string>`'ОП-' || lpad(nextval('facility_number_seq')::text, 6, '0')`,
      name: `Полигон «Тестовый ${next()}»`,
      address: 'Московская обл., тестовый полигон',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const codes = o.wasteCodes ?? [WASTE_CODE];
  if (codes.length) await ctx.db.insertInto('facility_waste_types').values(codes.map((c) => ({ facility_id: row.id, waste_code: c }))).execute();
  return row;
}

export async function makeSite(ctx: AppContext, o: { producerId: string; name?: string }): Promise<{ id: string; name: string }> {
  const n = next();
  const name = o.name ?? `Объект ${n}`;
  const row = await ctx.db
    .insertInto('sites')
    .values({ producer_id: o.producerId, name, address: `г. Москва, ул. Строителей, д. ${n % 1000}`, cadastral_numbers: [`77:01:0001001:${n % 100_000}`] })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, name };
}

/** An active permit over a site: carriers, facilities (with their objects) and waste types with permitted volumes. */
export async function makePermit(
  ctx: AppContext,
  o: {
    siteId: string;
    producerId: string;
    carrierIds: string[];
    facilities: { organizationId: string; objectId: string }[];
    waste?: { code: string; permitted: number }[];
    validFrom?: string;
    validTo?: string;
  },
): Promise<{ id: string; number: string }> {
  const number = `ТЕСТ-${next()}`;
  const today = ctx.now().getTime();
  const row = await ctx.db
    .insertInto('permits')
    .values({
      number,
      site_id: o.siteId,
      producer_id: o.producerId,
      valid_from: o.validFrom ?? new Date(today - 365 * 86_400_000).toISOString().slice(0, 10),
      valid_to: o.validTo ?? new Date(today + 365 * 86_400_000).toISOString().slice(0, 10),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const waste = o.waste ?? [{ code: WASTE_CODE, permitted: 10_000 }];
  await ctx.db.insertInto('permit_waste_types').values(waste.map((w) => ({ permit_id: row.id, waste_code: w.code, permitted_volume: String(w.permitted) }))).execute();
  if (o.carrierIds.length) await ctx.db.insertInto('permit_carriers').values(o.carrierIds.map((c) => ({ permit_id: row.id, carrier_id: c }))).execute();
  if (o.facilities.length) {
    await ctx.db
      .insertInto('permit_facilities')
      .values(o.facilities.map((f) => ({ permit_id: row.id, facility_id: f.organizationId, facility_object_id: f.objectId })))
      .execute();
  }
  return { id: row.id, number };
}

/** A vehicle of a carrier with a unique valid plate (А123ВС77 style). */
export async function makeVehicle(ctx: AppContext, o: { carrierId: string; capacityM3?: number }): Promise<{ id: string; plate: string }> {
  const n = next();
  const letters = 'АВЕКМНОРСТУХ';
  const l = (i: number) => letters[Math.floor(n / 12 ** i) % 12];
  const plate = `${l(0)}${String(n % 1000).padStart(3, '0').replace('000', '001')}${l(1)}${l(2)}${['77', '97', '99', '177', '197', '199', '777', '799'][Math.floor(n / 1728) % 8]}`;
  const row = await ctx.db
    .insertInto('vehicles')
    .values({ carrier_id: o.carrierId, plate, model: 'КАМАЗ-6520', capacity_m3: String(o.capacityM3 ?? 20) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, plate };
}

export interface World {
  producer: MadeOrganization & { head: MadePerson };
  carrier: MadeOrganization & { head: MadePerson };
  facility: MadeOrganization & { head: MadePerson; objectId: string };
  site: { id: string; name: string };
  permit: { id: string; number: string };
  vehicle: { id: string; plate: string };
}

/** The smallest world a trip needs: a producer, a carrier and a facility (each with a head who signs in), a site, a permit, a vehicle. */
export async function makeWorld(ctx: AppContext): Promise<World> {
  const withHead = async (roles: OrgRole[]) => {
    const org = await makeOrganization(ctx, { roles });
    return { ...org, head: await makePerson(ctx, { organizationId: org.id }) };
  };
  const producer = await withHead(['producer']);
  const carrier = await withHead(['carrier']);
  const facilityOrg = await withHead(['facility']);
  const object = await makeFacilityObject(ctx, { organizationId: facilityOrg.id });
  const site = await makeSite(ctx, { producerId: producer.id });
  const permit = await makePermit(ctx, {
    siteId: site.id,
    producerId: producer.id,
    carrierIds: [carrier.id],
    facilities: [{ organizationId: facilityOrg.id, objectId: object.id }],
  });
  const vehicle = await makeVehicle(ctx, { carrierId: carrier.id });
  return { producer, carrier, facility: { ...facilityOrg, objectId: object.id }, site, permit, vehicle };
}

/**
 * Trips under the world's permit, one an hour backwards from `lastUnloadedAt` (default: 30 hours
 * before `ctx.now()`, so they are formed), 10 m³ and 17 t each, awaiting the facility's decision.
 */
export async function makeTrips(ctx: AppContext, w: World, o: { count: number; lastUnloadedAt?: Date; volume?: number; mass?: number }): Promise<number[]> {
  if (o.count <= 0) return [];
  const last = (o.lastUnloadedAt ?? new Date(ctx.now().getTime() - 30 * 3_600_000)).getTime();
  const rows = Array.from({ length: o.count }, (_, i) => {
    const unloaded = new Date(last - i * 3_600_000);
    return {
      permit_id: w.permit.id,
      site_id: w.site.id,
      carrier_id: w.carrier.id,
      vehicle_id: w.vehicle.id,
      facility_id: w.facility.id,
      facility_object_id: w.facility.objectId,
      waste_code: WASTE_CODE,
      loaded_at: new Date(unloaded.getTime() - 90 * 60_000),
      unloaded_at: unloaded,
      volume: String(o.volume ?? 10),
      mass: String(o.mass ?? 17),
      source: 'api' as const,
    };
  });
  const ids = await ctx.db.insertInto('trips').values(rows).returning('id').execute();
  return ids.map((r) => Number(r.id));
}
