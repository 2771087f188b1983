/**
 * Boundaries of sites and facility objects (the geofences trips are formed by): read by whoever sees
 * the entry, drawn or imported (GeoJSON) by its owner — the producer for a site, the facility
 * organization for its facility object. A change bumps the entry's version and writes its history row
 * and audit event in the same transaction (the detection job reads the new boundary on its next run).
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { checkBoundary, storedBoundary, type Boundary } from '../../domain/boundary.js';
import { recordChange } from '../registers/changes.js';
import { isOperator, siteVisible } from '../visibility.js';

export type BoundaryEntity = 'site' | 'facility';

const WHAT: Record<BoundaryEntity, { notFound: string; archived: string; title: string }> = {
  site: { notFound: 'Объект образования ОСС не найден', archived: 'Объект образования ОСС снят с учёта: изменить его границу нельзя', title: 'Объект образования ОСС' },
  facility: { notFound: 'Объект приёма не найден', archived: 'Объект приёма снят с учёта: изменить его границу нельзя', title: 'Объект приёма' },
};

export interface BoundaryView {
  id: string;
  name: string;
  boundary: Boundary | null;
  version: number;
  editable: boolean;
}

/** The entry's boundary, for whoever sees the entry (a site: its producer, carriers and facilities of its permits, the operator). */
export async function readBoundary(ctx: AppContext, actor: Actor, entity: BoundaryEntity, id: string): Promise<BoundaryView> {
  const row =
    entity === 'site'
      ? (
          await sql<{ id: string; name: string; boundary: unknown; version: number; owner: string; archived: boolean }>`
            select s.id, s.name, s.boundary, s.version, s.producer_id as owner, s.archived_at is not null as archived
              from sites s where s.id = ${id} and ${siteVisible(actor, 's')}`.execute(ctx.db)
        ).rows[0]
      : (
          await sql<{ id: string; name: string; boundary: unknown; version: number; owner: string; archived: boolean }>`
            select f.id, f.name, f.boundary, f.version, f.organization_id as owner, f.archived_at is not null as archived
              from facilities f where f.id = ${id} and (${isOperator(actor)} or f.organization_id = ${actor.organizationId})`.execute(ctx.db)
        ).rows[0];
  if (!row) throw notFound(WHAT[entity].notFound);
  return { id: row.id, name: row.name, boundary: storedBoundary(row.boundary), version: row.version, editable: row.owner === actor.organizationId && !row.archived };
}

/** Sets (or, with null, removes) the boundary of the owner's own entry; checks it (Polygon/MultiPolygon, closed rings, WGS 84). */
export async function saveBoundary(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; entity: BoundaryEntity; id: string; boundary: unknown; ip?: string | null; userAgent?: string | null },
): Promise<{ id: string; version: number; boundary: Boundary | null }> {
  const table = o.entity === 'site' ? sql`sites` : sql`facilities`;
  const ownerCol = o.entity === 'site' ? sql`producer_id` : sql`organization_id`;
  const cur = (
    await sql<{ boundary: unknown; version: number; archived: boolean }>`
      select boundary, version, archived_at is not null as archived from ${table} where id = ${o.id} and ${ownerCol} = ${o.actor.organizationId} for update`.execute(trx)
  ).rows[0];
  if (!cur) throw notFound(WHAT[o.entity].notFound);
  if (cur.archived) throw new AppError('register_archived', WHAT[o.entity].archived);
  let next: Boundary | null = null;
  if (o.boundary !== null) {
    const r = checkBoundary(o.boundary, 'boundary');
    if ('problems' in r) throw invalid(r.problems);
    next = r.boundary;
  }
  const before = storedBoundary(cur.boundary);
  if (JSON.stringify(before) === JSON.stringify(next)) return { id: o.id, version: cur.version, boundary: next };
  const version = cur.version + 1;
  await sql`update ${table} set boundary = ${next === null ? null : JSON.stringify(next)}::jsonb, version = ${version}, updated_at = ${o.ctx.now()} where id = ${o.id}`.execute(trx);
  const describe = (b: Boundary | null) => (b === null ? null : `${b.type === 'Polygon' ? 'многоугольник' : `многоугольников: ${b.coordinates.length}`}; вершин: ${countPositions(b)}`);
  await recordChange(trx, {
    entity: o.entity,
    entityId: o.id,
    version,
    action: 'updated',
    changes: { boundary: [describe(before), describe(next)] },
    organizationId: o.actor.organizationId,
    personId: o.actor.personId,
    ip: o.ip,
    userAgent: o.userAgent,
  });
  return { id: o.id, version, boundary: next };
}

function countPositions(b: Boundary): number {
  const polys = b.type === 'Polygon' ? [b.coordinates] : b.coordinates;
  return polys.reduce((n, rings) => n + rings.reduce((m, r) => m + r.length - 1, 0), 0);
}
