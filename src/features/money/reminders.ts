/**
 * Overdue invoices: the payer hears once per invoice, the day after its term («оплатить до») passes with
 * money still owed — a notice in the cabinet for its heads (and an e-mail), or for the organization as a
 * whole when it has no head. `invoices.reminded_at` is set in the same transaction by a conditional
 * update (`where reminded_at is null`), so a retried run, or two workers at once, remind once.
 */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { moscowDate, formatDateRu as ruDate } from '../../domain/period.js';
import { formatRubles } from '../../domain/money.js';
import { notify } from '../notifications/notify.js';


export async function sendInvoiceReminders(ctx: AppContext): Promise<number> {
  const today = moscowDate(ctx.now());
  const ids = await sql<{ id: string }>`
    select id from invoices where reminded_at is null and paid_kop < total_kop and due_on < ${today}::date order by due_on, id limit 5000`.execute(ctx.db);
  let sent = 0;
  for (const { id } of ids.rows) {
    await ctx.db.transaction().execute(async (trx) => {
      const claimed = await sql<{ number: string; payer_id: string; due_on: string; left: string; facility: string }>`
        update invoices i set reminded_at = ${ctx.now()}
          from organizations f
         where i.id = ${id} and f.id = i.facility_id and i.reminded_at is null and i.paid_kop < i.total_kop and i.due_on < ${today}::date
        returning i.number, i.payer_id, i.due_on::text as due_on, (i.total_kop - i.paid_kop)::text as left, coalesce(f.short_name, f.name) as facility`.execute(trx);
      const inv = claimed.rows[0];
      if (!inv) return;
      const title = `Счёт № ${inv.number} просрочен: к оплате ${formatRubles(BigInt(inv.left))} ₽`;
      const body = `Счёт № ${inv.number} от ${inv.facility} нужно было оплатить до ${ruDate(inv.due_on)}. Осталось оплатить ${formatRubles(BigInt(inv.left))} ₽. Укажите номер счёта в назначении платежа — так оплата сопоставится со счётом автоматически.`;
      const heads = await trx.selectFrom('memberships').select('person_id').where('organization_id', '=', inv.payer_id).where('role', '=', 'head').where('revoked_at', 'is', null).execute();
      if (!heads.length) await notify(trx, ctx, { organizationId: inv.payer_id, personId: null, title, body, link: '/settlements' });
      for (const h of heads) await notify(trx, ctx, { organizationId: inv.payer_id, personId: h.person_id, title, body, link: '/settlements', email: 'invoice.overdue' });
      sent++;
    });
  }
  return sent;
}
