/** Reading statements: one, a site's list, a file; all scoped to the actor. */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { siteVisible } from '../visibility.js';
import { statementStore } from './files.js';
import { FILE_KINDS, statementVisibleTo } from './queries.js';
import type { StatementFileKind } from './tables.js';
import { COUNT_CAP, cappedTotal, decodeKey, keysetPage, microsOf, timeOfMicros } from '../../platform/db/keyset.js';

export const FILE_TYPES: Record<StatementFileKind, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'pdf.sig': 'application/pkcs7-signature',
  'xlsx.sig': 'application/pkcs7-signature',
};

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function baseQuery(ctx: AppContext, actor: Actor) {
  return ctx.db
    .selectFrom('statements as st')
    .innerJoin('sites as s', 's.id', 'st.site_id')
    .innerJoin('persons as pe', 'pe.id', 'st.ordered_by')
    .where(statementVisibleTo(actor))
    .where(siteVisible(actor, 's'))
    .select([
      'st.id',
      'st.number',
      'st.site_id',
      's.name as site_name',
      'st.period_from',
      'st.period_to',
      'st.permit_ids',
      sql<{ id: string; number: string }[]>`(select coalesce(json_agg(json_build_object('id', p.id, 'number', p.number) order by p.number), '[]') from permits p where p.id = any(st.permit_ids))`.as(
        'permits',
      ),
      'st.status',
      'st.progress',
      'st.error',
      'st.attempts',
      'st.ordered_at',
      'pe.full_name as ordered_by_name',
      'st.formation_cutoff',
      'st.ready_at',
      'st.trip_count',
      sql<{ kind: StatementFileKind; bytes: number }[]>`(select coalesce(json_agg(json_build_object('kind', f.kind, 'bytes', f.bytes)), '[]') from statement_files f where f.statement_id = st.id)`.as(
        'files',
      ),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/** Russian file name of a statement file. */
export function fileName(number: string, kind: StatementFileKind): string {
  return `Сведения о перемещении ОСС ${number}.${kind}`;
}

function present(r: Row) {
  const ready = r.status === 'ready';
  const files = ready
    ? FILE_KINDS.filter((k) => r.files.some((f) => f.kind === k)).map((kind) => ({
        kind,
        url: `/api/statements/${r.id}/files/${kind}`,
        fileName: fileName(r.number, kind),
        bytes: Number(r.files.find((f) => f.kind === kind)!.bytes),
      }))
    : null;
  return {
    id: r.id,
    number: r.number,
    siteId: r.site_id,
    siteName: r.site_name,
    from: r.period_from,
    to: r.period_to,
    permits: r.permits,
    status: r.status,
    progress: ready ? 1 : Number(r.progress),
    error: r.status === 'failed' ? r.error : null,
    attempts: r.attempts,
    orderedAt: iso(r.ordered_at)!,
    orderedBy: r.ordered_by_name,
    formationCutoff: iso(r.formation_cutoff)!,
    readyAt: iso(r.ready_at),
    tripCount: r.trip_count,
    files,
  };
}

export type StatementView = ReturnType<typeof present>;

export async function getStatement(ctx: AppContext, actor: Actor, id: string): Promise<StatementView> {
  const r = await baseQuery(ctx, actor).where('st.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('Сведения не найдены');
  return present(r);
}

/**
 * A site's statements, newest first, by keyset on (ordered_at desc, id desc) through
 * statements_site_ordered_idx (site_id, ordered_at, id); the total counted up to 1001.
 */
export function siteStatementQueries(ctx: AppContext, actor: Actor, siteId: string, o: { after?: string; pageSize: number }) {
  const key = decodeKey(o.after, ['micros', 'uuid']);
  let items = baseQuery(ctx, actor)
    .where('st.site_id', '=', siteId)
    .select(microsOf('st.ordered_at').as('sort_micros'))
    .orderBy('st.ordered_at', 'desc')
    .orderBy('st.id', 'desc')
    .limit(o.pageSize + 1);
  if (key) items = items.where(sql<boolean>`(st.ordered_at, st.id) < (${timeOfMicros(key[0])}, ${key[1]}::uuid)`);
  const count = ctx.db
    .selectFrom((eb) => eb.selectFrom('statements as st').select('st.id').where('st.site_id', '=', siteId).where(statementVisibleTo(actor)).limit(COUNT_CAP + 1).as('capped'))
    .select(sql<number>`count(*)::int`.as('n'));
  return { items, count };
}

export async function listSiteStatements(ctx: AppContext, actor: Actor, siteId: string, o: { after?: string; pageSize: number }) {
  const site = await ctx.db.selectFrom('sites as s').select('s.id').where('s.id', '=', siteId).where(siteVisible(actor, 's')).executeTakeFirst();
  if (!site) throw notFound('Объект образования ОСС не найден');
  const { items, count } = siteStatementQueries(ctx, actor, siteId, o);
  const [rows, total] = await Promise.all([items.execute(), count.executeTakeFirstOrThrow()]);
  const page = keysetPage(rows, o.pageSize, (r) => [r.sort_micros, r.id]);
  return { items: page.items.map(present), nextCursor: page.nextCursor, total: cappedTotal(total.n) };
}

export async function openStatementFile(ctx: AppContext, actor: Actor, id: string, kind: StatementFileKind) {
  const st = await getStatement(ctx, actor, id);
  if (st.status !== 'ready') {
    throw new AppError('conflict', st.status === 'failed' ? 'Сведения не сформированы: файлов нет' : 'Сведения ещё формируются; файлы появятся, когда формирование закончится');
  }
  const f = await ctx.db.selectFrom('statement_files').selectAll().where('statement_id', '=', id).where('kind', '=', kind).executeTakeFirst();
  if (!f) throw notFound('Файл не найден');
  return { key: f.path, bytes: Number(f.bytes), type: FILE_TYPES[kind], name: fileName(st.number, kind), asciiName: `statement-${st.number.replace(/^СП/, 'SP')}.${kind}` };
}

/** RFC 6266 / RFC 5987 Content-Disposition with a Russian file name. */
export function contentDisposition(name: string, asciiName: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
