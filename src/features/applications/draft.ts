/**
 * Drafts: created from «Госуслуги и функции» (a new permit) or from a permit
 * (an amendment, prefilled with the permit's present terms), and saved as the
 * user types, one field group per request:
 *
 *   general  — site, period of works, district, comment;
 *   lines    — waste lines: ФККО, volume m³, mass t, the receiving facilities;
 *   carriers — by ИНН (an organization not registered yet: an e-mail for its invitation).
 *
 * Optimistic versioning: each save names the version it was made on; a save
 * on an older version changes nothing and answers 409 with the current
 * version and the application as it is now (the cabinet merges or asks).
 * Every field is checked as it is saved, with a Russian message naming it;
 * completeness is checked at submission (completeness.ts).
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound, type FieldError } from '../../platform/http/errors.js';
import { checkInn } from '../../domain/identifiers.js';
import { formatFkkoCode, normalizeFkkoCode } from '../../domain/fkko.js';
import { parseMass, parseVolume } from '../../domain/quantity.js';
import { parseIsoDate } from '../../domain/period.js';
import { createTask } from '../tasks/tasks.js';
import { isEditable, STATUS_LABELS } from './state-machine.js';
import { DISTRICT_CODES } from './reasons.js';
import { diff, entryBy, record, touch, type Changes } from './history.js';
import { applicationCard, type ApplicationCard } from './queries.js';
import { findApplication, loadCarriers, loadLines, type ApplicationRow } from './load.js';

export const MAX_LINES = 100;
export const MAX_CARRIERS = 30;
export const MAX_FACILITIES_PER_LINE = 20;
const MAX_VOLUME = '99999999.99';

export interface Meta {
  ip?: string | null;
  userAgent?: string | null;
}

export interface CreateDraftInput {
  kind: 'permit' | 'amendment';
  siteId?: string;
  permitId?: string;
}

export const DRAFT_TASK_KIND = 'application_draft';

async function newNumber(trx: Transaction<Database>, now: Date): Promise<string> {
  const r = await sql<{ n: string }>`select 'ЗР-' || to_char(${now}::timestamptz at time zone 'Europe/Moscow', 'YYYY') || '-' || lpad(nextval('permit_application_number_seq')::text, 6, '0') as n`.execute(trx);
  return r.rows[0].n;
}

async function ownSite(trx: Transaction<Database>, actor: Actor, siteId: string, field = 'siteId') {
  const site = await trx.selectFrom('sites').select(['id', 'name', 'archived_at']).where('id', '=', siteId).where('producer_id', '=', actor.organizationId).executeTakeFirst();
  if (!site) throw invalid({ field, message: 'Объект: объект не найден среди объектов вашей организации' });
  if (site.archived_at) throw invalid({ field, message: `Объект: объект «${site.name}» перенесён в архив` });
  return site;
}

/** A new draft (or an amendment of a permit, prefilled from it), with its task in «Мои задачи». */
export async function createDraft(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; input: CreateDraftInput } & Meta): Promise<ApplicationCard> {
  const { ctx, actor, input } = o;
  const now = ctx.now();
  let values: { site_id: string | null; works_from: string | null; works_to: string | null; district: string | null; permit_id: string | null } = {
    site_id: null,
    works_from: null,
    works_to: null,
    district: null,
    permit_id: null,
  };
  let permitNumber: string | null = null;
  if (input.kind === 'amendment') {
    if (!input.permitId) throw invalid({ field: 'permitId', message: 'Разрешение: укажите разрешение, в которое вносятся изменения' });
    const permit = await trx
      .selectFrom('permits')
      .select(['id', 'number', 'site_id', 'valid_from', 'valid_to', 'status'])
      .where('id', '=', input.permitId)
      .where('producer_id', '=', actor.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!permit) throw notFound('Разрешение не найдено');
    if (permit.status !== 'active') throw new AppError('conflict', `Разрешение № ${permit.number} не действует: изменения в него не вносятся`);
    const open = await trx
      .selectFrom('permit_applications')
      .select(['id', 'number', 'status'])
      .where('permit_id', '=', permit.id)
      .where('kind', '=', 'amendment')
      .where('status', 'in', ['draft', 'submitted', 'needs_info'])
      .executeTakeFirst();
    if (open) {
      throw new AppError('conflict', `По разрешению № ${permit.number} уже есть заявление о внесении изменений № ${open.number} (${STATUS_LABELS[open.status]}); продолжите его`, undefined, {
        applicationId: open.id,
      });
    }
    const last = await trx
      .selectFrom('permit_applications')
      .select('district')
      .where('permit_id', '=', permit.id)
      .where('district', 'is not', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    values = { site_id: permit.site_id, works_from: permit.valid_from, works_to: permit.valid_to, district: last?.district ?? null, permit_id: permit.id };
    permitNumber = permit.number;
  } else if (input.siteId) {
    await ownSite(trx, actor, input.siteId);
    values.site_id = input.siteId;
  }
  const number = await newNumber(trx, now);
  const row = await trx
    .insertInto('permit_applications')
    .values({ number, organization_id: actor.organizationId, kind: input.kind, created_by: actor.personId, created_at: now, updated_at: now, ...values })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (input.kind === 'amendment' && values.permit_id) await prefillFromPermit(trx, row.id, values.permit_id);
  await createTask(trx, {
    organizationId: actor.organizationId,
    personId: actor.personId,
    kind: DRAFT_TASK_KIND,
    title: input.kind === 'amendment' ? `Внесение изменений в разрешение № ${permitNumber}: заполните и подайте заявление № ${number}` : `Выдача разрешения на перемещение ОСС: заполните и подайте заявление № ${number}`,
    payload: { applicationId: row.id, number },
  });
  await record(trx, {
    ...entryBy(row, actor, now, o),
    action: 'created',
    toStatus: 'draft',
    comment: permitNumber ? `Изменения в разрешение № ${permitNumber}` : null,
  });
  return applicationCard(ctx, actor, row, trx);
}

/** An amendment starts from the permit's present terms: its lines (with each line's facilities) and carriers. */
async function prefillFromPermit(trx: Transaction<Database>, applicationId: string, permitId: string): Promise<void> {
  await sql`insert into permit_application_lines (application_id, position, waste_code, volume, mass)
      select ${applicationId}, row_number() over (order by w.waste_code), w.waste_code, w.permitted_volume, w.permitted_mass
        from permit_waste_types w where w.permit_id = ${permitId}`.execute(trx);
  // The facilities of each line: the current version's pairing, or (a permit without versions) every facility of the permit that accepts the code.
  await sql`insert into permit_application_line_facilities (application_id, position, facility_object_id)
      select distinct l.application_id, l.position, f.facility_object_id
        from permit_application_lines l
        join permits p on p.id = ${permitId}
        join permit_facilities f on f.permit_id = p.id
       where l.application_id = ${applicationId}
         and (exists (select 1 from permit_versions v join permit_version_facilities vf on vf.version_id = v.id
                       where v.permit_id = p.id and v.version = p.version and vf.waste_code = l.waste_code and vf.facility_object_id = f.facility_object_id)
              or (not exists (select 1 from permit_versions v where v.permit_id = p.id and v.version = p.version)
                  and exists (select 1 from facility_waste_types fw where fw.facility_id = f.facility_object_id and fw.waste_code = l.waste_code)))`.execute(trx);
  await sql`insert into permit_application_carriers (application_id, position, inn)
      select ${applicationId}, row_number() over (order by o.inn), o.inn
        from permit_carriers c join organizations o on o.id = c.carrier_id where c.permit_id = ${permitId}`.execute(trx);
}

// --- saving field groups ------------------------------------------------------------------------

export interface GeneralInput {
  siteId?: string | null;
  worksFrom?: string | null;
  worksTo?: string | null;
  district?: string | null;
  comment?: string | null;
}

export interface LineInput {
  wasteCode?: string | null;
  volume?: string | number | null;
  mass?: string | number | null;
  facilityObjectIds?: string[];
}

export interface CarrierInput {
  inn: string;
  inviteEmail?: string | null;
}

export interface PatchInput {
  version: number;
  general?: GeneralInput;
  lines?: LineInput[];
  carriers?: CarrierInput[];
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,185}\.[^\s@]{2,}$/;
const isoRu = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

/** The version check every write of the applicant makes. */
export async function conflictIfStale(ctx: Pick<AppContext, 'db' | 'now'>, trx: Transaction<Database>, actor: Actor, row: ApplicationRow, version: number): Promise<void> {
  if (version === row.version) return;
  const current = await applicationCard(ctx, actor, row, trx);
  throw new AppError(
    'version_conflict',
    `Заявление № ${row.number} уже изменено в другом окне или другим пользователем (ваша версия ${version}, сохранённая — ${row.version}). Ваши последние изменения не сохранены: сравните их с сохранёнными и сохраните снова`,
    [{ field: 'version', message: `Версия заявления: сохранена версия ${row.version}, а изменение сделано в версии ${version}` }],
    { currentVersion: row.version, current },
  );
}

export async function patchApplication(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; input: PatchInput } & Meta,
): Promise<ApplicationCard> {
  const { ctx, actor, input } = o;
  const row = await findApplication(trx, actor, o.id, { forUpdate: true });
  if (row.organization_id !== actor.organizationId) throw notFound('Заявление не найдено');
  if (!isEditable(row.status)) {
    throw new AppError('application_status', `Заявление № ${row.number} в статусе «${STATUS_LABELS[row.status]}»: изменять его нельзя`);
  }
  await conflictIfStale(ctx, trx, actor, row, input.version);
  if (!input.general && !input.lines && !input.carriers) throw invalid({ field: 'body', message: 'Изменения: укажите, что сохранить (general, lines или carriers)' });
  const changes: Changes = {};
  if (input.general) Object.assign(changes, await saveGeneral(trx, actor, row, input.general));
  if (input.lines) Object.assign(changes, await saveLines(trx, row, input.lines));
  if (input.carriers) Object.assign(changes, await saveCarriers(trx, row, input.carriers));
  const now = ctx.now();
  if (Object.keys(changes).length) {
    await touch(trx, row.id, now);
    await record(trx, {
      ...entryBy(row, actor, now, o),
      action: 'edited',
      changes,
    });
  }
  const fresh = await findApplication(trx, actor, row.id);
  return applicationCard(ctx, actor, fresh, trx);
}

/** `patchApplication` in a transaction of its own (the route's use-case). */
export function saveDraft(o: { ctx: AppContext; actor: Actor; id: string; input: PatchInput } & Meta): Promise<ApplicationCard> {
  return o.ctx.db.transaction().execute((trx) => patchApplication(trx, o));
}

async function saveGeneral(trx: Transaction<Database>, actor: Actor, row: ApplicationRow, g: GeneralInput): Promise<Changes> {
  const errors: FieldError[] = [];
  const set: Record<string, string | null> = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (g.siteId !== undefined && g.siteId !== row.site_id) {
    if (row.kind === 'amendment') errors.push({ field: 'general.siteId', message: 'Объект: в заявлении о внесении изменений объект разрешения не меняется' });
    else if (g.siteId === null) set.site_id = null;
    else {
      const site = await ownSite(trx, actor, g.siteId, 'general.siteId').catch((e: AppError) => {
        errors.push(...(e.errors ?? []));
        return null;
      });
      if (site) set.site_id = site.id;
    }
    if ('site_id' in set) {
      const names = await trx.selectFrom('sites').select(['id', 'name']).where('id', 'in', [row.site_id, set.site_id].filter((x): x is string => !!x)).execute();
      before.site = names.find((n) => n.id === row.site_id)?.name ?? null;
      after.site = names.find((n) => n.id === set.site_id)?.name ?? null;
    }
  }
  const date = (key: 'worksFrom' | 'worksTo', column: 'works_from' | 'works_to', label: string) => {
    const v = g[key];
    if (v === undefined || v === row[column]) return;
    if (v !== null && !parseIsoDate(v).ok) {
      errors.push({ field: `general.${key}`, message: `${label}: такой даты нет` });
      return;
    }
    if (row.kind === 'amendment' && key === 'worksFrom') {
      errors.push({ field: `general.${key}`, message: `${label}: начало срока действия разрешения при внесении изменений не меняется` });
      return;
    }
    set[column] = v;
    before[key] = row[column];
    after[key] = v;
  };
  date('worksFrom', 'works_from', 'Начало работ');
  date('worksTo', 'works_to', 'Окончание работ');
  const from = 'works_from' in set ? set.works_from : row.works_from;
  const to = 'works_to' in set ? set.works_to : row.works_to;
  if (from && to && to < from && !errors.length) {
    errors.push({ field: 'general.worksTo', message: `Окончание работ: не может быть раньше начала работ (${isoRu(from)})` });
  }
  if (g.district !== undefined && g.district !== row.district) {
    if (g.district !== null && !DISTRICT_CODES.includes(g.district)) {
      errors.push({ field: 'general.district', message: `Округ: допустимые значения — ${DISTRICT_CODES.join(', ')}` });
    } else {
      set.district = g.district;
      before.district = row.district;
      after.district = g.district;
    }
  }
  if (g.comment !== undefined && (g.comment ?? null) !== row.comment) {
    const c = g.comment?.trim() || null;
    if (c && c.length > 4000) errors.push({ field: 'general.comment', message: 'Комментарий: не длиннее 4000 символов' });
    else {
      set.comment = c;
      before.comment = row.comment;
      after.comment = c;
    }
  }
  if (errors.length) throw invalid(errors);
  if (Object.keys(set).length) await trx.updateTable('permit_applications').set(set).where('id', '=', row.id).execute();
  return diff(before, after);
}

function describeLines(lines: { wasteCode: string | null; volume: string | null; mass: string | null; facilities: string[] }[]): string[] {
  return lines.map(
    (l) =>
      `${l.wasteCode ? formatFkkoCode(l.wasteCode) : '(код не выбран)'}: ${l.volume ?? '—'} м³${l.mass ? `, ${l.mass} т` : ''}${l.facilities.length ? ` → ${l.facilities.join(', ')}` : ''}`,
  );
}

async function saveLines(trx: Transaction<Database>, row: ApplicationRow, input: LineInput[]): Promise<Changes> {
  const errors: FieldError[] = [];
  if (input.length > MAX_LINES) throw invalid({ field: 'lines', message: `Виды отходов: не более ${MAX_LINES} строк` });
  const codes = [...new Set(input.map((l) => (typeof l.wasteCode === 'string' ? normalizeFkkoCode(l.wasteCode) : '')).filter(Boolean))];
  const facilityIds = [...new Set(input.flatMap((l) => l.facilityObjectIds ?? []))];
  const [known, facilities, accepted] = await Promise.all([
    codes.length ? trx.selectFrom('waste_types').select('code').where('code', 'in', codes).execute() : Promise.resolve([]),
    facilityIds.length
      ? trx
          .selectFrom('facilities as f')
          .innerJoin('organizations as o', 'o.id', 'f.organization_id')
          .select(['f.id', 'f.number', 'f.name', 'f.status', 'f.archived_at', 'o.status as org_status'])
          .where('f.id', 'in', facilityIds)
          .execute()
      : Promise.resolve([]),
    facilityIds.length ? trx.selectFrom('facility_waste_types').select(['facility_id', 'waste_code']).where('facility_id', 'in', facilityIds).execute() : Promise.resolve([]),
  ]);
  const knownCodes = new Set(known.map((k) => k.code));
  const byId = new Map(facilities.map((f) => [f.id, f]));
  const accepts = new Set(accepted.map((a) => `${a.facility_id}|${a.waste_code}`));
  const seen = new Map<string, number>();
  const clean: { wasteCode: string | null; volume: string | null; mass: string | null; facilityIds: string[] }[] = [];
  input.forEach((l, i) => {
    const at = `lines[${i}]`;
    const label = `Виды отходов, строка ${i + 1}`;
    let code: string | null = null;
    if (typeof l.wasteCode === 'string' && l.wasteCode.trim() !== '') {
      const c = normalizeFkkoCode(l.wasteCode);
      if (!knownCodes.has(c)) errors.push({ field: `${at}.wasteCode`, message: `${label}: код ФККО «${l.wasteCode}» не найден в каталоге` });
      else if (seen.has(c)) errors.push({ field: `${at}.wasteCode`, message: `${label}: код ${formatFkkoCode(c)} уже указан в строке ${seen.get(c)! + 1}` });
      else {
        code = c;
        seen.set(c, i);
      }
    }
    const qty = (v: LineInput['volume'], parse: typeof parseVolume, key: 'volume' | 'mass', what: string): string | null => {
      if (v === undefined || v === null || v === '') return null;
      const r = parse(v);
      if (!r.ok) {
        errors.push({ field: `${at}.${key}`, message: `${label}: ${what} ${r.error}` });
        return null;
      }
      if (Number(r.value) > Number(MAX_VOLUME)) {
        errors.push({ field: `${at}.${key}`, message: `${label}: ${what} не больше 99 999 999` });
        return null;
      }
      return r.value;
    };
    const volume = qty(l.volume, parseVolume, 'volume', 'объём, м³,');
    const mass = qty(l.mass, parseMass, 'mass', 'масса, т,');
    const ids = [...new Set(l.facilityObjectIds ?? [])];
    if (ids.length > MAX_FACILITIES_PER_LINE) errors.push({ field: `${at}.facilityObjectIds`, message: `${label}: не более ${MAX_FACILITIES_PER_LINE} объектов приёма` });
    ids.forEach((id, k) => {
      const f = byId.get(id);
      const field = `${at}.facilityObjectIds[${k}]`;
      if (!f || f.archived_at) errors.push({ field, message: `${label}: объект приёма не найден в реестре` });
      else if (f.status !== 'active' || f.org_status !== 'active') errors.push({ field, message: `${label}: доступ объекта приёма «${f.name}» (${f.number}) приостановлен оператором` });
      else if (!code && !(typeof l.wasteCode === 'string' && l.wasteCode.trim())) errors.push({ field, message: `${label}: сначала выберите код ФККО, затем объект приёма` });
      else if (code && !accepts.has(`${id}|${code}`)) {
        errors.push({ field, message: `${label}: объект приёма «${f.name}» (${f.number}) не принимает отходы с кодом ${formatFkkoCode(code)}` });
      }
    });
    clean.push({ wasteCode: code, volume, mass, facilityIds: ids });
  });
  if (errors.length) throw invalid(errors);

  const before = await loadLines(trx, row.id);
  await trx.deleteFrom('permit_application_lines').where('application_id', '=', row.id).execute();
  if (clean.length) {
    await trx
      .insertInto('permit_application_lines')
      .values(clean.map((l, i) => ({ application_id: row.id, position: i + 1, waste_code: l.wasteCode, volume: l.volume, mass: l.mass })))
      .execute();
    const pairs = clean.flatMap((l, i) => l.facilityIds.map((f) => ({ application_id: row.id, position: i + 1, facility_object_id: f })));
    if (pairs.length) await trx.insertInto('permit_application_line_facilities').values(pairs).execute();
  }
  const numbers = new Map(facilities.map((f) => [f.id, f.number]));
  const was = describeLines(before.map((l) => ({ wasteCode: l.wasteCode, volume: l.volume, mass: l.mass, facilities: l.facilities.map((f) => f.number) })));
  const now = describeLines(clean.map((l) => ({ ...l, facilities: l.facilityIds.map((f) => numbers.get(f) ?? f) })));
  return diff({ lines: was }, { lines: now });
}

async function saveCarriers(trx: Transaction<Database>, row: ApplicationRow, input: CarrierInput[]): Promise<Changes> {
  const errors: FieldError[] = [];
  if (input.length > MAX_CARRIERS) throw invalid({ field: 'carriers', message: `Перевозчики: не более ${MAX_CARRIERS}` });
  const seen = new Map<string, number>();
  const clean: { inn: string; inviteEmail: string | null }[] = [];
  input.forEach((c, i) => {
    const r = checkInn(String(c.inn ?? ''));
    if (!r.ok) {
      errors.push({ field: `carriers[${i}].inn`, message: `Перевозчики, строка ${i + 1}: ИНН ${r.error}` });
      return;
    }
    if (seen.has(r.value)) {
      errors.push({ field: `carriers[${i}].inn`, message: `Перевозчики, строка ${i + 1}: ИНН ${r.value} уже указан в строке ${seen.get(r.value)! + 1}` });
      return;
    }
    seen.set(r.value, i);
    const email = c.inviteEmail?.trim() || null;
    if (email && !EMAIL.test(email)) errors.push({ field: `carriers[${i}].inviteEmail`, message: `Перевозчики, строка ${i + 1}: электронная почта для приглашения указана неверно` });
    clean.push({ inn: r.value, inviteEmail: email });
  });
  const orgs = clean.length ? await trx.selectFrom('organizations').select(['inn', 'name', 'short_name', 'status']).where('inn', 'in', clean.map((c) => c.inn)).execute() : [];
  for (const o of orgs) {
    if (o.status === 'suspended') {
      const i = seen.get(o.inn)!;
      errors.push({ field: `carriers[${i}].inn`, message: `Перевозчики, строка ${i + 1}: доступ организации «${o.short_name ?? o.name}» (ИНН ${o.inn}) приостановлен оператором` });
    }
  }
  if (errors.length) throw invalid(errors);
  const before = await loadCarriers(trx, row.id);
  const invited = new Map(before.map((b) => [b.inn, b]));
  await trx.deleteFrom('permit_application_carriers').where('application_id', '=', row.id).execute();
  if (clean.length) {
    await trx
      .insertInto('permit_application_carriers')
      .values(
        clean.map((c, i) => {
          const prev = invited.get(c.inn);
          // An invitation already sent stays sent unless the address changed.
          const keep = prev?.invitedAt && prev.inviteEmail === c.inviteEmail;
          return { application_id: row.id, position: i + 1, inn: c.inn, invite_email: c.inviteEmail, invited_at: keep ? prev!.invitedAt : null };
        }),
      )
      .execute();
  }
  const names = new Map(orgs.map((o) => [o.inn, o.short_name ?? o.name]));
  const show = (inn: string, email: string | null, name: string | null) => `${name ?? 'не зарегистрирована'} (ИНН ${inn})${!name && email ? `, приглашение: ${email}` : ''}`;
  return diff(
    { carriers: before.map((b) => show(b.inn, b.inviteEmail, b.name)) },
    { carriers: clean.map((c) => show(c.inn, c.inviteEmail, names.get(c.inn) ?? null)) },
  );
}
