/** Ordering a statement as a person would, for tests and benchmarks that need one over many trips. */
import { sql } from 'kysely';
import type { AppContext } from '../../src/platform/context.js';
import { loadActor } from '../../src/platform/http/auth.js';
import { orderStatement } from '../../src/features/statements/order-statement.js';
import { addDays, formatIsoDate, moscowDate, parseIsoDate } from '../../src/domain/period.js';

/**
 * Orders a statement for the site with the most trips, as its producer's head, over the last
 * `daysBack` days and all of the site's permits. Returns the statement and the permits it covers.
 */
export async function orderBusiestStatement(ctx: AppContext, daysBack: number): Promise<{ id: string; permitIds: string[] }> {
  const busiest = await ctx.db
    .selectFrom('trips')
    .select(['site_id', sql<number>`count(*)::int`.as('n')])
    .groupBy('site_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const site = await ctx.db.selectFrom('sites').select(['id', 'producer_id']).where('id', '=', busiest.site_id).executeTakeFirstOrThrow();
  const head = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.full_name'])
    .where('m.organization_id', '=', site.producer_id)
    .where('m.role', '=', 'head')
    .executeTakeFirstOrThrow();
  const actor = (await loadActor(ctx.db, { personId: head.id, personName: head.full_name, sessionId: null, tokenId: null, organizationId: site.producer_id }, site.producer_id))!;
  const today = moscowDate(ctx.now());
  const from = formatIsoDate(addDays((parseIsoDate(today) as { ok: true; value: any }).value, -daysBack));
  const permitIds = (await ctx.db.selectFrom('permits').select('id').where('site_id', '=', site.id).execute()).map((p) => p.id);
  const ordered = await ctx.db.transaction().execute((trx) => orderStatement(trx, { ctx, actor, input: { siteId: site.id, from, to: today, permitIds } }));
  return { id: ordered.id, permitIds };
}
