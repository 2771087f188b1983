/** Telemetry upkeep: monthly partitions made ahead, raw packets older than TELEMETRY_RAW_DAYS removed. */
import { defineJob, defineSchedule } from '../../platform/jobs/index.js';
import type { AppContext } from '../../platform/context.js';

export async function maintainTelemetry(ctx: AppContext): Promise<{ rawRemoved: number }> {
  const now = ctx.now();
  await ctx.pool.query('select telemetry_ensure_partitions($1, 3)', [now]);
  const cutoff = new Date(now.getTime() - ctx.config.telemetry.rawRetentionDays * 86_400_000);
  // Whole months before the cutoff go with their partition; the rest row by row.
  const parts = await ctx.pool.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'telemetry_raw_packets'::regclass and c.relname ~ '^telemetry_raw_packets_[0-9]{6}$'`,
  );
  for (const { name } of parts.rows) {
    const ym = name.slice(-6);
    const end = new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(4)), 1));
    if (end <= cutoff) await ctx.pool.query(`drop table ${name}`);
  }
  const r = await ctx.pool.query('delete from telemetry_raw_packets where received_at < $1', [cutoff]);
  return { rawRemoved: r.rowCount ?? 0 };
}

export const telemetryMaintainJob = defineJob<Record<string, never>>({
  name: 'telemetry.maintain',
  maxAttempts: 3,
  parse: () => ({}),
  async run(ctx) {
    await maintainTelemetry(ctx);
  },
});

export const telemetryMaintainSchedule = defineSchedule({ name: 'telemetry.maintain', everyMinutes: 360, job: telemetryMaintainJob, payload: {} });
