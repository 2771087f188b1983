/**
 * Money benchmark: a 1C «ClientBankExchange» statement of N incoming payments (Windows-1251) imported by a
 * facility with open invoices of many payers — parsing, payer lookup, insertion, matching — then the same
 * file again (every document a duplicate). Runs against the database of DATABASE_URL (or the embedded one).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { parseConfig } from '../src/platform/config.js';
import { boot } from '../src/platform/bootstrap.js';
import { makeValidInnLegal } from '../src/domain/identifiers.js';
import { importBankStatement } from '../src/features/money/payments.js';
import type { Actor } from '../src/platform/http/auth.js';

export async function benchMoneyImport(opts: { lines: number; sampleRss: () => number }): Promise<object[]> {
  const started = await boot(parseConfig(process.env, { logLevel: 'silent' } as never));
  const ctx = started.ctx;
  const out: object[] = [];
  try {
    const seed = 700_000 + (Date.now() % 200_000) * 5;
    const payers = 500;
    const org = async (i: number, role: string) =>
      (await ctx.db.insertInto('organizations').values({ kind: 'legal', inn: makeValidInnLegal(seed + i), name: `ООО «Бенч ${seed + i}»`, roles: [role] } as never).returning(['id', 'inn']).executeTakeFirstOrThrow()) as { id: string; inn: string };
    const facility = await org(0, 'facility');
    const payerOrgs = [];
    for (let i = 1; i <= payers; i++) payerOrgs.push(await org(i, 'producer'));
    const person = await ctx.db.insertInto('persons').values({ full_name: 'Бенч Бенч', email: null, phone: null, snils: null, password_hash: null }).returning('id').executeTakeFirstOrThrow();
    // Four open invoices per payer (acts without files), 1 000,00 … 4 000,00 ₽.
    await sql`insert into acts (number, facility_id, payer_id, month, seq, net_kop, vat_kop, total_kop, loads, status)
      select '2026-' || ((p.n - 1) * 4 + k), ${facility.id}, p.id, '2026-01-01', k, 100000 * k, 0, 100000 * k, 1, 'failed'
        from unnest(${payerOrgs.map((p) => p.id)}::uuid[]) with ordinality as p(id, n) cross join generate_series(1, 4) k`.execute(ctx.db);
    await sql`insert into invoices (number, facility_id, payer_id, act_id, issued_on, due_on, net_kop, vat_kop, total_kop)
      select a.number, a.facility_id, a.payer_id, a.id, '2026-02-01', '2026-02-15', a.net_kop, 0, a.total_kop from acts a where a.facility_id = ${facility.id}`.execute(ctx.db);
    const lines = ['1CClientBankExchange', 'ВерсияФормата=1.03', 'Кодировка=Windows', 'ДатаНачала=01.03.2026', 'ДатаКонца=31.03.2026', 'РасчСчет=40702810938000012345'];
    for (let i = 0; i < opts.lines; i++) {
      const pi = i % payers;
      const p = payerOrgs[pi];
      const k = 1 + (i % 4);
      const named = i % 3 === 0;
      lines.push(
        'СекцияДокумент=Платежное поручение', `Номер=${i + 1}`, `Дата=${String(1 + (i % 28)).padStart(2, '0')}.03.2026`, `Сумма=${named ? '300.00' : `${k * 1000}.00`}`,
        `ПлательщикСчет=407028100000${String(pi).padStart(8, '0')}`, `ПлательщикИНН=${p.inn}`, `Плательщик1=ООО «Бенч ${pi}»`,
        'ПолучательСчет=40702810938000012345', `ПолучательИНН=${facility.inn}`, 'Получатель1=Объект приёма',
        `НазначениеПлатежа=${named ? `Оплата по счёту № 2026-${pi * 4 + k}` : 'Оплата за приём ОСС'}`, 'КонецДокумента',
      );
    }
    lines.push('КонецФайла', '');
    const buf = iconv.encode(lines.join('\r\n'), 'win1251');
    const file = path.join(os.tmpdir(), `bench-1c-${process.pid}.txt`);
    fs.writeFileSync(file, buf);
    const actor = { personId: person.id, personName: 'Бенч', sessionId: null, tokenId: null, organizationId: facility.id, organizationName: 'Бенч', orgRoles: ['facility'], memberRole: 'head', access: 'full', rights: new Set() } as unknown as Actor;
    const sha256 = crypto.createHash('sha256').update(buf).digest('hex');
    for (const variant of ['first', 'again']) {
      const t0 = performance.now();
      const r = await importBankStatement(ctx, actor, { path: file, fileName: 'bench.txt', sha256, size: buf.length });
      const seconds = (performance.now() - t0) / 1000;
      out.push({ case: 'money-import', variant, n: opts.lines, seconds: +seconds.toFixed(2), peakRssMb: Math.round(opts.sampleRss() / 1048576), fileMb: +(buf.length / 1048576).toFixed(1), added: r.added, duplicates: r.duplicates, matched: r.matched, unmatched: r.unmatched });
    }
    fs.rmSync(file, { force: true });
  } finally {
    await started.close();
  }
  return out;
}
