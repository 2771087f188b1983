-- Background jobs on PostgreSQL, our own queue (replaces graphile-worker).
--
-- A job is enqueued in the same transaction as its cause. A worker claims a
-- ready job with FOR UPDATE SKIP LOCKED and holds it by a lease that its
-- heartbeat extends; a job whose lease ran out (its worker died) is taken
-- again by any live worker within a lease, and one that killed its worker
-- twice is parked with a reason instead of being retried into a crash loop.

create table jobs (
  id bigint generated always as identity primary key,
  name text not null,
  payload jsonb not null default '{}',
  -- At most one job per key, ever (e.g. 'statement:<id>'); a second enqueue with the key does nothing.
  key text unique,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed', 'parked')),
  run_at timestamptz not null default now(),
  attempts int not null default 0 check (attempts >= 0),
  max_attempts int not null default 5 check (max_attempts >= 1),
  -- Runs that ended because their worker disappeared (lease expired).
  crashes int not null default 0,
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  check (status <> 'running' or (locked_by is not null and locked_until is not null))
);
create index jobs_ready_idx on jobs (run_at, id) where status = 'queued';
create index jobs_lease_idx on jobs (locked_until) where status = 'running';
create index jobs_finished_idx on jobs (finished_at) where status in ('done', 'failed', 'parked');

-- Live worker processes (for readiness and the operator's view); each heartbeat updates last_seen_at.
create table job_workers (
  id text primary key,
  host text not null,
  pid int not null,
  started_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);

-- Jobs still waiting in graphile-worker (installations before this migration) move over.
do $$
begin
  if to_regclass('graphile_worker.jobs') is not null then
    insert into jobs (name, payload, key, run_at, attempts, max_attempts, last_error, status)
    select task_identifier, payload::jsonb, key, run_at, least(attempts, max_attempts - 1), max_attempts, last_error,
           'queued'
      from graphile_worker.jobs
     where attempts < max_attempts
    on conflict (key) do nothing;
  end if;
end $$;
drop schema if exists graphile_worker cascade;
