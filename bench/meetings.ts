/**
 * `npm run bench -- meetings [--premises 2000] [--owners 3500]` (or `node --expose-gc --import tsx bench/meetings.ts …`) — owners' meetings at the
 * size of issue 15: a house of N premises and M owners. On a fresh database (DATABASE_URL's server,
 * or an embedded one): the register imported from an XLSX (per-row results), the ballots PDF for every
 * owner (rendered and signed), the decisions file's template and its import (every owner a row, about three
 * quarters with decisions; then the same file again), the count (the same
 * exact count the counting page shows), and the protocol PDF (with the annex of everyone who took
 * part), each with its seconds and the peak RSS of this process during the step. One JSON line each.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { bootProductionBench } from './production-boot.js';
import { createXlsxWriter } from '../src/platform/spreadsheet/writer.js';
import { loadActor } from '../src/platform/http/auth.js';
import { makeValidInnLegal, makeValidOgrn } from '../src/domain/identifiers.js';
import { createHouse, createMeeting, markStage, saveNotice } from '../src/features/meetings/meetings.js';
import { importRegister } from '../src/features/meetings/register.js';
import { orderMeetingDocument, renderMeetingDocument, type MeetingDoc } from '../src/features/meetings/documents.js';
import { countView } from '../src/features/meetings/voting.js';
import { importVotes, votesTemplate } from '../src/features/meetings/votes-import.js';
import { intFlag, parseArgs } from '../src/cli/args.js';

const { flags } = parseArgs(process.argv.slice(2));
const PREMISES = intFlag(flags, 'premises', 2000);
const OWNERS = intFlag(flags, 'owners', 3500);

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
sampler.unref();
async function step<T>(name: string, n: number, fn: () => Promise<T>, extra: (r: T) => object = () => ({})): Promise<T> {
  global.gc?.();
  peak = process.memoryUsage().rss;
  const t0 = performance.now();
  const r = await fn();
  const seconds = (performance.now() - t0) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(JSON.stringify({ case: `meetings-${name}`, n, seconds: +seconds.toFixed(2), peakRssMb: Math.round(peak / 1048576), premises: PREMISES, owners: OWNERS, ...extra(r) }));
  return r;
}

const bench = await bootProductionBench('meetings');
const { ctx, dataDir } = bench;
try {
  const org = await ctx.db.insertInto('organizations').values({ kind: 'legal', inn: makeValidInnLegal(901), ogrn: makeValidOgrn(901), name: 'ООО «УК бенчмарка»', roles: ['managing'] }).returning('id').executeTakeFirstOrThrow();
  const person = await ctx.db.insertInto('persons').values({ full_name: 'Руководитель УК', email: 'bench@meetings.test', phone: null, snils: null, password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
  await ctx.db.insertInto('memberships').values({ person_id: person.id, organization_id: org.id, role: 'head', access: 'full', valid_until: null }).execute();
  const actor = (await loadActor(ctx.db, { personId: person.id, personName: 'Руководитель УК', sessionId: null, tokenId: null, organizationId: org.id }, org.id))!;
  const tx = <T>(fn: Parameters<ReturnType<typeof ctx.db.transaction>['execute']>[0] & ((...a: any[]) => Promise<T>)) => ctx.db.transaction().execute(fn) as Promise<T>;

  // Premises of 50.00 m²; the first (OWNERS − PREMISES) premises have two owners of 1/2 each.
  const shared = Math.max(0, Math.min(PREMISES, OWNERS - PREMISES));
  const total = (PREMISES * 50).toFixed(2);
  const house = await tx((trx) => createHouse(trx, actor, { address: 'г. Москва, ул. Бенчмарковая, д. 1', cadastralNumber: '77:06:0009001:1', totalArea: total }));
  const m = await tx((trx) => createMeeting(trx, { ctx, actor, input: { houseId: house.id, kind: 'annual', form: 'absentee' } }));
  await tx((trx) =>
    saveNotice(trx, {
      ctx,
      actor,
      id: m.id,
      input: {
        kind: 'annual', form: 'absentee', electronic: false, initiators: 'ООО «УК бенчмарка»', startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 864e6).toISOString(), place: '', ballotsPlace: 'Офис УК', materialsPlace: 'Офис УК',
        items: [
          { title: 'Избрание председателя и секретаря', majority: 'participants' },
          { title: 'Капитальный ремонт кровли', majority: 'two_thirds_all' },
          { title: 'Прямые договоры с ресурсоснабжающими организациями', majority: 'more_than_half_all' },
          { title: 'Размещение рекламной конструкции', majority: 'two_thirds_all' },
        ],
      },
    }),
  );
  await tx((trx) => markStage(trx, { ctx, actor, id: m.id, stage: 'notice', done: true }));

  // The register as the cabinet uploads it: an XLSX, one row per owner.
  const xlsxPath = path.join(dataDir, 'register.xlsx');
  {
    const out = new PassThrough();
    const file = fs.createWriteStream(xlsxPath);
    out.pipe(file);
    const w = createXlsxWriter(out);
    const s = w.addSheet('Реестр', { columns: Array.from({ length: 10 }, () => ({})) });
    await s.addRow(['Номер помещения', 'Вид помещения', 'Площадь помещения, м²', 'Кадастровый номер помещения', 'Собственник', 'Тип собственника', 'ИНН', 'Вид собственности', 'Доля', 'Документ о праве собственности']);
    for (let i = 1; i <= PREMISES; i++) {
      if (i <= shared) {
        await s.addRow([String(i), 'Жилое', '50.00', '', `Собственник ${i}-1`, 'Физическое лицо', '', 'Общая долевая', '1/2', `Выписка ЕГРН № ${i}-1`]);
        await s.addRow([String(i), 'Жилое', '50.00', '', `Собственник ${i}-2`, 'Физическое лицо', '', 'Общая долевая', '1/2', `Выписка ЕГРН № ${i}-2`]);
      } else await s.addRow([String(i), 'Жилое', '50.00', '', `Собственник ${i}`, 'Физическое лицо', '', 'Единоличная', '1', `Выписка ЕГРН № ${i}`]);
    }
    await w.finish();
    await new Promise<void>((r) => file.on('finish', () => r()));
  }
  const buf = fs.readFileSync(xlsxPath);
  const received = { path: xlsxPath, size: buf.length, sha256: crypto.createHash('sha256').update(buf).digest('hex'), head: buf.subarray(0, 8192), truncated: false, fileName: 'register.xlsx' };
  await step('register-import', OWNERS, () => importRegister(ctx, actor, m.id, received), (r) => ({ accepted: r.accepted, refused: r.refused }));
  await tx((trx) => markStage(trx, { ctx, actor, id: m.id, stage: 'register', done: true }));

  const make = async (doc: MeetingDoc, protocol?: { chair: string; secretary: string; counters: string }) => {
    await tx((trx) => orderMeetingDocument(trx, { ctx, actor, id: m.id, doc, protocol }));
    const row = await ctx.db.selectFrom('meetings').select(['ballots_document_id', 'protocol_document_id', 'ballots_bytes', 'protocol_bytes']).where('id', '=', m.id).executeTakeFirstOrThrow();
    await renderMeetingDocument(ctx, { meetingId: m.id, doc, documentId: (doc === 'ballots' ? row.ballots_document_id : row.protocol_document_id)!, replaces: null, personId: actor.personId });
    const after = await ctx.db.selectFrom('meetings').select(['ballots_bytes', 'protocol_bytes']).where('id', '=', m.id).executeTakeFirstOrThrow();
    return { pdfMb: +(Number(doc === 'ballots' ? after.ballots_bytes : after.protocol_bytes) / 1048576).toFixed(1) };
  };
  await step('ballots-pdf', OWNERS, () => make('ballots'), (r) => r);
  await tx((trx) => markStage(trx, { ctx, actor, id: m.id, stage: 'ballots', done: true }));

  // Decisions of three owners in four, imported from the decisions file as the counters fill it: the template
  // (every owner, a column per item) made, then a file of all OWNERS rows (a quarter of them left empty) imported,
  // then the same file again (every decision «Без изменений»).
  await step('votes-template', OWNERS, () => votesTemplate(ctx, actor, m.id), (t) => ({ xlsxMb: +(t.buf.length / 1048576).toFixed(2) }));
  const votesPath = path.join(dataDir, 'votes.xlsx');
  {
    const owners = await sql<{ number: string; name: string; position: number }>`
      select p.number, o.name, o.position from meeting_owners o join meeting_premises p on p.id = o.premise_id
       where o.meeting_id = ${m.id} order by length(p.number), p.number, o.position`.execute(ctx.db);
    const items = await ctx.db.selectFrom('meeting_items').select('position').where('meeting_id', '=', m.id).orderBy('position').execute();
    const out = new PassThrough();
    const file = fs.createWriteStream(votesPath);
    out.pipe(file);
    const w = createXlsxWriter(out);
    const s = w.addSheet('Решения', { columns: Array.from({ length: 2 + items.length }, () => ({})) });
    await s.addRow(['Номер помещения', 'Собственник', ...items.map((i) => `Вопрос ${i.position}`)]);
    const word = (o: number, i: number) => ((o + i) % 7 === 0 ? 'против' : (o + i) % 11 === 0 ? 'Воздержался' : 'За');
    for (const o of owners.rows) await s.addRow([o.number, o.name, ...items.map((i) => (o.position % 4 === 0 ? '' : word(o.position, i.position)))]);
    await w.finish();
    await new Promise<void>((r) => file.on('finish', () => r()));
  }
  const votesBuf = fs.readFileSync(votesPath);
  const votesFile = { path: votesPath, size: votesBuf.length, sha256: crypto.createHash('sha256').update(votesBuf).digest('hex'), head: votesBuf.subarray(0, 8192), truncated: false, fileName: 'votes.xlsx' };
  const summary = (r: Awaited<ReturnType<typeof importVotes>>) => ({ rows: r.rows, recorded: r.recorded, unchanged: r.unchanged, skipped: r.skipped, refused: r.refused, xlsxMb: +(votesBuf.length / 1048576).toFixed(2) });
  await step('votes-import', OWNERS, () => importVotes(ctx, actor, m.id, votesFile), summary);
  await step('votes-reimport', OWNERS, () => importVotes(ctx, actor, m.id, votesFile), summary);
  await step('count', OWNERS, () => countView(ctx.db, m.id), (c) => ({ participants: c.participants, participatingPercent: c.participatingPercent, quorum: c.quorum }));
  await tx((trx) => markStage(trx, { ctx, actor, id: m.id, stage: 'counting', done: true }));
  await step('protocol-pdf', OWNERS, () => make('protocol', { chair: 'Собственник 1-1', secretary: 'Собственник 2-1', counters: '' }), (r) => r);
} finally {
  await bench.close();
}
process.exit(0);
