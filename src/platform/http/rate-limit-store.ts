/**
 * The store of @fastify/rate-limit in PostgreSQL (table rate_limit_hits, migration 0101): every web
 * process on the database counts the same hits, so a limit holds however many processes serve.
 * A fixed window per key (route + address), timed by the database's clock.
 */
import type pg from 'pg';

interface Options {
  routeInfo?: { method?: string | string[]; url?: string };
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** A store class bound to `pool` (the plugin constructs it with its options). */
export function pgRateLimitStore(pool: pg.Pool) {
  return class PgRateLimitStore {
    private readonly route: string;
    constructor(options: Options = {}) {
      const r = options.routeInfo;
      this.route = r?.url ? `${Array.isArray(r.method) ? r.method.join(',') : (r.method ?? '')} ${r.url}` : '*';
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const full = `${this.route}|${key}`;
      pool
        .query<{ hits: number; ttl: number }>(
          `insert into rate_limit_hits as r (key, started_at, hits) values ($1, now(), 1)
           on conflict (key) do update
              set hits = case when r.started_at + $2 * interval '1 millisecond' <= now() then 1 else r.hits + 1 end,
                  started_at = case when r.started_at + $2 * interval '1 millisecond' <= now() then now() else r.started_at end
           returning hits, greatest(0, ceil(extract(epoch from (started_at + $2 * interval '1 millisecond' - now())) * 1000))::int as ttl`,
          [full, timeWindow],
        )
        .then((res) => {
          cb(null, { current: res.rows[0].hits, ttl: res.rows[0].ttl });
          // Now and then, windows long over are swept away.
          if (Math.random() < 0.01) void pool.query(`delete from rate_limit_hits where started_at < now() - interval '1 day'`).catch(() => {});
        }, (e: Error) => cb(e));
    }

    child(routeOptions: Options) {
      return new PgRateLimitStore(routeOptions);
    }
  };
}
