/**
 * Reminders about permits, in the cabinet and by e-mail, each sent once:
 *
 * - expiry: when 14 days or fewer are left of the term, and again at 3 days
 *   or fewer (a term extended by an amendment is a new term: the key holds the date);
 * - volume: when the accepted loads of a waste line pass 90 % and 100 % of its
 *   permitted volume (only loads the facility accepted count; a volume raised
 *   by an amendment is a new limit: the key holds it).
 *
 * Each reminder's key is written in the same transaction as its notices
 * (`permit_reminders`, primary key permit × key), so a retried or doubled run
 * sends nothing twice.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { moscowDate, formatDateRu as ruDate } from '../../domain/period.js';
import { formatFkkoCode } from '../../domain/fkko.js';
import { formatRu } from '../../domain/quantity.js';
import { shiftDate } from '../../domain/working-days.js';
import { notify } from '../notifications/notify.js';

export const EXPIRY_DAYS = [14, 3] as const;
export const VOLUME_THRESHOLDS = [90, 100] as const;


/** Who of the producer hears: who submitted the permit's latest application (while still a member), else the heads. */
async function recipients(trx: Transaction<Database>, permitId: string, producerId: string): Promise<string[]> {
  const r = await sql<{ person_id: string }>`
    select a.submitted_by as person_id from permit_applications a
      join memberships m on m.person_id = a.submitted_by and m.organization_id = a.organization_id and m.revoked_at is null
     where a.permit_id = ${permitId} and a.status = 'approved' and a.submitted_by is not null
     order by a.decided_at desc limit 1`.execute(trx);
  if (r.rows.length) return [r.rows[0].person_id];
  const heads = await trx
    .selectFrom('memberships')
    .select('person_id')
    .where('organization_id', '=', producerId)
    .where('role', '=', 'head')
    .where('revoked_at', 'is', null)
    .execute();
  return heads.map((h) => h.person_id);
}

/** Claims a reminder key; false when it was sent before. */
async function claim(trx: Transaction<Database>, permitId: string, key: string): Promise<boolean> {
  const r = await trx.insertInto('permit_reminders').values({ permit_id: permitId, key }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

async function tell(trx: Transaction<Database>, ctx: AppContext, permit: { id: string; producer_id: string }, title: string, body: string, event: 'permit.expiring' | 'permit.volume') {
  const people = await recipients(trx, permit.id, permit.producer_id);
  if (!people.length) {
    await notify(trx, ctx, { organizationId: permit.producer_id, personId: null, title, body, link: `/permits/${permit.id}` });
    return;
  }
  for (const personId of people) await notify(trx, ctx, { organizationId: permit.producer_id, personId, title, body, link: `/permits/${permit.id}`, email: event });
}

export async function sendPermitReminders(ctx: AppContext): Promise<{ expiry: number; volume: number }> {
  const today = moscowDate(ctx.now());
  let expiry = 0;
  let volume = 0;
  // Expiry: active permits whose term ends within the longest reminder window.
  const ending = await ctx.db
    .selectFrom('permits')
    .select(['id', 'number', 'producer_id', 'valid_to'])
    .where('status', '=', 'active')
    .where('valid_to', '>=', today)
    .where('valid_to', '<=', shiftDate(today, EXPIRY_DAYS[0]))
    .execute();
  for (const p of ending) {
    const left = Math.round((Date.parse(`${p.valid_to}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    // The nearest threshold reached; the wider ones are marked sent with it (one notice, not two at once).
    const due = EXPIRY_DAYS.filter((d) => left <= d);
    if (!due.length) continue;
    await ctx.db.transaction().execute(async (trx) => {
      let fresh = false;
      for (const d of due) fresh = (await claim(trx, p.id, `expiry:${d}:${p.valid_to}`)) || fresh;
      if (!fresh) return;
      const days = left === 0 ? 'сегодня последний день' : `осталось дней: ${left}`;
      await tell(
        trx,
        ctx,
        p,
        `Срок действия разрешения № ${p.number} заканчивается ${ruDate(p.valid_to)}`,
        `Разрешение № ${p.number} действует по ${ruDate(p.valid_to)} включительно (${days}). Чтобы продлить срок, подайте заявление о внесении изменений в разрешение.`,
        'permit.expiring',
      );
      expiry++;
    });
  }
  // Volume: accepted loads against each line's permitted volume.
  const used = await sql<{ permit_id: string; number: string; producer_id: string; waste_code: string; permitted: string; accepted: string; share: string }>`
    select p.id as permit_id, p.number, p.producer_id, w.waste_code, w.permitted_volume::text as permitted,
           coalesce(t.v, 0)::numeric(16,2)::text as accepted, round(100 * coalesce(t.v, 0) / w.permitted_volume, 1)::text as share
      from permits p
      join permit_waste_types w on w.permit_id = p.id
      -- Accepted loads (movement.ts) from the lifetime trip totals, never a count over the trips.
      join lateral (select sum(tr.volume) as v from trip_lifetime_totals tr
                     where tr.permit_id = p.id and tr.waste_code = w.waste_code and tr.acceptance = 'accepted') t on true
     where p.status = 'active' and coalesce(t.v, 0) >= w.permitted_volume * ${VOLUME_THRESHOLDS[0]} / 100`.execute(ctx.db);
  for (const u of used.rows) {
    const share = Number(u.share);
    const due = VOLUME_THRESHOLDS.filter((t) => share >= t);
    await ctx.db.transaction().execute(async (trx) => {
      let fresh = false;
      for (const t of due) fresh = (await claim(trx, u.permit_id, `volume:${u.waste_code}:${t}:${u.permitted}`)) || fresh;
      if (!fresh) return;
      const top = due[due.length - 1];
      const code = formatFkkoCode(u.waste_code);
      await tell(
        trx,
        ctx,
        { id: u.permit_id, producer_id: u.producer_id },
        top >= 100 ? `Разрешённый объём по разрешению № ${u.number} исчерпан (${code})` : `Использовано ${formatRu(u.share)} % разрешённого объёма по разрешению № ${u.number} (${code})`,
        `Вид отходов ${code}: принято объектами приёма ${formatRu(u.accepted)} м³ из разрешённых ${formatRu(u.permitted)} м³ (${formatRu(u.share)} %).${top >= 100 ? ' Перемещение сверх разрешённого объёма отмечается в сведениях.' : ''} Чтобы увеличить объём, подайте заявление о внесении изменений в разрешение.`,
        'permit.volume',
      );
      volume++;
    });
  }
  return { expiry, volume };
}
