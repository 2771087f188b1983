/**
 * Recording a carrier's trips: each trip is checked (permit valid on that
 * date, waste type and facility allowed by the permit, vehicle of this
 * carrier, plate valid, quantities positive, times in order) and the answer
 * says per trip what was accepted and why not. Accepted trips are written in
 * one statement inside the caller's transaction; a trip already recorded
 * (same vehicle and loading time, or same carrier's trip number) is reported
 * as a duplicate and not written again.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { FieldError } from '../../platform/http/errors.js';
import { checkInn, checkPlate } from '../../domain/identifiers.js';
import { normalizeFkkoCode } from '../../domain/fkko.js';
import { parseMass, parseVolume, type QuantityResult } from '../../domain/quantity.js';
import { moscowDate } from '../../domain/period.js';

export const MAX_TRIPS_PER_BATCH = 10_000;
/** Limits that catch typos: no dump truck carries more. */
export const MAX_TRIP_VOLUME_M3 = 60;
export const MAX_TRIP_MASS_T = 80;
export const MAX_TRIP_HOURS = 48;
/** Clock skew allowed for a trip's times in the future. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface TripInput {
  externalId?: unknown;
  permitNumber?: unknown;
  plate?: unknown;
  wasteCode?: unknown;
  facilityInn?: unknown;
  loadedAt?: unknown;
  unloadedAt?: unknown;
  volume?: unknown;
  mass?: unknown;
}

export type TripOutcome =
  | { index: number; status: 'accepted'; id: number }
  | { index: number; status: 'duplicate'; errors: FieldError[] }
  | { index: number; status: 'rejected'; errors: FieldError[] };

export interface RecordResult {
  accepted: number;
  rejected: number;
  duplicates: number;
  results: TripOutcome[];
}

interface PermitInfo {
  id: string;
  siteId: string;
  validFrom: string;
  validTo: string;
  status: string;
  wasteCodes: Set<string>;
  /** ИНН of a facility organization → the organization and the facility object the permit names. */
  facilities: Map<string, { orgId: string; objectId: string }>;
}

interface Row {
  index: number;
  permitId: string;
  siteId: string;
  vehicleId: string;
  facilityId: string;
  facilityObjectId: string;
  wasteCode: string;
  loadedAt: Date;
  unloadedAt: Date;
  volume: string;
  mass: string;
  externalId: string | null;
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function quantity(v: unknown, parse: (s: string | number) => QuantityResult): QuantityResult {
  if (typeof v === 'string' || typeof v === 'number') return parse(v);
  return { ok: false, error: 'должно быть числом' };
}

function parseTime(v: unknown): Date | null {
  const s = str(v);
  if (!s || !ISO_DATETIME.test(s)) return null;
  const d = new Date(s.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Checks and records trips for `carrierId`. Runs inside `trx`; the caller
 * commits (with its idempotency record, audit event and jobs).
 */
export async function recordTrips(
  trx: Transaction<Database>,
  opts: {
    carrierId: string;
    trips: readonly TripInput[];
    source: 'api' | 'upload' | 'demo';
    now: Date;
    fieldPrefix?: (i: number) => string;
    /**
     * Problems the caller found before (e.g. an upload's unreadable date or a
     * formula in a cell), per trip index. They are listed first; the checks
     * here add no second message for a field that already has one.
     */
    preErrors?: ReadonlyArray<readonly FieldError[] | undefined>;
    /** How a duplicate names the earlier trip of the batch (default «рейс №N этого же пакета»). */
    describeTrip?: (i: number) => string;
  },
): Promise<RecordResult> {
  const { carrierId, trips, now } = opts;
  const prefix = opts.fieldPrefix ?? ((i: number) => `trips[${i}].`);
  const describeTrip = opts.describeTrip ?? ((i: number) => `рейс №${i + 1} этого же пакета`);

  // Look-ups for the whole batch, each in one query.
  const permitNumbers = [...new Set(trips.map((t) => str(t.permitNumber)).filter((s): s is string => s !== null))];
  const plates = new Set<string>();
  for (const t of trips) {
    const p = typeof t.plate === 'string' ? checkPlate(t.plate) : null;
    if (p?.ok) plates.add(p.value);
  }
  const [permitRows, vehicleRows, wasteRows] = await Promise.all([
    permitNumbers.length
      ? trx
          .selectFrom('permits as p')
          .innerJoin('permit_carriers as pc', (j) => j.onRef('pc.permit_id', '=', 'p.id').on('pc.carrier_id', '=', carrierId))
          .select([
            'p.id',
            'p.number',
            'p.site_id',
            'p.valid_from',
            'p.valid_to',
            'p.status',
            sql<string[]>`array(select waste_code from permit_waste_types w where w.permit_id = p.id)`.as('waste_codes'),
            sql<Array<{ id: string; inn: string; objectId: string }>>`coalesce((select json_agg(json_build_object('id', o.id, 'inn', o.inn, 'objectId', f.facility_object_id))
              from permit_facilities f join organizations o on o.id = f.facility_id where f.permit_id = p.id), '[]'::json)`.as('facilities'),
          ])
          .where('p.number', 'in', permitNumbers)
          .execute()
      : Promise.resolve([]),
    plates.size
      ? trx
          .selectFrom('vehicles')
          .select(['id', 'plate', sql<boolean>`archived_at is not null`.as('archived')])
          .where('carrier_id', '=', carrierId)
          .where('plate', 'in', [...plates])
          .execute()
      : Promise.resolve([]),
    trx.selectFrom('waste_types').select('code').execute(),
  ]);
  const permits = new Map<string, PermitInfo>(
    permitRows.map((p) => [
      p.number,
      {
        id: p.id,
        siteId: p.site_id,
        validFrom: p.valid_from,
        validTo: p.valid_to,
        status: p.status,
        wasteCodes: new Set(p.waste_codes),
        facilities: new Map(p.facilities.map((f) => [f.inn, { orgId: f.id, objectId: f.objectId }])),
      },
    ]),
  );
  const vehicles = new Map(vehicleRows.filter((v) => !v.archived).map((v) => [v.plate, v.id]));
  const released = new Set(vehicleRows.filter((v) => v.archived).map((v) => v.plate));
  const knownWaste = new Set(wasteRows.map((w) => w.code));

  const results: TripOutcome[] = new Array(trips.length);
  const rows: Row[] = [];
  const seenNatural = new Map<string, number>();
  const seenExternal = new Map<string, number>();

  trips.forEach((t, index) => {
    const pre = opts.preErrors?.[index];
    const errors: FieldError[] = pre ? [...pre] : [];
    const flagged = pre?.length ? new Set(pre.map((e) => e.field)) : null;
    const f = (name: string, message: string) => {
      const field = `${prefix(index)}${name}`;
      if (!flagged?.has(field)) errors.push({ field, message });
    };

    const permitNumber = str(t.permitNumber);
    const permit = permitNumber ? permits.get(permitNumber) : undefined;
    if (!permitNumber) f('permitNumber', 'Номер разрешения: обязательное поле');
    else if (!permit) f('permitNumber', `Номер разрешения: разрешение «${permitNumber}» не найдено среди разрешений, где вы указаны перевозчиком`);
    else if (permit.status !== 'active') f('permitNumber', `Номер разрешения: разрешение «${permitNumber}» не действует (${permit.status === 'revoked' ? 'аннулировано' : 'приостановлено'})`);

    let vehicleId: string | undefined;
    if (typeof t.plate !== 'string' || t.plate.trim() === '') f('plate', 'Госномер ТС: обязательное поле');
    else {
      const p = checkPlate(t.plate);
      if (!p.ok) f('plate', `Госномер ТС: ${p.error}`);
      else {
        vehicleId = vehicles.get(p.value);
        if (!vehicleId && released.has(p.value)) f('plate', `Госномер ТС: транспортное средство ${p.value} снято с учёта в реестре вашей организации`);
        else if (!vehicleId) f('plate', `Госномер ТС: транспортное средство ${p.value} не числится в реестре ТС вашей организации`);
      }
    }

    const rawCode = str(t.wasteCode);
    const code = rawCode ? normalizeFkkoCode(rawCode) : null;
    if (!rawCode) f('wasteCode', 'Код ФККО: обязательное поле');
    else if (!code || !knownWaste.has(code)) f('wasteCode', `Код ФККО: код «${rawCode}» не найден в каталоге`);
    else if (permit && !permit.wasteCodes.has(code)) f('wasteCode', `Код ФККО: вид отходов ${code} не предусмотрен разрешением ${permitNumber}`);

    let facility: { orgId: string; objectId: string } | undefined;
    const inn = str(t.facilityInn);
    if (!inn) f('facilityInn', 'ИНН объекта приёма: обязательное поле');
    else {
      const c = checkInn(inn);
      if (!c.ok) f('facilityInn', `ИНН объекта приёма: ${c.error}`);
      else if (permit) {
        facility = permit.facilities.get(c.value);
        if (!facility) f('facilityInn', `ИНН объекта приёма: объект приёма с ИНН ${c.value} не указан в разрешении ${permitNumber}`);
      }
    }

    const loadedAt = parseTime(t.loadedAt);
    const unloadedAt = parseTime(t.unloadedAt);
    if (t.loadedAt === undefined || t.loadedAt === null || t.loadedAt === '') f('loadedAt', 'Время погрузки: обязательное поле');
    else if (!loadedAt) f('loadedAt', 'Время погрузки: неверный формат, ожидается дата и время ISO 8601 с часовым поясом, например 2026-03-01T09:30:00+03:00');
    if (t.unloadedAt === undefined || t.unloadedAt === null || t.unloadedAt === '') f('unloadedAt', 'Время выгрузки: обязательное поле');
    else if (!unloadedAt) f('unloadedAt', 'Время выгрузки: неверный формат, ожидается дата и время ISO 8601 с часовым поясом');
    if (loadedAt && unloadedAt) {
      if (unloadedAt.getTime() <= loadedAt.getTime()) f('unloadedAt', 'Время выгрузки: должно быть позже времени погрузки');
      else if (unloadedAt.getTime() - loadedAt.getTime() > MAX_TRIP_HOURS * 3_600_000)
        f('unloadedAt', `Время выгрузки: рейс не может длиться дольше ${MAX_TRIP_HOURS} часов`);
      if (unloadedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) f('unloadedAt', 'Время выгрузки: не может быть в будущем');
    }
    if (loadedAt && permit) {
      const day = moscowDate(loadedAt);
      if (day < permit.validFrom || day > permit.validTo) {
        f('loadedAt', `Время погрузки: ${day} разрешение ${permitNumber} не действовало (срок действия ${permit.validFrom} — ${permit.validTo})`);
      }
    }

    const volume = quantity(t.volume, parseVolume);
    if (t.volume === undefined || t.volume === null || t.volume === '') f('volume', 'Объём, м³: обязательное поле');
    else if (!volume.ok) f('volume', `Объём, м³: ${volume.error}`);
    else if (Number(volume.value) > MAX_TRIP_VOLUME_M3) f('volume', `Объём, м³: не больше ${MAX_TRIP_VOLUME_M3} м³ за рейс`);
    const mass = quantity(t.mass, parseMass);
    if (t.mass === undefined || t.mass === null || t.mass === '') f('mass', 'Масса, т: обязательное поле');
    else if (!mass.ok) f('mass', `Масса, т: ${mass.error}`);
    else if (Number(mass.value) > MAX_TRIP_MASS_T) f('mass', `Масса, т: не больше ${MAX_TRIP_MASS_T} т за рейс`);

    const externalId = str(t.externalId);
    if (externalId && externalId.length > 100) f('externalId', 'Номер рейса перевозчика: не длиннее 100 символов');

    if (errors.length) {
      results[index] = { index, status: 'rejected', errors };
      return;
    }
    const natural = `${vehicleId}|${loadedAt!.getTime()}`;
    const firstNatural = seenNatural.get(natural);
    const firstExternal = externalId ? seenExternal.get(externalId) : undefined;
    if (firstNatural !== undefined || firstExternal !== undefined) {
      const first = firstNatural ?? firstExternal!;
      results[index] = {
        index,
        status: 'duplicate',
        errors: [{ field: `${prefix(index)}loadedAt`, message: `Рейс повторяет ${describeTrip(first)}` }],
      };
      return;
    }
    seenNatural.set(natural, index);
    if (externalId) seenExternal.set(externalId, index);
    rows.push({
      index,
      permitId: permit!.id,
      siteId: permit!.siteId,
      vehicleId: vehicleId!,
      facilityId: facility!.orgId,
      facilityObjectId: facility!.objectId,
      wasteCode: code!,
      loadedAt: loadedAt!,
      unloadedAt: unloadedAt!,
      volume: (volume as { value: string }).value,
      mass: (mass as { value: string }).value,
      externalId,
    });
  });

  if (rows.length) {
    const inserted = await sql<{ id: number; vehicle_id: string; loaded_at: Date }>`
      insert into trips (permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, waste_code,
                         loaded_at, unloaded_at, volume, mass, external_id, source)
      select u.permit_id, u.site_id, ${carrierId}::uuid, u.vehicle_id, u.facility_id, u.facility_object_id, u.waste_code,
             u.loaded_at, u.unloaded_at, u.volume, u.mass, u.external_id, ${opts.source}
        from unnest(${rows.map((r) => r.permitId)}::uuid[], ${rows.map((r) => r.siteId)}::uuid[],
                    ${rows.map((r) => r.vehicleId)}::uuid[], ${rows.map((r) => r.facilityId)}::uuid[], ${rows.map((r) => r.facilityObjectId)}::uuid[],
                    ${rows.map((r) => r.wasteCode)}::text[], ${rows.map((r) => r.loadedAt.toISOString())}::timestamptz[],
                    ${rows.map((r) => r.unloadedAt.toISOString())}::timestamptz[], ${rows.map((r) => r.volume)}::numeric[],
                    ${rows.map((r) => r.mass)}::numeric[], ${rows.map((r) => r.externalId)}::text[])
             as u(permit_id, site_id, vehicle_id, facility_id, facility_object_id, waste_code, loaded_at, unloaded_at, volume, mass, external_id)
      on conflict do nothing
      returning id, vehicle_id, loaded_at`.execute(trx);
    const ids = new Map(inserted.rows.map((r) => [`${r.vehicle_id}|${new Date(r.loaded_at).getTime()}`, Number(r.id)]));
    for (const r of rows) {
      const id = ids.get(`${r.vehicleId}|${r.loadedAt.getTime()}`);
      results[r.index] =
        id !== undefined
          ? { index: r.index, status: 'accepted', id }
          : {
              index: r.index,
              status: 'duplicate',
              errors: [
                {
                  field: `${prefix(r.index)}loadedAt`,
                  message: r.externalId
                    ? `Рейс уже записан ранее (то же ТС и время погрузки или тот же номер рейса «${r.externalId}»)`
                    : 'Рейс уже записан ранее (то же ТС и время погрузки)',
                },
              ],
            };
    }
  }
  let accepted = 0;
  let rejected = 0;
  let duplicates = 0;
  for (const r of results) {
    if (r.status === 'accepted') accepted++;
    else if (r.status === 'rejected') rejected++;
    else duplicates++;
  }
  return { accepted, rejected, duplicates, results };
}
