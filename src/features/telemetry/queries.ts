/** What the operator reads of the telemetry. */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { cappedCountQuery, cappedTotal, decodeKey, keysetPage, timeOfMicros, type ListTotal } from '../../platform/db/keyset.js';

export interface UnknownTerminal {
  terminal: string;
  protocol: string;
  firstSeen: string;
  lastSeen: string;
  points: number;
  lastLatitude: number | null;
  lastLongitude: number | null;
}

/**
 * Terminals that sent data while no vehicle named them (still none does), the latest first, by keyset
 * on (last_seen desc, terminal desc) through telemetry_unknown_terminals_seen_idx; the total counted
 * up to 1001.
 */
export function unknownTerminalQueries(o: { after?: string; pageSize: number }) {
  const key = decodeKey(o.after, ['micros', 'text']);
  const known = sql`not exists (select 1 from vehicles v where v.terminal_number = u.terminal)`;
  const items = sql<{ terminal: string; protocol: string; first_seen: Date; last_seen: Date; points: number; last_latitude: number | null; last_longitude: number | null; sort_micros: string }>`
    select u.terminal, u.protocol, u.first_seen, u.last_seen, u.points::int as points, u.last_latitude, u.last_longitude,
           (extract(epoch from u.last_seen) * 1000000)::int8::text as sort_micros
      from telemetry_unknown_terminals u
     where ${known} ${key ? sql`and (u.last_seen, u.terminal) < (${timeOfMicros(key[0])}, ${key[1]})` : sql``}
     order by u.last_seen desc, u.terminal desc
     limit ${o.pageSize + 1}`;
  const count = cappedCountQuery(sql`select 1 from telemetry_unknown_terminals u where ${known}`);
  return { items, count };
}

export async function listUnknownTerminals(ctx: AppContext, o: { after?: string; pageSize: number }): Promise<{ items: UnknownTerminal[]; nextCursor: string | null; total: ListTotal }> {
  const q = unknownTerminalQueries(o);
  const [rows, count] = await Promise.all([q.items.execute(ctx.db), q.count.execute(ctx.db)]);
  const page = keysetPage(rows.rows, o.pageSize, (r) => [r.sort_micros, r.terminal]);
  return {
    nextCursor: page.nextCursor,
    total: cappedTotal(count.rows[0].n),
    items: page.items.map((x) => ({
      terminal: x.terminal,
      protocol: x.protocol,
      firstSeen: new Date(x.first_seen).toISOString(),
      lastSeen: new Date(x.last_seen).toISOString(),
      points: x.points,
      lastLatitude: x.last_latitude,
      lastLongitude: x.last_longitude,
    })),
  };
}
