/**
 * The upload gate: how many uploads (trips and receipts) are being received at
 * once, and the thresholds beyond which new ones are turned away with 503 and
 * Retry-After. Slots are taken with `tryAcquire()`, which gives a release
 * function (calling it twice releases once). The slots are rows in PostgreSQL
 * (upload_gate_slots, migration 0101), so every web process on the database
 * shares one gate; `LocalGate` keeps a count in one process (for tools).
 */
import type pg from 'pg';
import { inPgTransaction } from '../../platform/db/pool.js';

export type Release = () => Promise<void>;

export interface Gate {
  /** A release function when a slot is free, else null. */
  tryAcquire(): Promise<Release | null>;
  /** Slots taken now. */
  inFlight(): Promise<number>;
}

/** A gate of `max()` slots in this process. */
export class LocalGate implements Gate {
  private taken = 0;

  constructor(private readonly max: () => number) {}

  async inFlight(): Promise<number> {
    return this.taken;
  }

  async tryAcquire(): Promise<Release | null> {
    if (this.taken >= this.max()) return null;
    this.taken++;
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.taken--;
    };
  }
}

/**
 * A slot's lease: the holder renews it every `heartbeatSeconds` while its upload runs, so a long
 * upload keeps its slot however long it takes, and the slot of a process that died (SIGKILL, a lost
 * machine) lapses `leaseSeconds` after its last heartbeat.
 */
export interface SlotLease {
  leaseSeconds: number;
  heartbeatSeconds: number;
}
const DEFAULT_LEASE: SlotLease = { leaseSeconds: 30, heartbeatSeconds: 10 };

/** An arbitrary advisory-lock key serializing the count-and-take of a slot. */
const GATE_LOCK = 727013;

/** A gate of `max()` slots shared through the database of `pool`. */
export class PgGate implements Gate {
  constructor(
    private readonly pool: pg.Pool,
    private readonly max: () => number,
    private readonly lease: () => SlotLease = () => DEFAULT_LEASE,
  ) {}

  async inFlight(): Promise<number> {
    const r = await this.pool.query<{ n: number }>('select count(*)::int as n from upload_gate_slots where expires_at > now()');
    return r.rows[0].n;
  }

  async tryAcquire(): Promise<Release | null> {
    const id = await inPgTransaction(this.pool, 'begin', async (client) => {
      await client.query('select pg_advisory_xact_lock($1)', [GATE_LOCK]);
      await client.query('delete from upload_gate_slots where expires_at <= now()');
      const taken = await client.query<{ n: number }>('select count(*)::int as n from upload_gate_slots');
      if (taken.rows[0].n >= this.max()) return null;
      const r = await client.query<{ id: string }>(`insert into upload_gate_slots (expires_at) values (now() + make_interval(secs => $1)) returning id`, [this.lease().leaseSeconds]);
      return r.rows[0].id;
    });
    if (id === null) return null;
    // The heartbeat: while the upload runs, its slot's lease is renewed; if it lapsed meanwhile (the
    // database was away longer than a lease), the slot is taken again under the same id.
    const { leaseSeconds, heartbeatSeconds } = this.lease();
    let beating = false;
    const beat = setInterval(() => {
      if (beating) return;
      beating = true;
      this.pool
        .query(
          `insert into upload_gate_slots (id, expires_at) values ($1, now() + make_interval(secs => $2))
           on conflict (id) do update set expires_at = excluded.expires_at`,
          [id, leaseSeconds],
        )
        .catch(() => {
          /* the next beat tries again; the lease covers several */
        })
        .finally(() => {
          beating = false;
        });
    }, heartbeatSeconds * 1000);
    beat.unref();
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      clearInterval(beat);
      await this.pool.query('delete from upload_gate_slots where id = $1', [id]);
    };
  }
}

/** The shared gate, one `PgGate` per database pool this process serves; `inFlight()` counts them all. */
export class SharedGate implements Gate {
  private readonly gates = new Map<pg.Pool, PgGate>();
  constructor(
    private readonly max: () => number,
    private readonly lease: () => SlotLease = () => DEFAULT_LEASE,
  ) {}

  forPool(pool: pg.Pool): PgGate {
    let g = this.gates.get(pool);
    if (!g) {
      g = new PgGate(pool, this.max, this.lease);
      this.gates.set(pool, g);
    }
    return g;
  }

  async inFlight(): Promise<number> {
    let n = 0;
    for (const [pool, g] of this.gates) {
      if ((pool as unknown as { ending?: boolean }).ending) {
        this.gates.delete(pool);
        continue;
      }
      n += await g.inFlight();
    }
    return n;
  }

  async tryAcquire(): Promise<Release | null> {
    throw new Error('the shared upload gate needs a database: use forPool(ctx.pool)');
  }
}

export interface UploadGate {
  /** Uploads being received (streamed to disk and registered) at once. */
  maxInFlight: number;
  /** Requests already waiting for a database connection beyond which new uploads are turned away. */
  maxPoolWaiting: number;
  /** Free disk space kept in reserve. */
  minFreeBytes: number;
  retryAfterSeconds: number;
  /** A slot's lease and its renewal while the upload runs. */
  slotLease: SlotLease;
  /** The slots, shared through PostgreSQL by every process on the database. */
  slots: SharedGate;
}

/** Limits of the upload gate; tests and the load test may change them. */
export const uploadGate: UploadGate = {
  maxInFlight: 16,
  maxPoolWaiting: 100,
  minFreeBytes: 512 * 1024 * 1024,
  retryAfterSeconds: 10,
  slotLease: { ...DEFAULT_LEASE },
  slots: new SharedGate(
    () => uploadGate.maxInFlight,
    () => uploadGate.slotLease,
  ),
};
