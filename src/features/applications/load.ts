/**
 * Loading one application and its parts (lines, carriers, files) for reads
 * and use-cases; every load is scoped by `applicationVisible`.
 */
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { notFound } from '../../platform/http/errors.js';
import { applicationVisible } from '../visibility.js';
import { ATTACHMENT_KINDS } from './reasons.js';
import type { FileKind, PermitApplicationsTable, StoredDocumentType } from './tables.js';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export type ApplicationRow = Selectable<PermitApplicationsTable>;


export function isOperatorActor(actor: Actor): boolean {
  return actor.orgRoles.includes('operator');
}

/** The application row if the actor may see it (optionally locked for update). */
export async function findApplication(db: Db | Transaction<Database>, actor: Actor, id: string, o: { forUpdate?: boolean } = {}): Promise<ApplicationRow> {
  let q = db.selectFrom('permit_applications as a').selectAll('a').where('a.id', '=', id).where(applicationVisible(actor, 'a'));
  if (o.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('Заявление не найдено');
  return row;
}

export interface LineView {
  position: number;
  wasteCode: string | null;
  wasteName: string | null;
  hazardClass: number | null;
  volume: string | null;
  mass: string | null;
  facilities: { id: string; number: string; name: string; organizationId: string; organizationName: string; accepts: boolean; active: boolean }[];
}

/** The query of an application's lines (with each line's facilities as JSON), for `loadLines` and as the card's subquery. */
export function linesQuery(db: Db | Transaction<Database>, applicationId: string) {
  return db
    .selectFrom('permit_application_lines as l')
    .leftJoin('waste_types as w', 'w.code', 'l.waste_code')
    .select([
      'l.position',
      'l.waste_code',
      'w.name as waste_name',
      'w.hazard_class',
      sql<string | null>`l.volume::text`.as('volume'),
      sql<string | null>`l.mass::text`.as('mass'),
      sql<LineView['facilities']>`coalesce((select json_agg(json_build_object(
          'id', f.id, 'number', f.number, 'name', f.name, 'organizationId', o.id, 'organizationName', coalesce(o.short_name, o.name),
          'accepts', exists (select 1 from facility_waste_types fw where fw.facility_id = f.id and fw.waste_code = l.waste_code),
          'active', f.status = 'active' and f.archived_at is null and o.status = 'active') order by f.number)
        from permit_application_line_facilities lf join facilities f on f.id = lf.facility_object_id join organizations o on o.id = f.organization_id
        where lf.application_id = l.application_id and lf.position = l.position), '[]'::json)`.as('facilities'),
    ])
    .where('l.application_id', '=', applicationId)
    .orderBy('l.position');
}

export function lineView(r: {
  position: number;
  waste_code: string | null;
  waste_name: string | null;
  hazard_class: number | null;
  volume: string | null;
  mass: string | null;
  facilities: LineView['facilities'];
}): LineView {
  return {
    position: r.position,
    wasteCode: r.waste_code,
    wasteName: r.waste_name ?? null,
    hazardClass: r.hazard_class ?? null,
    volume: r.volume,
    mass: r.mass,
    facilities: r.facilities,
  };
}

export async function loadLines(db: Db | Transaction<Database>, applicationId: string): Promise<LineView[]> {
  return (await linesQuery(db, applicationId).execute()).map(lineView);
}

export interface CarrierView {
  inn: string;
  organizationId: string | null;
  name: string | null;
  registered: boolean;
  isCarrier: boolean;
  suspended: boolean;
  inviteEmail: string | null;
  invitedAt: string | null;
}

/** The query of an application's carriers (matched to the register by ИНН), for `loadCarriers` and as the card's subquery. */
export function carriersQuery(db: Db | Transaction<Database>, applicationId: string) {
  return db
    .selectFrom('permit_application_carriers as c')
    .leftJoin('organizations as o', 'o.inn', 'c.inn')
    .select(['c.inn', 'c.invite_email', 'c.invited_at', 'o.id as org_id', 'o.name', 'o.short_name', 'o.roles', 'o.status'])
    .where('c.application_id', '=', applicationId)
    .orderBy('c.position');
}

export function carrierView(r: {
  inn: string;
  invite_email: string | null;
  invited_at: Date | string | null;
  org_id: string | null;
  name: string | null;
  short_name: string | null;
  roles: readonly string[] | null;
  status: string | null;
}): CarrierView {
  return {
    inn: r.inn,
    organizationId: r.org_id ?? null,
    name: r.short_name ?? r.name ?? null,
    registered: r.org_id !== null,
    isCarrier: (r.roles ?? []).includes('carrier'),
    suspended: r.status === 'suspended',
    inviteEmail: r.invite_email,
    invitedAt: iso(r.invited_at),
  };
}

export async function loadCarriers(db: Db | Transaction<Database>, applicationId: string): Promise<CarrierView[]> {
  return (await carriersQuery(db, applicationId).execute()).map(carrierView);
}

/** The query of an application's files (without the thread's attachments unless `messages`), for `loadFiles` and as the card's subquery. */
export function filesQuery(db: Db | Transaction<Database>, applicationId: string, o: { messages?: boolean } = {}) {
  let q = db
    .selectFrom('permit_application_files as f')
    .innerJoin('persons as p', 'p.id', 'f.uploaded_by')
    .select(['f.id', 'f.kind', 'f.file_name', 'f.file_type', 'f.size_bytes', 'f.uploaded_at', 'f.message_id', 'p.full_name'])
    .where('f.application_id', '=', applicationId)
    .where('f.removed_at', 'is', null);
  if (!o.messages) q = q.where('f.kind', '<>', 'message');
  return q.orderBy('f.uploaded_at').orderBy('f.id');
}

export function fileView(
  applicationId: string,
  f: { id: string; kind: FileKind; file_name: string; file_type: StoredDocumentType; size_bytes: number | string; uploaded_at: Date | string; message_id: number | string | null; full_name: string },
) {
  return {
    id: f.id,
    kind: f.kind,
    kindLabel: f.kind === 'message' ? 'Вложение сообщения' : ATTACHMENT_KINDS[f.kind],
    fileName: f.file_name,
    fileType: f.file_type,
    sizeBytes: Number(f.size_bytes),
    uploadedAt: iso(f.uploaded_at)!,
    uploadedBy: f.full_name,
    messageId: f.message_id === null ? null : Number(f.message_id),
    url: `/api/applications/${applicationId}/files/${f.id}`,
  };
}

export async function loadFiles(db: Db | Transaction<Database>, applicationId: string, o: { messages?: boolean } = {}) {
  return (await filesQuery(db, applicationId, o).execute()).map((f) => fileView(applicationId, f));
}

export type FileView = Awaited<ReturnType<typeof loadFiles>>[number];

/** Unread messages of the thread for a person: written by others after what the person read. */
export function unreadFor(personId: string, alias = 'a') {
  return sql<number>`(select count(*)::int from permit_application_messages m
      where m.application_id = ${sql.ref(`${alias}.id`)} and m.author_id <> ${personId}
        and m.id > coalesce((select r.last_read_id from permit_application_reads r where r.application_id = ${sql.ref(`${alias}.id`)} and r.person_id = ${personId}), 0))`;
}

