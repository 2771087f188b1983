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
import { cappedCountQuery, cappedTotal, decodeKey, keysetPage, timeOfMicros, type ListTotal } from '../../platform/db/keyset.js';

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

/**
 * Review cases, newest first, by keyset on (created_at desc, id desc): a carrier's through
 * telemetry_reviews_carrier_idx; the operator's of one status through telemetry_reviews_open_idx,
 * all of them through telemetry_reviews_created_idx. The total counted up to 1001.
 */
export function reviewListQueries(actor: Actor, o: { status?: 'open' | 'dismissed'; after?: string; pageSize: number }) {
  const key = decodeKey(o.after, ['micros', 'int']);
  const scope = isOperator(actor) ? sql`true` : sql`r.carrier_id = ${actor.organizationId}`;
  const status = o.status ? sql`r.status = ${o.status}` : sql`true`;
  const after = key ? sql`and (r.created_at, r.id) < (${timeOfMicros(key[0])}, ${key[1]}::int8)` : sql``;
  const items = sql<any>`
    select r.id::int as id, d.id::int as detection_id, r.reason_code, r.reason, r.status, d.kind, coalesce(c.short_name, c.name) as carrier_name, v.plate,
           s.name as site_name, f.name as facility_name, d.loaded_at, d.unloaded_at, d.latitude, d.longitude, d.distance_km::float8 as distance_km,
           d.trip_id::int as trip_id, r.created_at, r.dismissed_at, r.dismiss_reason, (extract(epoch from r.created_at) * 1000000)::int8::text as sort_micros
      from (select r.id from telemetry_reviews r where ${scope} and ${status} ${after} order by r.created_at desc, r.id desc limit ${o.pageSize + 1}) k
      join telemetry_reviews r on r.id = k.id
      join telemetry_detections d on d.id = r.detection_id
      join organizations c on c.id = r.carrier_id
      join vehicles v on v.id = r.vehicle_id
      join sites s on s.id = d.site_id
      left join facilities f on f.id = d.facility_object_id
     order by r.created_at desc, r.id desc`;
  const count = cappedCountQuery(sql`select 1 from telemetry_reviews r where ${scope} and ${status}`);
  return { items, count };
}

export async function listReviews(
  ctx: AppContext,
  actor: Actor,
  o: { status?: 'open' | 'dismissed'; after?: string; pageSize: number },
): Promise<{ items: ReviewItem[]; nextCursor: string | null; total: ListTotal }> {
  const q = reviewListQueries(actor, o);
  const [r, count] = await Promise.all([q.items.execute(ctx.db), q.count.execute(ctx.db)]);
  const page = keysetPage(r.rows, o.pageSize, (x) => [x.sort_micros, String(x.id)]);
  return {
    nextCursor: page.nextCursor,
    total: cappedTotal(count.rows[0].n),
    items: page.items.map((x) => ({
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
