/**
 * Recording a carrier's trips — the one place where trip rules live, for the
 * API and uploads alike: each trip is checked (the permit judged by the
 * version in force when the trip was loaded — `judgeTripPermit`: carrier,
 * waste type, facility for that type, the loading day within that version's
 * term, not before the permit was issued nor after it was revoked; vehicle of
 * this carrier, plate valid, quantities positive, times in order) and the answer
 * says per trip what was accepted and why not; an accepted trip stores the
 * permit version it was judged under (`trips.permit_version`). Accepted trips are written in
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
import { formatDateRu, formatMoscowDate, formatMoscowDateTime, moscowDate } from '../../domain/period.js';
import { loadPermitTerms, termsAt, type PermitTerms } from '../permits/terms.js';
import { closedFacilities } from '../facilities/queries.js';

export const MAX_TRIPS_PER_BATCH = 10_000;
/** Limits that catch typos: no dump truck carries more. */
export const MAX_TRIP_VOLUME_M3 = 60;
export const MAX_TRIP_MASS_T = 80;
export const MAX_TRIP_HOURS = 48;
/**
 * A declared trip and a trip formed from the vehicle's telemetry are the same trip when they are of the
 * same vehicle and their times overlap, give or take this much: it is counted once.
 */
export const SAME_TRIP_SLACK_MS = 10 * 60_000;
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
  /** Only from telemetry: the facility object where the body was raised (narrows `facilityInn`). */
  facilityObjectId?: unknown;
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

/** A permit the carrier is (or was, in some version) named in, with every version of its terms, oldest first. */
export interface PermitOnRecord {
  id: string;
  number: string;
  siteId: string;
  status: 'active' | 'suspended' | 'revoked';
  /** When it was revoked; null with status revoked: revoked without a moment (every trip refused). */
  revokedAt: Date | null;
  versions: PermitTerms[];
}

type PermitField = 'permitNumber' | 'loadedAt' | 'wasteCode' | 'facilityInn';

export interface PermitJudgement {
  /** The version the trip was judged under; null when none was in force at its loading time. */
  terms: PermitTerms | null;
  /** The facility object the trip goes to under those terms. */
  facility?: { orgId: string; objectId: string };
  errors: Array<{ field: PermitField; message: string }>;
}

/**
 * The rules a trip's permit imposes, judged by the version in force when the
 * trip was loaded (`termsAt`): a carrier or facility added by an amendment
 * counts only for trips loaded from the amendment's moment on (that very
 * instant included), a waste code an amendment removed only until then; the
 * loading day (Moscow time) must fall within that version's term. A trip
 * loaded before the permit was issued, or from the moment it was revoked, is
 * refused; a suspended permit takes no trips. Without a loading time the
 * present terms answer for the other fields. Pure: no I/O.
 *
 * `wasteCode` is a catalogue code and `facilityInn` a checked ИНН (null: not
 * known, checked elsewhere).
 */
export function judgeTripPermit(
  permit: PermitOnRecord,
  trip: {
    carrierId: string;
    loadedAt: Date | null;
    wasteCode: string | null;
    facilityInn: string | null;
    /** The facility object itself when known (a trip formed from telemetry knows where the body was raised). */
    facilityObjectId?: string | null;
  },
): PermitJudgement {
  const errors: PermitJudgement['errors'] = [];
  const n = permit.number;
  const at = trip.loadedAt;
  if (permit.status === 'suspended') errors.push({ field: 'permitNumber', message: `Номер разрешения: разрешение «${n}» не действует (приостановлено)` });
  else if (permit.status === 'revoked') {
    if (!permit.revokedAt) errors.push({ field: 'permitNumber', message: `Номер разрешения: разрешение «${n}» не действует (аннулировано)` });
    else if (at && at.getTime() >= permit.revokedAt.getTime()) {
      errors.push({
        field: 'loadedAt',
        message: `Время погрузки: ${formatMoscowDateTime(at)} разрешение ${n} уже не действовало — аннулировано ${formatMoscowDateTime(permit.revokedAt)}`,
      });
    }
  }
  const versions = permit.versions;
  let terms: PermitTerms | null = versions[versions.length - 1] ?? null;
  if (at) {
    terms = termsAt(versions, at);
    if (!terms && versions[0]?.inForceFrom) {
      errors.push({
        field: 'loadedAt',
        message: `Время погрузки: ${formatMoscowDateTime(at)} разрешение ${n} ещё не было выдано (выдано ${formatMoscowDateTime(versions[0].inForceFrom)})`,
      });
    }
  }
  // Before the permit was issued the other fields are read against its first version.
  const t = terms ?? versions[0];
  if (!t) return { terms: null, errors };
  const inVersion = at && versions.length > 1 ? ` в версии ${t.version}, действовавшей на ${formatMoscowDateTime(at)}` : '';
  if (terms && at) {
    const day = moscowDate(at);
    const term = `срок действия ${formatDateRu(t.validFrom)} — ${formatDateRu(t.validTo)}${versions.length > 1 ? `, версия ${t.version}` : ''}`;
    if (day < t.validFrom) errors.push({ field: 'loadedAt', message: `Время погрузки: ${formatMoscowDate(at)} разрешение ${n} ещё не действовало (${term})` });
    else if (day > t.validTo) errors.push({ field: 'loadedAt', message: `Время погрузки: ${formatMoscowDate(at)} разрешение ${n} уже не действовало (${term})` });
  }
  if (!t.carrierIds.has(trip.carrierId)) {
    errors.push({ field: 'permitNumber', message: `Номер разрешения: ваша организация не указана перевозчиком в разрешении ${n}${inVersion}` });
  }
  const code = trip.wasteCode;
  const lineOk = code !== null && t.lines.has(code);
  if (code !== null && !lineOk) errors.push({ field: 'wasteCode', message: `Код ФККО: вид отходов ${code} не предусмотрен разрешением ${n}${inVersion}` });
  let facility: PermitJudgement['facility'];
  const inn = trip.facilityInn;
  if (inn !== null) {
    const named = t.facilities.filter((f) => f.inn === inn && (!trip.facilityObjectId || f.objectId === trip.facilityObjectId));
    const forCode = lineOk ? named.filter((f) => f.wasteCode === code) : named;
    if (!named.length) errors.push({ field: 'facilityInn', message: `ИНН объекта приёма: объект приёма с ИНН ${inn} не указан в разрешении ${n}${inVersion}` });
    else if (!forCode.length) {
      errors.push({ field: 'facilityInn', message: `ИНН объекта приёма: объект приёма с ИНН ${inn} не указан в разрешении ${n} для отходов с кодом ${code}${inVersion}` });
    } else facility = { orgId: forCode[0].organizationId, objectId: forCode[0].objectId };
  }
  return { terms, facility, errors };
}

interface Row {
  index: number;
  permitId: string;
  siteId: string;
  vehicleId: string;
  facilityId: string;
  facilityObjectId: string;
  permitVersion: number;
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
 * The permits of these numbers that name the carrier in their present terms or in any version
 * (a carrier an amendment removed still records the trips it made before), with every version.
 */
async function loadCarrierPermits(trx: Transaction<Database>, carrierId: string, numbers: string[]): Promise<Map<string, PermitOnRecord>> {
  if (!numbers.length) return new Map();
  return new Map((await carrierPermits(trx, carrierId, { numbers })).map((p) => [p.number, p]));
}

/**
 * The permits that name the carrier (now or in any version), each with every version, in the order of their
 * numbers: those of a site (the telemetry's detections), or those with the given numbers (declared trips).
 */
export async function carrierPermits(trx: Transaction<Database>, carrierId: string, of: { siteId: string } | { numbers: string[] }): Promise<PermitOnRecord[]> {
  const r = await sql<{ id: string; number: string; site_id: string; status: PermitOnRecord['status']; revoked_at: Date | null }>`
    select p.id, p.number, p.site_id, p.status, p.revoked_at from permits p
     where ${'siteId' in of ? sql`p.site_id = ${of.siteId}` : sql`p.number = any(${of.numbers}::text[])`}
       and (exists (select 1 from permit_carriers c where c.permit_id = p.id and c.carrier_id = ${carrierId})
            or exists (select 1 from permit_versions v join permit_version_carriers c on c.version_id = v.id
                        where v.permit_id = p.id and c.carrier_id = ${carrierId}))
     order by p.number`.execute(trx);
  const versions = await loadPermitTerms(trx, r.rows.map((p) => p.id));
  return r.rows.map((p) => ({
    id: p.id,
    number: p.number,
    siteId: p.site_id,
    status: p.status,
    revokedAt: p.revoked_at ? new Date(p.revoked_at) : null,
    versions: versions.get(p.id) ?? [],
  }));
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
    source: 'api' | 'upload' | 'demo' | 'telemetry';
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
  const [permits, vehicleRows, wasteRows] = await Promise.all([
    loadCarrierPermits(trx, carrierId, permitNumbers),
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
  const vehicles = new Map(vehicleRows.filter((v) => !v.archived).map((v) => [v.plate, v.id]));
  const released = new Set(vehicleRows.filter((v) => v.archived).map((v) => v.plate));
  const knownWaste = new Set(wasteRows.map((w) => w.code));
  // Receivers nothing may be handed to (suspended by the operator, 1386-ПП п. 7.2): facility object id → why.
  const closed = await closedFacilities(trx, [...permits.values()].flatMap((p) => p.versions.flatMap((v) => v.facilities.map((f) => f.objectId))));

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

    let checkedInn: string | null = null;
    const inn = str(t.facilityInn);
    if (!inn) f('facilityInn', 'ИНН объекта приёма: обязательное поле');
    else {
      const c = checkInn(inn);
      if (!c.ok) f('facilityInn', `ИНН объекта приёма: ${c.error}`);
      else checkedInn = c.value;
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
    // The permit's rules, by the version in force at the loading time.
    const judged = permit
      ? judgeTripPermit(permit, {
          carrierId,
          loadedAt,
          wasteCode: code && knownWaste.has(code) ? code : null,
          facilityInn: checkedInn,
          facilityObjectId: opts.source === 'telemetry' && typeof t.facilityObjectId === 'string' ? t.facilityObjectId : null,
        })
      : null;
    for (const e of judged?.errors ?? []) f(e.field, e.message);
    if (judged?.facility && closed.has(judged.facility.objectId)) f('facilityInn', `ИНН объекта приёма: ${closed.get(judged.facility.objectId)}`);

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
      facilityId: judged!.facility!.orgId,
      facilityObjectId: judged!.facility!.objectId,
      permitVersion: judged!.terms!.version,
      wasteCode: code!,
      loadedAt: loadedAt!,
      unloadedAt: unloadedAt!,
      volume: (volume as { value: string }).value,
      mass: (mass as { value: string }).value,
      externalId,
    });
  });

  // A trip the vehicle's telemetry already formed is not declared a second time (trips_telemetry_vehicle_idx, migration 0260).
  if (rows.length && opts.source !== 'telemetry') {
    const formed = await sql<{ i: number; id: number; loaded_at: Date }>`
      select u.i, t.id, t.loaded_at
        from unnest(${rows.map((r) => r.index)}::int[], ${rows.map((r) => r.vehicleId)}::uuid[],
                    ${rows.map((r) => r.loadedAt.toISOString())}::timestamptz[], ${rows.map((r) => r.unloadedAt.toISOString())}::timestamptz[])
             as u(i, vehicle_id, loaded_at, unloaded_at)
        join lateral (
          select t.id, t.loaded_at from trips t
           where t.vehicle_id = u.vehicle_id and t.source = 'telemetry'
             and t.loaded_at > u.loaded_at - make_interval(hours => ${MAX_TRIP_HOURS})
             and t.loaded_at < u.unloaded_at + make_interval(secs => ${SAME_TRIP_SLACK_MS / 1000})
             and t.unloaded_at > u.loaded_at - make_interval(secs => ${SAME_TRIP_SLACK_MS / 1000})
           order by abs(extract(epoch from t.loaded_at - u.loaded_at)), t.id limit 1) t on true`.execute(trx);
    const taken = new Set<number>();
    for (const f of formed.rows) {
      taken.add(f.i);
      results[f.i] = {
        index: f.i,
        status: 'duplicate',
        errors: [
          {
            field: `${prefix(f.i)}loadedAt`,
            message: `Рейс уже сформирован по данным трекера ТС: рейс № ${f.id}, погрузка ${formatMoscowDateTime(new Date(f.loaded_at))}`,
          },
        ],
      };
    }
    if (taken.size) rows.splice(0, rows.length, ...rows.filter((r) => !taken.has(r.index)));
  }

  if (rows.length) {
    const inserted = await sql<{ id: number; vehicle_id: string; loaded_at: Date }>`
      insert into trips (permit_id, site_id, carrier_id, vehicle_id, facility_id, facility_object_id, permit_version, waste_code,
                         loaded_at, unloaded_at, volume, mass, external_id, source)
      select u.permit_id, u.site_id, ${carrierId}::uuid, u.vehicle_id, u.facility_id, u.facility_object_id, u.permit_version, u.waste_code,
             u.loaded_at, u.unloaded_at, u.volume, u.mass, u.external_id, ${opts.source}
        from unnest(${rows.map((r) => r.permitId)}::uuid[], ${rows.map((r) => r.siteId)}::uuid[],
                    ${rows.map((r) => r.vehicleId)}::uuid[], ${rows.map((r) => r.facilityId)}::uuid[], ${rows.map((r) => r.facilityObjectId)}::uuid[],
                    ${rows.map((r) => r.permitVersion)}::int[], ${rows.map((r) => r.wasteCode)}::text[], ${rows.map((r) => r.loadedAt.toISOString())}::timestamptz[],
                    ${rows.map((r) => r.unloadedAt.toISOString())}::timestamptz[], ${rows.map((r) => r.volume)}::numeric[],
                    ${rows.map((r) => r.mass)}::numeric[], ${rows.map((r) => r.externalId)}::text[])
             as u(permit_id, site_id, vehicle_id, facility_id, facility_object_id, permit_version, waste_code, loaded_at, unloaded_at, volume, mass, external_id)
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
