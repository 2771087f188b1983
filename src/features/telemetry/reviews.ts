/**
 * The review list of trips detected from telemetry that could not be turned into a trip (or disagree
 * with the carrier's declaration): the operator sees all and dismisses a case with a reason; a carrier
 * sees its own vehicles' cases only.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { detectionFields, type DetectionFields } from './detections.js';

export interface ReviewItem extends DetectionFields {
  id: number;
  detectionId: number;
  reasonCode: string;
  reason: string;
  status: 'open' | 'dismissed';
  latitude: number;
  longitude: number;
  createdAt: string;
  dismissedAt: string | null;
  dismissReason: string | null;
}

const isOperator = (a: Actor) => a.orgRoles.includes('operator');

export async function listReviews(
  ctx: AppContext,
  actor: Actor,
  o: { status?: 'open' | 'dismissed'; limit: number; offset: number },
): Promise<{ items: ReviewItem[]; total: number }> {
  const scope = isOperator(actor) ? sql`true` : sql`r.carrier_id = ${actor.organizationId}`;
  const status = o.status ? sql`r.status = ${o.status}` : sql`true`;
  const r = await sql<any>`
    select r.id::int as id, d.id::int as detection_id, r.reason_code, r.reason, r.status, d.kind, coalesce(c.short_name, c.name) as carrier_name, v.plate,
           s.name as site_name, f.name as facility_name, d.loaded_at, d.unloaded_at, d.latitude, d.longitude, d.distance_km::float8 as distance_km,
           d.trip_id::int as trip_id, r.created_at, r.dismissed_at, r.dismiss_reason, count(*) over ()::int as total
      from telemetry_reviews r
      join telemetry_detections d on d.id = r.detection_id
      join organizations c on c.id = r.carrier_id
      join vehicles v on v.id = r.vehicle_id
      join sites s on s.id = d.site_id
      left join facilities f on f.id = d.facility_object_id
     where ${scope} and ${status}
     order by r.created_at desc, r.id desc
     limit ${o.limit} offset ${o.offset}`.execute(ctx.db);
  return {
    total: r.rows[0]?.total ?? 0,
    items: r.rows.map((x) => ({
      id: x.id,
      detectionId: x.detection_id,
      reasonCode: x.reason_code,
      reason: x.reason,
      status: x.status,
      ...detectionFields(x),
      latitude: x.latitude,
      longitude: x.longitude,
      createdAt: new Date(x.created_at).toISOString(),
      dismissedAt: x.dismissed_at ? new Date(x.dismissed_at).toISOString() : null,
      dismissReason: x.dismiss_reason,
    })),
  };
}

/** The operator closes a case with a reason; a closed case cannot be closed again (409). */
export async function dismissReview(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<{ id: number; status: 'dismissed'; dismissedAt: string }> {
  const text = reason.trim();
  if (!text) throw invalid({ field: 'reason', message: 'Причина: обязательное поле' });
  if (!isOperator(actor)) throw notFound('Случай не найден');
  const r = await sql<{ id: number; status: string; dismissed_at: Date | null }>`
    with cur as (select id, status from telemetry_reviews where id = ${id} for update),
         upd as (update telemetry_reviews set status = 'dismissed', dismissed_by = ${actor.personId}, dismissed_at = ${ctx.now()}, dismiss_reason = ${text}
                  where id = ${id} and status = 'open' returning id, dismissed_at)
    select cur.id::int as id, cur.status, upd.dismissed_at from cur left join upd on upd.id = cur.id`.execute(ctx.db);
  const row = r.rows[0];
  if (!row) throw notFound('Случай не найден');
  if (!row.dismissed_at) throw new AppError('conflict', 'Случай уже закрыт');
  return { id: row.id, status: 'dismissed', dismissedAt: new Date(row.dismissed_at).toISOString() };
}
