/**
 * Writes the receiver's points and raw packets in batches: COPY into a temporary table, then one
 * INSERT … ON CONFLICT DO NOTHING into the partitioned telemetry_points (a resent point adds nothing),
 * COPY of the raw packets, and the unknown terminals' summary — one transaction per batch. `add`
 * resolves once its rows are committed, so a packet is answered only when what it carried is stored.
 */
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

export interface PointRow {
  terminal: string;
  at: Date;
  vehicleId: string | null;
  receivedAt: Date;
  latitude: number;
  longitude: number;
  speed: number;
  course: number;
  valid: boolean;
  bodyRaised: boolean | null;
  protocol: 'egts' | 'wialon';
}

export interface RawRow {
  receivedAt: Date;
  protocol: 'egts' | 'wialon';
  terminal: string | null;
  remote: string;
  result: number;
  bytes: Uint8Array;
}

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
const text = (v: string | null) => (v === null ? '\\N' : v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')));
const bool = (v: boolean | null) => (v === null ? '\\N' : v ? 't' : 'f');
const num = (v: number) => (Number.isFinite(v) ? String(v) : '0');

function pointLine(p: PointRow): string {
  return [text(p.terminal), p.at.toISOString(), text(p.vehicleId), p.receivedAt.toISOString(), num(p.latitude), num(p.longitude), num(p.speed), String(Math.round(p.course) | 0), bool(p.valid), bool(p.bodyRaised), p.protocol].join('\t') + '\n';
}
function rawLine(r: RawRow): string {
  return [r.receivedAt.toISOString(), r.protocol, text(r.terminal), text(r.remote), String(r.result), '\\\\x' + Buffer.from(r.bytes).toString('hex')].join('\t') + '\n';
}

export interface WriterStats {
  batches: number;
  points: number;
  inserted: number;
  raw: number;
}

export class TelemetryWriter {
  private points: PointRow[] = [];
  private raws: RawRow[] = [];
  private waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private timer: NodeJS.Timeout | null = null;
  /** Batches being written, each on its own connection (up to `parallel`), so one slow commit does not hold the rest. */
  private running = new Set<Promise<void>>();
  private idle: pg.PoolClient[] = [];
  private closed = false;
  readonly stats: WriterStats = { batches: 0, points: 0, inserted: 0, raw: 0 };

  constructor(
    private readonly pool: pg.Pool,
    private readonly opts: { flushMs: number; maxRows?: number; parallel?: number; onBatch?: (vehicleIds: Set<string>) => void },
  ) {}

  add(points: PointRow[], raws: RawRow[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('telemetry writer closed'));
    this.points.push(...points);
    this.raws.push(...raws);
    const p = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (this.points.length + this.raws.length >= (this.opts.maxRows ?? 5000)) this.kick(0);
    else this.kick(this.opts.flushMs);
    return p;
  }

  private kick(ms: number) {
    if (this.running.size >= (this.opts.parallel ?? 3)) return; // a finishing flush schedules the next one
    if (ms === 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      void this.run();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.run();
      }, ms);
    }
  }

  private async run(): Promise<void> {
    if (this.running.size >= (this.opts.parallel ?? 3) || this.waiters.length === 0) return;
    const points = this.points;
    const raws = this.raws;
    const waiters = this.waiters;
    this.points = [];
    this.raws = [];
    this.waiters = [];
    const job = this.write(points, raws).then(
      () => waiters.forEach((w) => w.resolve()),
      (e) => waiters.forEach((w) => w.reject(e)),
    );
    this.running.add(job);
    await job;
    this.running.delete(job);
    if (this.waiters.length > 0) this.kick(this.points.length + this.raws.length >= (this.opts.maxRows ?? 5000) ? 0 : 1);
  }

  private async write(points: PointRow[], raws: RawRow[]): Promise<void> {
    let client = this.idle.pop();
    if (!client) {
      client = await this.pool.connect();
      await client.query(
        `create temp table if not exists telemetry_batch (like telemetry_points including defaults) on commit delete rows`,
      );
    }
    try {
      await client.query('begin');
      let inserted = 0;
      const vehicles = new Set<string>();
      if (points.length > 0) {
        await pipeline(Readable.from(points.map(pointLine)), client.query(copyFrom('copy telemetry_batch (terminal, at, vehicle_id, received_at, latitude, longitude, speed, course, valid, body_raised, protocol) from stdin')));
        const r = await client.query<{ vehicle_id: string | null; n: string }>(
          `with ins as (
             insert into telemetry_points select distinct on (terminal, at) * from telemetry_batch order by terminal, at
             on conflict do nothing
             returning terminal, at, vehicle_id, latitude, longitude, protocol, received_at
           ), unknown as (
             insert into telemetry_unknown_terminals as u (terminal, protocol, first_seen, last_seen, points, last_remote, last_latitude, last_longitude)
             select terminal, min(protocol), min(received_at), max(received_at), count(*), '',
                    (array_agg(latitude order by at desc))[1], (array_agg(longitude order by at desc))[1]
               from ins where vehicle_id is null group by terminal
             on conflict (terminal) do update set last_seen = greatest(u.last_seen, excluded.last_seen), points = u.points + excluded.points,
               last_latitude = excluded.last_latitude, last_longitude = excluded.last_longitude
           )
           select vehicle_id, count(*)::text as n from ins group by vehicle_id`,
        );
        for (const row of r.rows) {
          inserted += Number(row.n);
          if (row.vehicle_id) vehicles.add(row.vehicle_id);
        }
      }
      if (raws.length > 0) {
        await pipeline(Readable.from(raws.map(rawLine)), client.query(copyFrom('copy telemetry_raw_packets (received_at, protocol, terminal, remote, result, bytes) from stdin')));
        // Terminals no vehicle names that only logged in so far are listed too (their remote address kept).
        await client.query(
          `insert into telemetry_unknown_terminals as u (terminal, protocol, first_seen, last_seen, points, last_remote)
           select t.terminal, t.protocol, t.at, t.at, 0, t.remote
             from unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[]) t(terminal, protocol, at, remote)
            where not exists (select 1 from vehicles v where v.terminal_number = t.terminal)
           on conflict (terminal) do update set last_seen = greatest(u.last_seen, excluded.last_seen), last_remote = excluded.last_remote`,
          lastByTerminal(raws),
        );
      }
      await client.query('commit');
      this.stats.batches++;
      this.stats.points += points.length;
      this.stats.inserted += inserted;
      this.stats.raw += raws.length;
      this.idle.push(client);
      if (vehicles.size > 0) this.opts.onBatch?.(vehicles);
    } catch (e) {
      await client.query('rollback').catch(() => {});
      client.release(true);
      throw e;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running.size > 0 || this.waiters.length > 0) {
      await Promise.allSettled([...this.running]);
      if (this.waiters.length > 0) await this.run().catch(() => {});
    }
    for (const c of this.idle.splice(0)) c.release();
  }
}

function lastByTerminal(raws: RawRow[]): [string[], string[], Date[], string[]] {
  const m = new Map<string, RawRow>();
  for (const r of raws) if (r.terminal !== null) m.set(r.terminal, r);
  const rows = [...m.values()];
  return [rows.map((r) => r.terminal!), rows.map((r) => r.protocol), rows.map((r) => r.receivedAt), rows.map((r) => r.remote)];
}
