/**
 * Background jobs on PostgreSQL (graphile-worker). A job is enqueued with
 * `enqueue(trx, ...)` inside the same transaction as the change that causes
 * it, so it exists if and only if the change committed.
 */
import { sql, type Transaction } from 'kysely';
import { run, type Runner, type Task, type TaskList } from 'graphile-worker';
import type { Database } from '../db/schema.js';
import type { Db } from '../db/pool.js';
import type { AppContext } from '../context.js';
import { quietLogger } from '../db/migrate.js';

/** A typed job definition: its name, the payload it takes, and its handler. */
export interface JobDefinition<P> {
  name: string;
  /** Attempts before the job is given up (graphile-worker retries with backoff). */
  maxAttempts?: number;
  /** Validates and narrows an untrusted payload. */
  parse(payload: unknown): P;
  run(ctx: AppContext, payload: P, meta: { attempt: number; maxAttempts: number; jobId: string }): Promise<void>;
}

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

export async function enqueue<P>(
  trx: Transaction<Database> | Db,
  job: JobDefinition<P>,
  payload: P,
  opts: { jobKey?: string; runAt?: Date; queue?: string } = {},
): Promise<void> {
  await sql`select graphile_worker.add_job(
      ${job.name}::text,
      ${JSON.stringify(payload)}::json,
      queue_name => ${opts.queue ?? null}::text,
      run_at => ${opts.runAt ?? null}::timestamptz,
      max_attempts => ${job.maxAttempts ?? 5}::int,
      job_key => ${opts.jobKey ?? null}::text
    )`.execute(trx);
}

export function taskListOf(ctx: AppContext, jobs: readonly JobDefinition<any>[]): TaskList {
  const list: TaskList = {};
  for (const job of jobs) {
    const task: Task = async (payload, helpers) => {
      await job.run(ctx, job.parse(payload), {
        attempt: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
        jobId: String(helpers.job.id),
      });
    };
    list[job.name] = task;
  }
  return list;
}

export async function startWorker(ctx: AppContext, jobs: readonly JobDefinition<any>[]): Promise<Runner> {
  return run({
    pgPool: ctx.pool,
    concurrency: ctx.config.workerConcurrency,
    taskList: taskListOf(ctx, jobs),
    logger: quietLogger,
    pollInterval: 1000,
    noHandleSignals: true,
  });
}
