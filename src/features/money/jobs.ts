/** Background jobs and schedules of money: the signed act files, the signed invoice PDF, and the reminders of overdue invoices. */
import { defineJob, defineSchedule } from '../../platform/jobs/index.js';
import { sendInvoiceReminders } from './reminders.js';
import { failDocument, documentOf } from '../../platform/documents/index.js';
import { renderAct } from './render-act.js';
import { renderInvoice } from './render-invoice.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const renderActJob = defineJob<{ actId: string }>({
  name: 'money.act',
  maxAttempts: 5,
  parse(payload) {
    const id = (payload as { actId?: unknown } | null)?.actId;
    if (typeof id !== 'string' || !UUID.test(id)) throw new Error('money.act: payload.actId must be a uuid');
    return { actId: id };
  },
  async run(ctx, payload) {
    await renderAct(ctx, payload.actId);
  },
  async giveUp(ctx, payload, reason) {
    await ctx.db.transaction().execute(async (trx) => {
      const failure =
        reason.kind === 'crashed'
          ? 'Формирование файлов акта дважды аварийно прервалось. Обратитесь в службу поддержки.'
          : 'Файлы акта сформировать не удалось. Обратитесь в службу поддержки; начисления и счёт сохранены.';
      const updated = await trx.updateTable('acts').set({ status: 'failed', failure }).where('id', '=', payload.actId).where('status', '=', 'queued').executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return;
      const doc = await documentOf(trx, 'service_act', payload.actId);
      if (doc) await failDocument(trx, doc.id);
    });
  },
});

export const renderInvoiceJob = defineJob<{ invoiceId: string }>({
  name: 'money.invoice',
  maxAttempts: 5,
  parse(payload) {
    const id = (payload as { invoiceId?: unknown } | null)?.invoiceId;
    if (typeof id !== 'string' || !UUID.test(id)) throw new Error('money.invoice: payload.invoiceId must be a uuid');
    return { invoiceId: id };
  },
  async run(ctx, payload) {
    await renderInvoice(ctx, payload.invoiceId);
  },
  async giveUp(ctx, payload) {
    await ctx.db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('invoices').set({ file_status: 'failed' }).where('id', '=', payload.invoiceId).where('file_status', '=', 'queued').executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return;
      const doc = await documentOf(trx, 'invoice', payload.invoiceId);
      if (doc) await failDocument(trx, doc.id);
    });
  },
});

export const invoiceRemindersJob = defineJob<Record<string, never>>({
  name: 'money.invoice-reminders',
  maxAttempts: 3,
  parse: () => ({}),
  async run(ctx) {
    await sendInvoiceReminders(ctx);
  },
});

/** Overdue invoices: looked for every hour; the payer hears once per invoice (invoices.reminded_at). */
export const invoiceRemindersSchedule = defineSchedule({ name: 'money.invoice-reminders', everyMinutes: 60, job: invoiceRemindersJob, payload: {} });

export const MONEY_JOBS = [renderActJob, renderInvoiceJob, invoiceRemindersJob] as const;
export const MONEY_SCHEDULES = [invoiceRemindersSchedule] as const;
