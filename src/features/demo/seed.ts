/**
 * Demo data: Moscow organizations with valid identifiers, sites with
 * plausible addresses and cadastral numbers, permits, vehicles and trips
 * spread over months (a dump truck carries ~10–20 m³), some finished within
 * the last 27 hours, one permit moved beyond its permitted volume.
 * Deterministic: a seeded generator, so two demos are the same.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { makeValidSnils } from '../../domain/identifiers.js';
import { hashPassword } from '../identity/password.js';
import { keepPresentTermsAsVersion } from '../permits/issue.js';
import { AFTER_DEMO_SEED } from './hooks.js';

import { DEMO_PASSWORD } from './types.js';
import { insertDemoOrganization, type DemoOrgSpec } from './organizations.js';
export { DEMO_PASSWORD };

export const DEMO_LOGINS = [
  { login: 'producer@ossig.test', who: 'отходопроизводитель ООО «СтройМонолит» (руководитель)' },
  { login: 'carrier@ossig.test', who: 'перевозчик ООО «ТрансГрунт» (руководитель)' },
  { login: 'facility@ossig.test', who: 'объект приёма ООО «ЭкоПереработка» (руководитель)' },
  { login: 'operator@ossig.test', who: 'информационный оператор ГКУ «ИО ОССиГ» (руководитель)' },
  { login: 'producer2@ossig.test', who: 'другой отходопроизводитель ООО «ГлавСтрой-Сити»' },
  { login: 'trusted@ossig.test', who: 'доверенное лицо ООО «СтройМонолит» со стандартным доступом' },
  { login: 'manager@ossig.test', who: 'управляющая организация ООО «УК «Домовой»» (руководитель): общие собрания собственников' },
] as const;

/** Mulberry32: a small deterministic generator for demo values (not for ids or secrets). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLATE_LETTERS = 'АВЕКМНОРСТУХ';

interface OrgSpec extends DemoOrgSpec {
  roles: ('producer' | 'carrier' | 'facility' | 'operator')[];
}

const ORGS: OrgSpec[] = [
  { key: 'operator', name: 'Государственное казённое учреждение города Москвы «Информационный оператор ОССиГ»', shortName: 'ГКУ «ИО ОССиГ»', roles: ['operator'], address: 'г. Москва, ул. Тверская, д. 13', seed: 101 },
  { key: 'producer', name: 'Общество с ограниченной ответственностью «СтройМонолит»', shortName: 'ООО «СтройМонолит»', roles: ['producer'], address: 'г. Москва, Ленинский пр-т, д. 30А, офис 412', seed: 202 },
  { key: 'producer2', name: 'Общество с ограниченной ответственностью «ГлавСтрой-Сити»', shortName: 'ООО «ГлавСтрой-Сити»', roles: ['producer'], address: 'г. Москва, Пресненская наб., д. 12, офис 3105', seed: 203 },
  { key: 'carrier', name: 'Общество с ограниченной ответственностью «ТрансГрунт»', shortName: 'ООО «ТрансГрунт»', roles: ['carrier'], address: 'г. Москва, Каширское ш., д. 61, корп. 3', seed: 304 },
  { key: 'carrier2', name: 'Общество с ограниченной ответственностью «МосАвтоВывоз»', shortName: 'ООО «МосАвтоВывоз»', roles: ['carrier'], address: 'г. Москва, ул. Подольских Курсантов, д. 22', seed: 305 },
  { key: 'facility', name: 'Общество с ограниченной ответственностью «ЭкоПереработка»', shortName: 'ООО «ЭкоПереработка»', roles: ['facility'], address: 'г. Москва, пос. Сосенское, Калужское ш., 21-й км, вл. 4', seed: 406 },
  { key: 'facility2', name: 'Акционерное общество «Полигон «Северный»»', shortName: 'АО «Полигон «Северный»»', roles: ['facility'], address: 'Московская обл., г.о. Солнечногорск, д. Хметьево, стр. 1', seed: 407 },
];

const PEOPLE = [
  { email: 'operator@ossig.test', name: 'Соколова Ирина Викторовна', org: 'operator', role: 'head' as const, phone: '+79161000001' },
  { email: 'producer@ossig.test', name: 'Петров Алексей Сергеевич', org: 'producer', role: 'head' as const, phone: '+79161000002' },
  { email: 'producer2@ossig.test', name: 'Кузнецова Марина Олеговна', org: 'producer2', role: 'head' as const, phone: '+79161000003' },
  { email: 'carrier@ossig.test', name: 'Иванов Дмитрий Николаевич', org: 'carrier', role: 'head' as const, phone: '+79161000004' },
  { email: 'carrier2@ossig.test', name: 'Смирнов Олег Петрович', org: 'carrier2', role: 'head' as const, phone: '+79161000005' },
  { email: 'facility@ossig.test', name: 'Морозова Елена Андреевна', org: 'facility', role: 'head' as const, phone: '+79161000006' },
  { email: 'facility2@ossig.test', name: 'Волков Сергей Игоревич', org: 'facility2', role: 'head' as const, phone: '+79161000007' },
  { email: 'trusted@ossig.test', name: 'Новиков Павел Андреевич', org: 'producer', role: 'trusted' as const, phone: '+79161000008' },
];

const SITES = [
  { key: 's1', producer: 'producer', name: 'Жилой комплекс «Профсоюзная, 56», корпус 1–3', address: 'г. Москва, ул. Профсоюзная, вл. 56', cadastral: '77:06:0004005:1023' },
  { key: 's2', producer: 'producer', name: 'Снос здания и строительство бизнес-центра «Нагатинский»', address: 'г. Москва, Нагатинская ул., вл. 1, стр. 5', cadastral: '77:05:0002004:3187' },
  { key: 's3', producer: 'producer2', name: 'Реконструкция школы № 1514', address: 'г. Москва, ул. Крупской, д. 12', cadastral: '77:07:0013007:2264' },
];

interface PermitSpec {
  number: string;
  site: string;
  carriers: string[];
  facilities: string[];
  /** waste code → permitted m³ and density t/m³ */
  waste: { code: string; permitted: number; density: number }[];
  /** Share of trips. */
  weight: number;
}

const PERMITS: PermitSpec[] = [
  {
    number: 'РП-77-2026-000142',
    site: 's1',
    carriers: ['carrier', 'carrier2'],
    facilities: ['facility', 'facility2'],
    waste: [
      { code: '81110001495', permitted: 30_000, density: 1.75 },
      { code: '81111111494', permitted: 12_000, density: 1.7 },
    ],
    weight: 0.45,
  },
  {
    number: 'РП-77-2026-000157',
    site: 's1',
    carriers: ['carrier'],
    facilities: ['facility'],
    waste: [
      { code: '82220101215', permitted: 9_000, density: 2.2 },
      { code: '89000001724', permitted: 6_000, density: 1.1 },
    ],
    weight: 0.2,
  },
  {
    // Deliberately small: its brick volume is exceeded (over-limit is flagged, never hidden).
    number: 'РП-77-2026-000201',
    site: 's2',
    carriers: ['carrier'],
    facilities: ['facility'],
    waste: [
      { code: '81220101205', permitted: 2_000, density: 1.8 },
      { code: '82230101215', permitted: 8_000, density: 2.4 },
      { code: '83020001714', permitted: 5_000, density: 2.0 },
    ],
    weight: 0.2,
  },
  {
    number: 'РП-77-2026-000233',
    site: 's3',
    carriers: ['carrier2', 'carrier'],
    facilities: ['facility2'],
    waste: [
      { code: '81290101724', permitted: 6_000, density: 1.2 },
      { code: '81110001495', permitted: 15_000, density: 1.75 },
    ],
    weight: 0.15,
  },
];

export function demoPlate(rand: () => number, region: string): string {
  const l = () => PLATE_LETTERS[Math.floor(rand() * PLATE_LETTERS.length)];
  const n = String(1 + Math.floor(rand() * 998)).padStart(3, '0');
  return `${l()}${n}${l()}${l()}${region}`;
}

export interface DemoOptions {
  trips: number;
  /** Days of history the trips spread over, ending now. */
  days?: number;
  log?: (line: string) => void;
}

export async function isDatabaseEmpty(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('organizations').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n === 0;
}

/** Loads the ФККО catalogue (idempotent). */
export async function syncCatalog(ctx: AppContext): Promise<void> {
  const { FKKO_CONSTRUCTION } = await import('../../domain/fkko.js');
  await ctx.db
    .insertInto('waste_types')
    .values(FKKO_CONSTRUCTION.map((w) => ({ code: w.code, name: w.name })))
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: (eb) => eb.ref('excluded.name') }))
    .execute();
}

export async function seedDemo(ctx: AppContext, opts: DemoOptions): Promise<{ trips: number }> {
  const log = opts.log ?? (() => {});
  const rand = prng(2026);
  const now = ctx.now();
  const days = opts.days ?? 180;
  await syncCatalog(ctx);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const orgIds = new Map<string, string>();
  const siteIds = new Map<string, string>();
  const permitIds = new Map<string, string>();
  const vehiclesByCarrier = new Map<string, string[]>();
  const facilityObjectIds = new Map<string, string>();

  await ctx.db.transaction().execute(async (trx) => {
    for (const o of ORGS) orgIds.set(o.key, await insertDemoOrganization(trx, o, o.roles));
    for (const [i, p] of PEOPLE.entries()) {
      const person = await trx
        .insertInto('persons')
        .values({ full_name: p.name, email: p.email, phone: p.phone, snils: makeValidSnils(5000 + i * 37), password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('memberships')
        .values({
          person_id: person.id,
          organization_id: orgIds.get(p.org)!,
          role: p.role,
          access: p.role === 'trusted' ? 'standard' : 'full',
          valid_until: p.role === 'trusted' ? new Date(now.getTime() + 365 * 86_400_000) : null,
        })
        .execute();
    }
    // Each facility organization keeps one receiving facility (объект приёма) accepting its permits' codes.
    for (const o of ORGS.filter((x) => x.roles.includes('facility'))) {
      const codes = [...new Set(PERMITS.filter((p) => p.facilities.includes(o.key)).flatMap((p) => p.waste.map((w) => w.code)))];
      const row = await trx
        .insertInto('facilities')
        .values({
          organization_id: orgIds.get(o.key)!,
          number: sql<string>`'ОП-' || lpad(nextval('facility_number_seq')::text, 6, '0')`,
          name: o.key === 'facility' ? 'Комплекс переработки строительных отходов «Сосенское»' : 'Полигон «Северный»',
          address: o.address,
          kind: o.key === 'facility' ? 'processing' : 'disposal',
          daily_capacity_t: o.key === 'facility' ? '5000' : '12000',
          working_hours: 'круглосуточно',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      facilityObjectIds.set(o.key, row.id);
      if (codes.length) await trx.insertInto('facility_waste_types').values(codes.map((c) => ({ facility_id: row.id, waste_code: c }))).execute();
    }
    for (const s of SITES) {
      const row = await trx
        .insertInto('sites')
        .values({ producer_id: orgIds.get(s.producer)!, name: s.name, address: s.address, cadastral_numbers: [s.cadastral] })
        .returning('id')
        .executeTakeFirstOrThrow();
      siteIds.set(s.key, row.id);
    }
    const validFrom = new Date(now.getTime() - (days + 30) * 86_400_000).toISOString().slice(0, 10);
    const validTo = new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
    for (const p of PERMITS) {
      const site = SITES.find((s) => s.key === p.site)!;
      const row = await trx
        .insertInto('permits')
        .values({ number: p.number, site_id: siteIds.get(p.site)!, producer_id: orgIds.get(site.producer)!, valid_from: validFrom, valid_to: validTo })
        .returning('id')
        .executeTakeFirstOrThrow();
      permitIds.set(p.number, row.id);
      await trx
        .insertInto('permit_waste_types')
        .values(p.waste.map((w) => ({ permit_id: row.id, waste_code: w.code, permitted_volume: w.permitted })))
        .execute();
      await trx.insertInto('permit_carriers').values(p.carriers.map((c) => ({ permit_id: row.id, carrier_id: orgIds.get(c)! }))).execute();
      await trx
        .insertInto('permit_facilities')
        .values(p.facilities.map((f) => ({ permit_id: row.id, facility_id: orgIds.get(f)!, facility_object_id: facilityObjectIds.get(f)! })))
        .execute();
      await keepPresentTermsAsVersion(trx, row.id);
    }
    const plates = new Set<string>();
    for (const carrier of ['carrier', 'carrier2']) {
      const ids: string[] = [];
      for (let i = 0; i < 24; i++) {
        let plate = demoPlate(rand, rand() < 0.5 ? '77' : '799');
        while (plates.has(plate)) plate = demoPlate(rand, '97');
        plates.add(plate);
        const capacity = [10, 16, 18, 20][Math.floor(rand() * 4)];
        const row = await trx
          .insertInto('vehicles')
          .values({ carrier_id: orgIds.get(carrier)!, plate, model: capacity >= 18 ? 'КАМАЗ-6520' : 'КАМАЗ-65115', capacity_m3: capacity })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      vehiclesByCarrier.set(carrier, ids);
    }
    await trx
      .insertInto('notifications')
      .values({
        organization_id: orgIds.get('producer')!,
        person_id: null,
        title: 'Добро пожаловать в ОССиГ',
        body: 'Здесь видны ваши объекты образования ОСС, разрешения и рейсы. Сведения о результатах перемещения ОСС формируются в разделе «Госуслуги и функции».',
        link: '/services',
      })
      .execute();
  });
  log(`организации, объекты, разрешения и ТС созданы`);

  const n = await copyDemoTrips(ctx, {
    trips: opts.trips,
    now,
    days,
    rand,
    orgIds,
    siteIds,
    permitIds,
    vehiclesByCarrier,
    facilityObjectIds,
  });
  log(`рейсов: ${n}`);
  for (const hook of AFTER_DEMO_SEED) await hook(ctx, { orgIds, siteIds, permitIds, log });
  await sql`analyze`.execute(ctx.db);
  return { trips: n };
}

/**
 * Writes trips with COPY (fast for millions). Trip i finishes at an evenly
 * spaced moment over the history, so trips are spread over months and the
 * newest ones finished within the last 27 hours.
 */
async function copyDemoTrips(
  ctx: AppContext,
  d: {
    trips: number;
    now: Date;
    days: number;
    rand: () => number;
    orgIds: Map<string, string>;
    siteIds: Map<string, string>;
    permitIds: Map<string, string>;
    vehiclesByCarrier: Map<string, string[]>;
    facilityObjectIds: Map<string, string>;
  },
): Promise<number> {
  if (d.trips <= 0) return 0;
  const end = d.now.getTime() - 20 * 60_000;
  const start = end - d.days * 86_400_000;
  const step = (end - start) / d.trips;
  const cumulative: number[] = [];
  PERMITS.reduce((acc, p) => {
    cumulative.push(acc + p.weight);
    return acc + p.weight;
  }, 0);
  const rand = d.rand;
  const vehicleTurn = new Map<string, number>();
  const lastLoaded = new Map<string, number>();
  let i = 0;
  const batch = 2000;
  function* lines(): Generator<string> {
    while (i < d.trips) {
      const parts: string[] = [];
      const upto = Math.min(d.trips, i + batch);
      for (; i < upto; i++) {
        const r = rand();
        const pi = cumulative.findIndex((c) => r < c);
        const permit = PERMITS[pi === -1 ? PERMITS.length - 1 : pi];
        const site = SITES.find((s) => s.key === permit.site)!;
        const carrier = permit.carriers[Math.floor(rand() * permit.carriers.length)];
        const vehicles = d.vehiclesByCarrier.get(carrier)!;
        const turn = vehicleTurn.get(carrier) ?? 0;
        vehicleTurn.set(carrier, turn + 1);
        const vehicle = vehicles[turn % vehicles.length];
        const waste = permit.waste[Math.floor(rand() * permit.waste.length)];
        const facility = permit.facilities[Math.floor(rand() * permit.facilities.length)];
        const unloaded = Math.round(start + (i + 1) * step - rand() * step * 0.5);
        // A vehicle never loads twice at the same moment (the trips' natural key).
        const loaded = Math.max(unloaded - Math.round((50 + rand() * 100) * 60_000), (lastLoaded.get(vehicle) ?? 0) + 1);
        lastLoaded.set(vehicle, loaded);
        const volumeCents = 1000 + Math.floor(rand() * 1001); // 10.00–20.00 m³
        const massGrams = Math.round((volumeCents / 100) * waste.density * 1000 * (0.93 + rand() * 0.14));
        const ageH = (d.now.getTime() - unloaded) / 3_600_000;
        let status = 'pending';
        let receivedMass = '\\N';
        let receivedAt = '\\N';
        let reason = '\\N';
        if (ageH > 6) {
          const x = rand();
          if (x < 0.9) {
            status = 'confirmed';
            receivedMass = (Math.round(massGrams * (0.98 + rand() * 0.04)) / 1000).toFixed(3);
            receivedAt = new Date(unloaded + 10 * 60_000).toISOString();
          } else if (x < 0.92) {
            status = 'rejected';
            receivedAt = new Date(unloaded + 10 * 60_000).toISOString();
            reason = 'Состав отходов не соответствует заявленному коду ФККО';
          }
        }
        parts.push(
          [
            d.permitIds.get(permit.number),
            d.siteIds.get(site.key),
            d.orgIds.get(carrier),
            vehicle,
            d.orgIds.get(facility),
            d.facilityObjectIds.get(facility),
            waste.code,
            new Date(loaded).toISOString(),
            new Date(unloaded).toISOString(),
            (volumeCents / 100).toFixed(2),
            (massGrams / 1000).toFixed(3),
            status,
            receivedMass,
            reason,
            receivedAt,
            'demo',
          ].join('\t') + '\n',
        );
      }
      yield parts.join('');
    }
  }
  const client = await ctx.pool.connect();
  try {
    const stream = client.query(
      copyFrom(
        'copy trips (permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code, loaded_at, unloaded_at, volume, mass, receipt_status, received_mass, receipt_reason, received_at, source) from stdin',
      ),
    );
    await pipeline(Readable.from(lines()), stream);
  } finally {
    client.release();
  }
  return d.trips;
}
