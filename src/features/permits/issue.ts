/**
 * Issuing a permit on an approved application, in the approval's transaction:
 *
 * - a new permit: a unique number «РП-77-ГГГГ-НННННН», valid from the start
 *   of works (not before the day of the decision) to their end;
 * - an amendment: the permit's next version, in force from the decision on;
 *   the versions before stay as they were (trips before the decision are
 *   checked against them).
 *
 * The permit's present terms (permits, permit_waste_types, permit_carriers,
 * permit_facilities — what the rest of the system reads) are rewritten from
 * the version in the same transaction; the version keeps the terms for ever.
 * The signed PDF is made by the job `permits.render`, enqueued here.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { enqueue } from '../../platform/jobs/index.js';
import { moscowDate, formatDateRu as ruDate } from '../../domain/period.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { notify } from '../notifications/notify.js';
import { renderPermitJob } from './jobs.js';
import { permitParties } from './parties.js';
import { reserveDocument } from '../../platform/documents/index.js';

export interface ApprovedApplication {
  id: string;
  number: string;
  kind: 'permit' | 'amendment';
  organization_id: string;
  permit_id: string | null;
  site_id: string | null;
  works_from: string | null;
  works_to: string | null;
}

export interface IssuedPermit {
  permitId: string;
  number: string;
  version: number;
  versionId: string;
  validFrom: string;
  validTo: string;
}

interface LineRow {
  waste_code: string | null;
  volume: string | null;
  mass: string | null;
  facilities: Array<{ id: string; orgId: string; number: string; name: string; accepts: boolean; active: boolean }>;
}


async function terms(trx: Transaction<Database>, applicationId: string) {
  const lines = await sql<LineRow>`
    select l.waste_code, l.volume::text as volume, l.mass::text as mass,
           coalesce((select json_agg(json_build_object('id', f.id, 'orgId', f.organization_id, 'number', f.number, 'name', f.name,
                      'accepts', exists (select 1 from facility_waste_types fw where fw.facility_id = f.id and fw.waste_code = l.waste_code),
                      'active', f.status = 'active' and f.archived_at is null and o.status = 'active'))
                       from permit_application_line_facilities lf join facilities f on f.id = lf.facility_object_id
                       join organizations o on o.id = f.organization_id
                      where lf.application_id = l.application_id and lf.position = l.position), '[]') as facilities
      from permit_application_lines l where l.application_id = ${applicationId} order by l.position`.execute(trx);
  const carriers = await trx
    .selectFrom('permit_application_carriers as c')
    .leftJoin('organizations as o', 'o.inn', 'c.inn')
    .select(['c.inn', 'o.id', 'o.name', 'o.short_name', 'o.status', 'o.roles'])
    .where('c.application_id', '=', applicationId)
    .orderBy('c.position')
    .execute();
  return { lines: lines.rows, carriers };
}

export async function issuePermit(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; app: ApprovedApplication }): Promise<IssuedPermit> {
  const { ctx, actor, app } = o;
  const now = ctx.now();
  const today = moscowDate(now);
  const { lines, carriers } = await terms(trx, app.id);
  const errors: FieldError[] = [];
  carriers.forEach((c, i) => {
    if (!c.id) {
      errors.push({
        field: `carriers[${i}].inn`,
        message: `Перевозчики: организация с ИНН ${c.inn} ещё не зарегистрирована в системе — разрешение можно выдать, когда она войдёт в кабинет по электронной подписи`,
      });
    } else if (c.status === 'suspended') errors.push({ field: `carriers[${i}].inn`, message: `Перевозчики: доступ организации «${c.short_name ?? c.name}» приостановлен` });
  });
  if (!carriers.length) errors.push({ field: 'carriers', message: 'Перевозчики: в заявлении нет ни одного перевозчика' });
  if (!lines.length) errors.push({ field: 'lines', message: 'Виды отходов: в заявлении нет ни одного вида отходов' });
  lines.forEach((l, i) => {
    const label = `Виды отходов, строка ${i + 1}`;
    if (!l.waste_code || !l.volume) errors.push({ field: `lines[${i}]`, message: `${label}: не указан код ФККО или объём` });
    if (!l.facilities.length) errors.push({ field: `lines[${i}].facilityObjectIds`, message: `${label}: не указан объект приёма` });
    l.facilities.forEach((f, k) => {
      if (!f.active) errors.push({ field: `lines[${i}].facilityObjectIds[${k}]`, message: `${label}: доступ объекта приёма «${f.name}» (${f.number}) приостановлен` });
      else if (!f.accepts) {
        errors.push({ field: `lines[${i}].facilityObjectIds[${k}]`, message: `${label}: объект приёма «${f.name}» (${f.number}) не принимает отходы с кодом ${formatFkkoCode(l.waste_code ?? '')}` });
      }
    });
  });
  if (!app.works_from || !app.works_to) errors.push({ field: 'worksTo', message: 'Срок работ: не указан' });
  else if (app.works_to < today) errors.push({ field: 'worksTo', message: `Окончание работ: срок ${ruDate(app.works_to)} уже прошёл — запросите у заявителя новый срок` });
  if (errors.length) throw new AppError('application_incomplete', `Разрешение выдать нельзя: ${errors.map((e) => e.message).join('; ')}`, errors);

  const site = await trx.selectFrom('sites').select(['id', 'producer_id']).where('id', '=', app.site_id!).executeTakeFirstOrThrow();
  let permitId: string;
  let number: string;
  let version: number;
  let validFrom: string;
  const validTo = app.works_to!;
  let changes: Record<string, [unknown, unknown]> = {};

  if (app.kind === 'amendment') {
    const p = await trx.selectFrom('permits').selectAll().where('id', '=', app.permit_id!).forUpdate().executeTakeFirstOrThrow();
    if (p.status !== 'active') throw new AppError('conflict', `Разрешение № ${p.number} не действует: изменения в него не вносятся`);
    await keepPresentTermsAsVersion(trx, p.id);
    permitId = p.id;
    number = p.number;
    version = p.version + 1;
    validFrom = p.valid_from;
    if (validTo < validFrom) throw new AppError('application_incomplete', `Окончание работ: не может быть раньше начала действия разрешения (${ruDate(validFrom)})`);
    changes = await describeAmendment(trx, p.id, { validTo: [p.valid_to, validTo] }, lines, carriers.map((c) => c.id!));
    await trx.updateTable('permits').set({ valid_to: validTo, version }).where('id', '=', p.id).execute();
    await trx.deleteFrom('permit_waste_types').where('permit_id', '=', p.id).execute();
    await trx.deleteFrom('permit_carriers').where('permit_id', '=', p.id).execute();
    await trx.deleteFrom('permit_facilities').where('permit_id', '=', p.id).execute();
  } else {
    validFrom = app.works_from! > today ? app.works_from! : today;
    const r = await sql<{ n: string }>`select 'РП-77-' || to_char(${now}::timestamptz at time zone 'Europe/Moscow', 'YYYY') || '-' || lpad(nextval('permit_number_seq')::text, 6, '0') as n`.execute(trx);
    number = r.rows[0].n;
    version = 1;
    const row = await trx
      .insertInto('permits')
      .values({ number, site_id: site.id, producer_id: site.producer_id, valid_from: validFrom, valid_to: validTo, issued_at: now, version: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    permitId = row.id;
  }

  // The present terms.
  await trx
    .insertInto('permit_waste_types')
    .values(lines.map((l) => ({ permit_id: permitId, waste_code: l.waste_code!, permitted_volume: l.volume!, permitted_mass: l.mass })))
    .execute();
  const carrierIds = [...new Set(carriers.map((c) => c.id!))];
  await trx.insertInto('permit_carriers').values(carrierIds.map((c) => ({ permit_id: permitId, carrier_id: c }))).execute();
  const objects = new Map<string, string>();
  for (const l of lines) for (const f of l.facilities) objects.set(f.id, f.orgId);
  await trx
    .insertInto('permit_facilities')
    .values([...objects].map(([objectId, orgId]) => ({ permit_id: permitId, facility_id: orgId, facility_object_id: objectId })))
    .execute();

  // The version, kept for ever.
  const v = await trx
    .insertInto('permit_versions')
    .values({
      permit_id: permitId,
      version,
      in_force_from: now,
      valid_from: validFrom,
      valid_to: validTo,
      application_id: app.id,
      issued_by: actor.personId,
      issued_at: now,
      changes: JSON.stringify(changes),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('permit_version_lines')
    .values(lines.map((l) => ({ version_id: v.id, waste_code: l.waste_code!, permitted_volume: l.volume!, permitted_mass: l.mass })))
    .execute();
  await trx.insertInto('permit_version_carriers').values(carrierIds.map((c) => ({ version_id: v.id, carrier_id: c }))).execute();
  await trx
    .insertInto('permit_version_facilities')
    .values(lines.flatMap((l) => l.facilities.map((f) => ({ version_id: v.id, waste_code: l.waste_code!, facility_object_id: f.id, facility_id: f.orgId }))))
    .execute();

  // A carrier named by a permit acts as a carrier (an organization created at its first e-signature sign-in starts as a producer).
  for (const c of carriers) {
    if (c.id && !(c.roles ?? []).includes('carrier')) {
      await trx.updateTable('organizations').set({ roles: sql`array_append(roles, 'carrier')` }).where('id', '=', c.id).execute();
      await audit(trx, {
        action: 'organization.role_added',
        personId: actor.personId,
        organizationId: c.id,
        subjectType: 'organization',
        subjectId: c.id,
        details: { role: 'carrier', permit: number, application: app.number },
      });
    }
  }

  // The registry record of the document (the code printed on it, the parties as of now); the job renders and signs it.
  await reserveDocument(trx, {
    kind: 'permit',
    subjectId: v.id,
    number: version > 1 ? `${number} (версия ${version})` : number,
    issuedAt: now,
    organizationId: site.producer_id,
    parties: (await permitParties(trx, permitId)) as unknown as Record<string, unknown>,
  });
  await enqueue(trx, renderPermitJob, { versionId: v.id }, { jobKey: `permit-pdf:${v.id}` });
  await audit(trx, {
    action: app.kind === 'amendment' ? 'permit.amended' : 'permit.issued',
    personId: actor.personId,
    organizationId: app.organization_id,
    subjectType: 'permit',
    subjectId: permitId,
    details: { number, version, validFrom, validTo, application: app.number, ...(Object.keys(changes).length ? { changes } : {}) },
  });

  // The organizations the permit names hear of it.
  const named = new Map<string, string>();
  for (const c of carrierIds) named.set(c, 'перевозчиком');
  for (const orgId of objects.values()) named.set(orgId, named.has(orgId) ? 'перевозчиком и объектом приёма' : 'объектом приёма');
  for (const [orgId, role] of named) {
    await notify(trx, ctx, {
      organizationId: orgId,
      personId: null,
      title: app.kind === 'amendment' ? `Изменено разрешение № ${number}, где вы указаны ${role}` : `Выдано разрешение № ${number}, где вы указаны ${role}`,
      body: `Срок действия: ${ruDate(validFrom)} — ${ruDate(validTo)}${app.kind === 'amendment' ? ` (версия ${version})` : ''}.`,
      link: `/permits/${permitId}`,
    });
  }
  return { permitId, number, version, versionId: v.id, validFrom, validTo };
}

/**
 * A permit without version rows (entered before versions, or written by the demo seed) gets its present terms
 * as its first version, in force since always: «Версии разрешения» then lists it.
 */
export async function keepPresentTermsAsVersion(trx: Transaction<Database>, permitId: string): Promise<void> {
  const has = await trx.selectFrom('permit_versions').select('id').where('permit_id', '=', permitId).executeTakeFirst();
  if (has) return;
  await sql`insert into permit_versions (permit_id, version, in_force_from, valid_from, valid_to, issued_at)
      select p.id, p.version, '-infinity', p.valid_from, p.valid_to, p.issued_at from permits p where p.id = ${permitId}`.execute(trx);
  await sql`insert into permit_version_lines (version_id, waste_code, permitted_volume, permitted_mass)
      select v.id, w.waste_code, w.permitted_volume, w.permitted_mass from permit_versions v join permit_waste_types w on w.permit_id = v.permit_id where v.permit_id = ${permitId}`.execute(trx);
  await sql`insert into permit_version_carriers (version_id, carrier_id)
      select v.id, c.carrier_id from permit_versions v join permit_carriers c on c.permit_id = v.permit_id where v.permit_id = ${permitId}`.execute(trx);
  await sql`insert into permit_version_facilities (version_id, waste_code, facility_object_id, facility_id)
      select v.id, w.waste_code, f.facility_object_id, f.facility_id
        from permit_versions v join permit_waste_types w on w.permit_id = v.permit_id join permit_facilities f on f.permit_id = v.permit_id
       where v.permit_id = ${permitId}`.execute(trx);
}

/** What an amendment changes, in words: term, volumes by code, carriers and facilities added or removed. */
async function describeAmendment(
  trx: Transaction<Database>,
  permitId: string,
  base: Record<string, [unknown, unknown]>,
  lines: LineRow[],
  carrierIds: string[],
): Promise<Record<string, [unknown, unknown]>> {
  const out: Record<string, [unknown, unknown]> = {};
  if (base.validTo[0] !== base.validTo[1]) out.validTo = base.validTo;
  const [waste, carriers, facilities] = await Promise.all([
    trx.selectFrom('permit_waste_types').select(['waste_code', sql<string>`permitted_volume::text`.as('v')]).where('permit_id', '=', permitId).execute(),
    trx.selectFrom('permit_carriers as c').innerJoin('organizations as o', 'o.id', 'c.carrier_id').select(['o.id', 'o.name', 'o.short_name']).where('c.permit_id', '=', permitId).execute(),
    trx.selectFrom('permit_facilities as f').innerJoin('facilities as fo', 'fo.id', 'f.facility_object_id').select(['fo.id', 'fo.number', 'fo.name']).where('f.permit_id', '=', permitId).execute(),
  ]);
  const volBefore = Object.fromEntries(waste.map((w) => [formatFkkoCode(w.waste_code), w.v]));
  const volAfter = Object.fromEntries(lines.map((l) => [formatFkkoCode(l.waste_code!), l.volume]));
  if (JSON.stringify(volBefore) !== JSON.stringify(volAfter)) out.volumes = [volBefore, volAfter];
  const carrierNames = async (ids: string[]) =>
    ids.length ? (await trx.selectFrom('organizations').select(['short_name', 'name']).where('id', 'in', ids).orderBy('name').execute()).map((o) => o.short_name ?? o.name) : [];
  const before = carriers.map((c) => c.short_name ?? c.name).sort();
  const after = (await carrierNames(carrierIds)).sort();
  if (JSON.stringify(before) !== JSON.stringify(after)) out.carriers = [before, after];
  const fb = facilities.map((f) => `${f.name} (${f.number})`).sort();
  const fa = [...new Set(lines.flatMap((l) => l.facilities.map((f) => `${f.name} (${f.number})`)))].sort();
  if (JSON.stringify(fb) !== JSON.stringify(fa)) out.facilities = [fb, fa];
  return out;
}
