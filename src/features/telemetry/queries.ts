/** What the operator reads of the telemetry. */
import type { AppContext } from '../../platform/context.js';

export interface UnknownTerminal {
  terminal: string;
  protocol: string;
  firstSeen: string;
  lastSeen: string;
  points: number;
  lastLatitude: number | null;
  lastLongitude: number | null;
}

/** Terminals that sent data while no vehicle named them (still none does), the latest first. */
export async function listUnknownTerminals(ctx: AppContext, o: { limit: number; offset: number }): Promise<{ items: UnknownTerminal[]; total: number }> {
  const r = await ctx.pool.query(
    `select u.terminal, u.protocol, u.first_seen, u.last_seen, u.points::int as points, u.last_latitude, u.last_longitude, count(*) over ()::int as total
       from telemetry_unknown_terminals u
      where not exists (select 1 from vehicles v where v.terminal_number = u.terminal)
      order by u.last_seen desc, u.terminal
      limit $1 offset $2`,
    [o.limit, o.offset],
  );
  return {
    total: r.rows[0]?.total ?? 0,
    items: r.rows.map((x) => ({
      terminal: x.terminal,
      protocol: x.protocol,
      firstSeen: x.first_seen.toISOString(),
      lastSeen: x.last_seen.toISOString(),
      points: x.points,
      lastLatitude: x.last_latitude,
      lastLongitude: x.last_longitude,
    })),
  };
}
