/**
 * Stage 4: owners' decisions entered from paper ballots (or electronic ones),
 * and the count (count.ts) over the whole register.
 */
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { invalid, notFound, type FieldError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { assertEditable, assertReached, meetingOf, type MeetingRow } from './guard.js';
import { countVotes, type CountOwner, type CountResult } from './count.js';
import type { Choice } from './tables.js';

/** A ballot's marks as {itemId: choice}; refused (422, naming the mark) when one item is marked twice. */
export function choicesByItem(marks: { itemId: string; choice: Choice }[]): Record<string, Choice> {
  const choices: Record<string, Choice> = {};
  const errors: { field: string; message: string }[] = [];
  marks.forEach((c, i) => {
    if (choices[c.itemId]) errors.push({ field: `choices.${i}.itemId`, message: `Решение ${i + 1}: по этому вопросу решение уже отмечено — отметьте один вариант` });
    choices[c.itemId] = c.choice;
  });
  if (errors.length) throw invalid(errors);
  return choices;
}

/** An owner of the meeting's register as the ballot checks see them. */
export interface BallotOwnerState {
  id: string;
  name: string;
  voted_at: Date | null;
}

/**
 * The checks of one owner's decision, shared by entry by hand (recordBallot)
 * and the import from a file (votes-import.ts): the owner is in this meeting's
 * register; a decision already entered is not entered again unless `replace`;
 * every item is on the agenda; at least one item is marked. The first problem,
 * naming the field, or null.
 */
export function ballotProblem(o: { owner: BallotOwnerState | undefined; choices: Record<string, Choice>; itemIds: ReadonlySet<string>; replace: boolean }): FieldError | null {
  if (!o.owner) return { field: 'ownerId', message: 'Собственник: такого собственника нет в реестре собственников этого собрания — голосовать могут только собственники из реестра' };
  if (o.owner.voted_at && !o.replace) {
    return { field: 'ownerId', message: `Собственник: решение собственника «${o.owner.name}» уже внесено — повторно голосовать нельзя (чтобы исправить ошибку ввода, отмените внесённое решение)` };
  }
  if (Object.keys(o.choices).some((k) => !o.itemIds.has(k))) return { field: 'choices', message: 'Решения: указан вопрос, которого нет в повестке дня собрания' };
  if (Object.keys(o.choices).length === 0) return { field: 'choices', message: 'Решения: отметьте решение хотя бы по одному вопросу повестки дня' };
  return null;
}

/** A meeting whose votes may be entered now: the ballots stage done, counting not yet (else 409). */
export function assertCounting(m: MeetingRow): void {
  assertReached(m, 'counting');
  assertEditable(m, 'counting');
}

/** Writes checked decisions (each replacing the owner's earlier one), in batches; marks the owners as voted. */
export async function storeBallots(trx: Transaction<Database>, meetingId: string, ballots: { ownerId: string; choices: Record<string, Choice> }[], at: Date): Promise<void> {
  for (let i = 0; i < ballots.length; i += 1000) {
    const part = ballots.slice(i, i + 1000);
    const ids = part.map((b) => b.ownerId);
    await trx.deleteFrom('meeting_votes').where('owner_id', 'in', ids).execute();
    const rows = part.flatMap((b) => Object.entries(b.choices).map(([itemId, choice]) => ({ owner_id: b.ownerId, item_id: itemId, meeting_id: meetingId, choice })));
    for (let k = 0; k < rows.length; k += 5000) await trx.insertInto('meeting_votes').values(rows.slice(k, k + 5000)).execute();
    await trx.updateTable('meeting_owners').set({ voted_at: at }).where('id', 'in', ids).where('meeting_id', '=', meetingId).execute();
  }
}

/**
 * Records one owner's decision: a choice per agenda item (an item left out is
 * void on the owner's ballot). A second decision of the same owner is refused
 * (a double vote) unless `replace` says the first was entered wrongly; an id
 * that is not an owner in this meeting's register is refused naming the field.
 */
export async function recordBallot(
  trx: Transaction<Database>,
  o: { ctx: AppContext; actor: Actor; id: string; ownerId: string; choices: Record<string, Choice>; replace?: boolean },
): Promise<void> {
  const m = await meetingOf(trx, o.actor, o.id, true);
  assertCounting(m);
  const owner = await trx.selectFrom('meeting_owners').select(['id', 'name', 'voted_at']).where('id', '=', o.ownerId).where('meeting_id', '=', m.id).forUpdate().executeTakeFirst();
  const items = await trx.selectFrom('meeting_items').select('id').where('meeting_id', '=', m.id).execute();
  const problem = ballotProblem({ owner, choices: o.choices, itemIds: new Set(items.map((i) => i.id)), replace: !!o.replace });
  if (problem) throw invalid(problem);
  await storeBallots(trx, m.id, [{ ownerId: owner!.id, choices: o.choices }], o.ctx.now());
  await audit(trx, { action: o.replace && owner!.voted_at ? 'meetings.ballot.replace' : 'meetings.ballot', personId: o.actor.personId, organizationId: o.actor.organizationId, subjectType: 'meeting', subjectId: m.id });
}

/** Withdraws an owner's decision entered by mistake. */
export async function withdrawBallot(trx: Transaction<Database>, o: { ctx: AppContext; actor: Actor; id: string; ownerId: string }): Promise<void> {
  const m = await meetingOf(trx, o.actor, o.id, true);
  assertCounting(m);
  const owner = await trx.selectFrom('meeting_owners').select('id').where('id', '=', o.ownerId).where('meeting_id', '=', m.id).executeTakeFirst();
  if (!owner) throw notFound('Собственник не найден в реестре собрания');
  await trx.deleteFrom('meeting_votes').where('owner_id', '=', owner.id).execute();
  await trx.updateTable('meeting_owners').set({ voted_at: null }).where('id', '=', owner.id).execute();
  await audit(trx, { action: 'meetings.ballot.withdraw', personId: o.actor.personId, organizationId: o.actor.organizationId, subjectType: 'meeting', subjectId: m.id });
}

/** The count over the register: owners with their choices in one query (a few thousand rows at most per house). */
export async function countMeeting(db: Db, meetingId: string): Promise<CountResult> {
  const house = await db.selectFrom('meetings as m').innerJoin('houses as h', 'h.id', 'm.house_id').select(sql<string>`h.total_area::text`.as('area')).where('m.id', '=', meetingId).executeTakeFirstOrThrow();
  const items = await db.selectFrom('meeting_items').select(['id', 'majority']).where('meeting_id', '=', meetingId).orderBy('position').execute();
  const owners: CountOwner[] = [];
  const q = sql<{ id: string; area: string; share_num: number; share_den: number; voted: boolean; choices: Record<string, Choice> | null }>`
    select o.id, p.area::text as area, o.share_num, o.share_den, o.voted_at is not null as voted,
           (select jsonb_object_agg(v.item_id, v.choice) from meeting_votes v where v.owner_id = o.id) as choices
      from meeting_owners o join meeting_premises p on p.id = o.premise_id
     where o.meeting_id = ${meetingId}`;
  for (const r of (await q.execute(db)).rows) {
    owners.push({ id: r.id, area: r.area, shareNum: r.share_num, shareDen: r.share_den, voted: r.voted, choices: new Map(Object.entries(r.choices ?? {})) });
  }
  return countVotes(house.area, owners, items);
}

/** The count with each item's position and title (the counting page, live). */
export async function countView(db: Db, meetingId: string) {
  const [count, items] = await Promise.all([countMeeting(db, meetingId), db.selectFrom('meeting_items').select(['id', 'position', 'title']).where('meeting_id', '=', meetingId).orderBy('position').execute()]);
  return { ...count, items: count.items.map((r, i) => ({ ...r, position: items[i]!.position, title: items[i]!.title })) };
}

/** Owners with their premises, share, votes and decision, a page at a time (the counting table). */
export async function listBallots(db: Db, meetingId: string, page: number, pageSize: number, q: string | undefined) {
  let base = db
    .selectFrom('meeting_owners as o')
    .innerJoin('meeting_premises as p', 'p.id', 'o.premise_id')
    .where('o.meeting_id', '=', meetingId);
  if (q?.trim()) base = base.where((eb) => eb.or([eb('o.name', 'ilike', `%${q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`), eb('p.number', '=', q.trim())]));
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await base
    .select(['o.id', 'o.name', 'o.owner_kind', 'o.ownership', 'o.share_num', 'o.share_den', 'o.voted_at', 'p.number', sql<string>`p.area::text`.as('area'),
      sql<Record<string, Choice> | null>`(select jsonb_object_agg(v.item_id, v.choice) from meeting_votes v where v.owner_id = o.id)`.as('choices')])
    .orderBy('o.position')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total, rows };
}
