/** What the application form offers: facilities that accept a code, a carrier looked up by ИНН, the operator's lists. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/pool.js';
import type { Config } from '../../platform/config.js';
import { invalid } from '../../platform/http/errors.js';
import { checkInn } from '../../domain/identifiers.js';
import { normalizeFkkoCode } from '../../domain/fkko.js';
import { CALENDAR_YEARS, PRODUCTION_CALENDAR } from '../../domain/working-days.js';
import { ATTACHMENT_KINDS, DISTRICTS, INFO_REQUEST_TEMPLATES, REJECTION_REASONS } from './reasons.js';
import { STATUS_LABELS } from './state-machine.js';
import { REQUIRED_FILES } from './completeness.js';

/** Active receiving facilities of the register; with a code, only those that accept it. */
export async function facilityOptions(db: Db, wasteCode: string | undefined) {
  let q = db
    .selectFrom('facilities as f')
    .innerJoin('organizations as o', 'o.id', 'f.organization_id')
    .select([
      'f.id',
      'f.number',
      'f.name',
      'f.address',
      'o.id as organization_id',
      sql<string>`coalesce(o.short_name, o.name)`.as('organization_name'),
      'o.inn',
      sql<string[]>`array(select fw.waste_code from facility_waste_types fw where fw.facility_id = f.id order by fw.waste_code)`.as('codes'),
    ])
    .where('f.status', '=', 'active')
    .where('f.archived_at', 'is', null)
    .where('o.status', '=', 'active');
  if (wasteCode) {
    const code = normalizeFkkoCode(wasteCode);
    if (!/^\d{11}$/.test(code)) throw invalid({ field: 'wasteCode', message: 'Код ФККО: 11 цифр' });
    q = q.where(sql<boolean>`exists (select 1 from facility_waste_types fw where fw.facility_id = f.id and fw.waste_code = ${code})`);
  }
  const rows = await q.orderBy('f.number').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    name: r.name,
    address: r.address,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    inn: r.inn,
    wasteCodes: r.codes,
  }));
}

/** A carrier by ИНН: registered or not (then it is invited), a carrier or not yet, suspended or not. */
export async function lookupCarrier(db: Db, inn: string) {
  const r = checkInn(inn);
  if (!r.ok) throw invalid({ field: 'inn', message: `ИНН: ${r.error}` });
  const o = await db.selectFrom('organizations').select(['id', 'name', 'short_name', 'roles', 'status']).where('inn', '=', r.value).executeTakeFirst();
  return {
    inn: r.value,
    registered: !!o,
    organizationId: o?.id ?? null,
    name: o ? (o.short_name ?? o.name) : null,
    isCarrier: !!o && o.roles.includes('carrier'),
    suspended: o?.status === 'suspended',
  };
}

/** The lists the forms use (statuses, districts, attachment kinds, reasons) and the review term with its calendar's sources. */
export function referenceData(config: Config) {
  return {
    statuses: Object.entries(STATUS_LABELS).map(([code, label]) => ({ code, label })),
    districts: DISTRICTS.map((d) => ({ code: d.code, name: d.name })),
    attachmentKinds: Object.entries(ATTACHMENT_KINDS).map(([code, label]) => ({ code, label, requiredForPermit: (REQUIRED_FILES.permit as readonly string[]).includes(code) })),
    rejectionReasons: REJECTION_REASONS.map((r) => ({ code: r.code, text: r.text })),
    infoRequestTemplates: INFO_REQUEST_TEMPLATES.map((r) => ({ code: r.code, text: r.text })),
    reviewWorkingDays: config.applicationReviewWorkingDays,
    calendar: CALENDAR_YEARS.map((y) => ({ year: y, source: PRODUCTION_CALENDAR[y].source, provisional: PRODUCTION_CALENDAR[y].provisional === true })),
  };
}
