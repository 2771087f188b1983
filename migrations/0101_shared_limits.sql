-- Limits shared by every web process on one database (issue 13): the per-address rate limits of
-- @fastify/rate-limit (a store in PostgreSQL instead of each process's memory) and the upload gate's
-- slots. Sign-in lock-outs were already here (login_throttle).

-- One fixed window per key (route and address): hits since `started_at`.
create table rate_limit_hits (
  key text primary key,
  started_at timestamptz not null,
  hits int not null
);
create index rate_limit_hits_started_idx on rate_limit_hits (started_at);

-- An upload being received holds a slot until it ends; a slot of a process that died lapses at `expires_at`.
create table upload_gate_slots (
  id uuid primary key default gen_random_uuid(),
  taken_at timestamptz not null default now(),
  expires_at timestamptz not null
);
