/**
 * The permit applications' part of `npm run bench -- registers`: 100,000
 * applications of 101 producers (2,000 of them the demo producer's, for
 * «Мои заявки») in every status over two years, each with a waste line, and
 * 200,000 messages; then the pages to measure under 20 concurrent clients:
 * the operator's queue (unfiltered, filtered by status and district, the
 * overdue ones, the specialist's own, a page deep in the keyset) and
 * «Мои заявки». The registers benchmark (bench/registers.ts)
 * calls `registersBenchSeed` after its own data and measures these pages the
 * same way as its own.
 */
import { sql } from 'kysely';
import type { AppContext } from '../src/platform/context.js';
import { makeValidInnLegal } from '../src/domain/identifiers.js';
import { moscowDate } from '../src/domain/period.js';
import { reviewTermEnd, shiftDate } from '../src/domain/working-days.js';
import { DISTRICT_CODES } from '../src/features/applications/reasons.js';
import { encodeCursor } from '../src/features/applications/queries.js';

export interface BenchScenario {
  name: string;
  login: string;
  path: string;
}

const STATUS_SHARES: Array<[string, number]> = [
  ['draft', 0.08],
  ['submitted', 0.2],
  ['needs_info', 0.1],
  ['approved', 0.42],
  ['rejected', 0.15],
  ['withdrawn', 0.05],
];

/** Mulberry32, for repeatable data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedApplications(ctx: AppContext, o: { applications?: number; messages?: number; demoShare?: number } = {}): Promise<{ applications: number; messages: number }> {
  const total = o.applications ?? 100_000;
  const messages = o.messages ?? 2 * total;
  const rand = prng(909);
  const demo = await ctx.db.selectFrom('organizations').select('id').where('email', '=', 'info@producer.ossig.test').executeTakeFirstOrThrow();
  const demoHead = await ctx.db.selectFrom('persons').select('id').where('email', '=', 'producer@ossig.test').executeTakeFirstOrThrow();
  const operator = await ctx.db.selectFrom('persons').select('id').where('email', '=', 'operator@ossig.test').executeTakeFirstOrThrow();
  // 100 more producers, each with a head and 20 sites (the registers' benchmark may have made producers already; these are ours).
  const orgs = await ctx.db
    .insertInto('organizations')
    .values(
      Array.from({ length: 100 }, (_, i) => ({
        kind: 'legal' as const,
        inn: makeValidInnLegal(640_000 + i),
        name: `ООО «Заявитель ${String(i + 1).padStart(3, '0')}»`,
        address: 'г. Москва',
        roles: ['producer' as const],
      })),
    )
    .returning('id')
    .execute();
  const heads = await ctx.db
    .insertInto('persons')
    .values(orgs.map((_, i) => ({ full_name: `Руководитель ${i + 1}`, email: `bench-head-${i + 1}@bench.test`, phone: null, snils: null, password_hash: null })))
    .returning('id')
    .execute();
  await ctx.db.insertInto('memberships').values(orgs.map((org, i) => ({ person_id: heads[i].id, organization_id: org.id, role: 'head' as const, access: 'full' as const, valid_until: null }))).execute();
  await sql`insert into sites (producer_id, name, address, cadastral_numbers)
    select o, 'Площадка ' || g || ' заявителя', 'г. Москва, ул. Нагрузочная, вл. ' || g, array['77:02:0001001:' || g]
      from unnest(${orgs.map((x) => x.id)}::uuid[]) as u(o), generate_series(1, 20) as g`.execute(ctx.db);
  const sites = await sql<{ id: string; producer_id: string }>`select id, producer_id from sites`.execute(ctx.db);
  const sitesOf = new Map<string, string[]>();
  for (const s of sites.rows) sitesOf.set(s.producer_id, [...(sitesOf.get(s.producer_id) ?? []), s.id]);
  const applicants = [{ org: demo.id, head: demoHead.id }, ...orgs.map((x, i) => ({ org: x.id, head: heads[i].id }))];
  const demoCount = Math.round(total * (o.demoShare ?? 0.02));

  const now = ctx.now();
  const today = moscowDate(now);
  const start = now.getTime() - 730 * 86_400_000;
  const cumulative: number[] = [];
  STATUS_SHARES.reduce((acc, [, s]) => (cumulative.push(acc + s), acc + s), 0);
  const year = Number(today.slice(0, 4));
  const seq = await sql<{ n: string }>`select nextval('permit_application_number_seq')::text as n`.execute(ctx.db);
  let number = Number(seq.rows[0].n);
  const chunk = 10_000;
  for (let from = 0; from < total; from += chunk) {
    const rows = [];
    for (let i = from; i < Math.min(total, from + chunk); i++) {
      const who = i < demoCount ? applicants[0] : applicants[1 + (i % (applicants.length - 1))];
      const r = rand();
      const status = STATUS_SHARES[cumulative.findIndex((c) => r < c)]?.[0] ?? 'approved';
      const created = new Date(start + (i / total) * (now.getTime() - start - 86_400_000) + rand() * 3_600_000);
      const submitted = status === 'draft' ? null : new Date(created.getTime() + 3_600_000 * (1 + rand() * 48));
      const day = submitted ? moscowDate(submitted) : null;
      const siteList = sitesOf.get(who.org) ?? [];
      rows.push({
        number: `ЗР-${year}-Б${String(number++).padStart(7, '0')}`,
        org: who.org,
        site: siteList[Math.floor(rand() * siteList.length)] ?? null,
        status,
        created: created.toISOString(),
        submitted: submitted?.toISOString() ?? null,
        due: day && day.slice(0, 4) >= '2024' ? reviewTermEnd(day, 7) : null,
        district: DISTRICT_CODES[Math.floor(rand() * DISTRICT_CODES.length)],
        assigned: submitted && rand() < 0.35 ? operator.id : null,
        by: who.head,
        worksTo: shiftDate(day ?? today, 120 + Math.floor(rand() * 300)),
      });
    }
    await sql`insert into permit_applications (number, organization_id, site_id, status, created_at, updated_at, first_submitted_at, submitted_at, submitted_by,
                                               review_days, review_due_on, district, assigned_to, created_by, works_from, works_to, round,
                                               decided_at, decision_reason, info_request, info_due_on)
      select u.number, u.org, u.site, u.status, u.created, coalesce(u.submitted, u.created), u.submitted, u.submitted, case when u.submitted is not null then u.by end,
             case when u.submitted is not null then 7 end, u.due, u.district, u.assigned, u.by, u.created::date, u.works_to,
             case when u.submitted is null then 0 else 1 end,
             case when u.status in ('approved', 'rejected') then u.submitted + interval '5 days' end,
             case when u.status = 'rejected' then 'incomplete_documents' end,
             case when u.status = 'needs_info' then 'Приложите ордер ОАТИ' end,
             case when u.status = 'needs_info' then u.due end
        from unnest(${rows.map((x) => x.number)}::text[], ${rows.map((x) => x.org)}::uuid[], ${rows.map((x) => x.site)}::uuid[], ${rows.map((x) => x.status)}::text[],
                    ${rows.map((x) => x.created)}::timestamptz[], ${rows.map((x) => x.submitted)}::timestamptz[], ${rows.map((x) => x.due)}::date[],
                    ${rows.map((x) => x.district)}::text[], ${rows.map((x) => x.assigned)}::uuid[], ${rows.map((x) => x.by)}::uuid[], ${rows.map((x) => x.worksTo)}::date[])
          as u(number, org, site, status, created, submitted, due, district, assigned, by, works_to)`.execute(ctx.db);
  }
  await sql`insert into permit_application_lines (application_id, position, waste_code, volume)
    select a.id, 1, '81110001495', 1000 from permit_applications a where a.number like ${`ЗР-${year}-Б%`}`.execute(ctx.db);
  // Messages on submitted applications, alternating sides, spread so that every submitted one has about two.
  await sql`insert into permit_application_messages (application_id, author_id, side, body, created_at)
    select a.id, case when g % 2 = 1 then a.created_by else ${operator.id}::uuid end, case when g % 2 = 1 then 'applicant' else 'operator' end,
           'Сообщение ' || g || ' по заявлению ' || a.number, a.submitted_at + make_interval(hours => g)
      from (select a.*, row_number() over (order by a.id) as k, count(*) over () as c from permit_applications a
             where a.first_submitted_at is not null and a.number like ${`ЗР-${year}-Б%`}) a,
           generate_series(1, ${Math.ceil(messages / Math.max(1, Math.round(total * 0.92)))}::int) as g
     limit ${messages}`.execute(ctx.db);
  // The operator has read most threads.
  await sql`insert into permit_application_reads (application_id, person_id, last_read_id)
    select m.application_id, ${operator.id}::uuid, max(m.id) from permit_application_messages m group by m.application_id having m.application_id::text < '8'
    on conflict do nothing`.execute(ctx.db);
  await sql`vacuum analyze permit_applications, permit_application_messages, permit_application_reads, permit_application_lines`.execute(ctx.db);
  const n = await sql<{ a: number; m: number }>`select (select count(*)::int from permit_applications) as a, (select count(*)::int from permit_application_messages) as m`.execute(ctx.db);
  return { applications: n.rows[0].a, messages: n.rows[0].m };
}

/** The hook the registers benchmark calls: seeds, then names the pages to measure. */
export async function registersBenchSeed(env: { ctx: AppContext; applications?: number }): Promise<BenchScenario[]> {
  const { ctx } = env;
  const total = env.applications ?? 100_000;
  await seedApplications(ctx, { applications: total });
  // A page deep in the queue: the cursor of the submitted application half-way (the 50,000th of 100,000).
  const mid = await sql<{ submitted_at: Date; id: string }>`select submitted_at, id from permit_applications where first_submitted_at is not null
      order by submitted_at, id offset ${Math.floor(total / 2)} limit 1`.execute(ctx.db);
  const deep = mid.rows[0] ? encodeCursor(mid.rows[0].submitted_at, mid.rows[0].id) : '';
  return [
    { name: "applications: the operator's queue, first page", login: 'operator@ossig.test', path: '/api/operator/applications?limit=50' },
    { name: "applications: the operator's queue, status and district", login: 'operator@ossig.test', path: `/api/operator/applications?limit=50&status=submitted&district=${encodeURIComponent('ЮАО')}` },
    { name: "applications: the operator's queue, overdue", login: 'operator@ossig.test', path: '/api/operator/applications?limit=50&age=overdue' },
    { name: "applications: the operator's queue, assigned to me, under review", login: 'operator@ossig.test', path: '/api/operator/applications?limit=50&assignee=me&status=submitted' },
    { name: "applications: the operator's queue, by applicant's ИНН", login: 'operator@ossig.test', path: `/api/operator/applications?limit=50&applicantInn=${makeValidInnLegal(640_007)}` },
    { name: `applications: the operator's queue, a page ${Math.floor(total / 2)} deep (keyset)`, login: 'operator@ossig.test', path: `/api/operator/applications?limit=50&cursor=${deep}` },
    { name: 'applications: «Мои заявки» (2,000 of the producer)', login: 'producer@ossig.test', path: '/api/applications?limit=50' },
    { name: 'applications: «Мои заявки», needing more', login: 'producer@ossig.test', path: '/api/applications?limit=50&status=needs_info' },
  ];
}
