/**
 * Migration 0230's backfill of older invoices, on a database that has some: when 0230 ran, invoices
 * already ordered had their act's registry record but none of their own and no render job. The test
 * orders acts through the API, puts the database back to that state (the invoices' records, jobs and
 * file columns removed — as before 0230), runs the backfill statements of the migration file as they
 * are, and checks: one 'invoice' record per invoice with its act's parties, period and time, one
 * 'money.invoice' job per invoice, nothing for an invoice whose act has no record, a second run adds
 * nothing, and the jobs then render every invoice's signed PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../../../test/helpers/db.js';
import { buildTestApp, signedIn, type Client } from '../../../test/helpers/http.js';
import type { App } from '../../platform/http/server.js';
import { runJobsOnce } from '../../platform/jobs/index.js';
import { seedDemo } from '../demo/seed.js';
import { JOBS } from '../index.js';
import { insertLoad, loadBase } from '../../../test/helpers/loads.js';

const MIGRATION = path.resolve('migrations/0230_invoice_files.sql');
const T = '81110001495';

let ctx: TestContext;
let app: App;
let facility: Client;

/** The migration's backfill: its statements after the «Invoices made before» comment, run as written. */
function backfillStatements(): string[] {
  const text = fs.readFileSync(MIGRATION, 'utf8');
  const at = text.indexOf('-- Invoices made before');
  expect(at).toBeGreaterThan(0);
  return text
    .slice(at)
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}

const orgOf = async (email: string) =>
  (await sql<{ id: string }>`select m.organization_id as id from memberships m join persons p on p.id = m.person_id where p.email = ${email} and m.role = 'head'`.execute(ctx.db)).rows[0].id;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx, { trips: 60, days: 3 });
  app = await buildTestApp(ctx);
  facility = await signedIn(app, 'facility@ossig.test');
});

afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('migration 0230: invoices ordered before it get their records and jobs', () => {
  it('backfills every older invoice once, with its act’s parties, and the jobs render them', async () => {
    const facilityId = await orgOf('facility@ossig.test');
    await sql`insert into waste_types (code, name) values (${T}, 'Тестовый вид') on conflict do nothing`.execute(ctx.db);
    expect((await facility.post('/api/tariffs', { wasteCode: T, unit: 't', price: '1000', validFrom: '2026-01-01' })).status).toBe(200);
    // Two payers' loads in two months: four acts with their invoices.
    for (const email of ['producer@ossig.test', 'producer2@ossig.test']) {
      const base = await loadBase(ctx, facilityId, await orgOf(email)).catch(() => null);
      if (!base) continue;
      for (const at of ['2026-02-10T10:00:00Z', '2026-03-10T10:00:00Z']) {
        const id = await insertLoad(ctx, base, at, { code: T });
        expect((await facility.post(`/api/receipts/${id}/confirm`, { mass: '2' })).status).toBe(200);
      }
    }
    for (const month of ['2026-02', '2026-03']) expect((await facility.post('/api/acts', { month })).status).toBe(202);
    const invoices = (await sql<{ id: string; number: string; act_id: string; payer_id: string }>`select id, number, act_id, payer_id from invoices order by number`.execute(ctx.db)).rows;
    expect(invoices.length).toBeGreaterThanOrEqual(2);

    // The database as it was before 0230: no invoice records, no invoice jobs, files not made.
    await sql`update invoices set document_id = null, file_status = 'queued', pdf_key = null, pdf_sig_key = null, pdf_bytes = null, pdf_sha256 = null, ready_at = null`.execute(ctx.db);
    await sql`delete from jobs where name = 'money.invoice'`.execute(ctx.db);
    await sql`delete from documents where kind = 'invoice'`.execute(ctx.db);
    // One act lost its own record (it cannot happen through the API): its invoice is left alone.
    const orphan = invoices[invoices.length - 1]!;
    await sql`delete from jobs where name = 'money.act' and payload->>'actId' = ${orphan.act_id}`.execute(ctx.db);
    await sql`delete from documents where kind = 'service_act' and subject_id = ${orphan.act_id}`.execute(ctx.db);

    const statements = backfillStatements();
    expect(statements).toHaveLength(2);
    for (const s of statements) await sql.raw(s).execute(ctx.db);

    const records = (
      await sql<{ subject_id: string; number: string; organization_id: string; same_parties: boolean; same_time: boolean; same_period: boolean; code: string }>`
        select d.subject_id, d.number, d.organization_id, d.code,
               d.parties = a.parties as same_parties, d.issued_at = a.issued_at as same_time,
               (d.period_from, d.period_to) = (a.period_from, a.period_to) as same_period
          from documents d join invoices i on i.id = d.subject_id join documents a on a.kind = 'service_act' and a.subject_id = i.act_id
         where d.kind = 'invoice'`.execute(ctx.db)
    ).rows;
    const backed = invoices.filter((i) => i.id !== orphan.id);
    expect(records.map((r) => r.subject_id).sort()).toEqual(backed.map((i) => i.id).sort());
    for (const r of records) {
      const i = invoices.find((x) => x.id === r.subject_id)!;
      expect(r).toMatchObject({ number: `Счёт № ${i.number}`, organization_id: i.payer_id, same_parties: true, same_time: true, same_period: true });
      expect(r.code).toMatch(/^[0-9A-Z]{15}$/);
    }
    expect(new Set(records.map((r) => r.code)).size).toBe(records.length);
    const jobs = (await sql<{ key: string; invoice: string }>`select key, payload->>'invoiceId' as invoice from jobs where name = 'money.invoice'`.execute(ctx.db)).rows;
    expect(jobs.map((j) => j.invoice).sort()).toEqual(backed.map((i) => i.id).sort());
    for (const j of jobs) expect(j.key).toBe(`money.invoice:${j.invoice}`);

    // Run again (a migration re-applied by hand): nothing more.
    for (const s of statements) await sql.raw(s).execute(ctx.db);
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from documents where kind = 'invoice'`.execute(ctx.db)).rows[0].n)).toBe(backed.length);
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from jobs where name = 'money.invoice'`.execute(ctx.db)).rows[0].n)).toBe(backed.length);

    // The jobs make the PDFs of the backfilled invoices; the orphan stays queued.
    await runJobsOnce(ctx, JOBS);
    const states = (await sql<{ id: string; file_status: string; document_id: string | null; pdf_key: string | null }>`select id, file_status, document_id, pdf_key from invoices`.execute(ctx.db)).rows;
    for (const s of states) {
      if (s.id === orphan.id) expect(s).toMatchObject({ file_status: 'queued', document_id: null });
      else expect(s.file_status, s.id).toBe('ready');
      if (s.id !== orphan.id) expect(s.pdf_key).toBeTruthy();
    }
  });
});
