-- Telemetry from the trucks' trackers (EGTS, Wialon IPS): points partitioned by month, raw packets kept
-- for a configurable period, and terminals no vehicle names kept apart for the operator.

-- Points: one row per (terminal, navigation time); a resent or duplicated packet adds nothing.
-- vehicle_id is the vehicle whose terminal_number named the terminal when the point arrived; null = unknown terminal.
create table telemetry_points (
  terminal text not null,
  at timestamptz not null,
  vehicle_id uuid,
  received_at timestamptz not null,
  latitude double precision not null,
  longitude double precision not null,
  speed real not null default 0,
  course smallint not null default 0,
  valid boolean not null default true,
  body_raised boolean,
  protocol text not null check (protocol in ('egts', 'wialon')),
  primary key (terminal, at)
) partition by range (at);
create table telemetry_points_default partition of telemetry_points default;
create index telemetry_points_vehicle_at_idx on telemetry_points (vehicle_id, at) where vehicle_id is not null;

-- Every packet as it came (for disputes), kept TELEMETRY_RAW_DAYS.
create table telemetry_raw_packets (
  received_at timestamptz not null,
  protocol text not null check (protocol in ('egts', 'wialon')),
  terminal text,
  remote text not null,
  -- EGTS processing result answered (0 = EGTS_PC_OK) or, for Wialon IPS, 0 accepted / 1 refused.
  result smallint not null,
  bytes bytea not null
) partition by range (received_at);
create table telemetry_raw_packets_default partition of telemetry_raw_packets default;
create index telemetry_raw_packets_terminal_idx on telemetry_raw_packets (terminal, received_at);

-- Terminals that sent data while no vehicle named them: shown to the operator; their points stay in
-- telemetry_points with vehicle_id null and are attached when a vehicle takes the terminal's number.
create table telemetry_unknown_terminals (
  terminal text primary key,
  protocol text not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  points bigint not null default 0,
  last_remote text not null,
  last_latitude double precision,
  last_longitude double precision
);

-- Monthly partitions [month, month + 1) of both tables from p_from for p_months months. Rows that
-- already fell into the default partition for such a month are moved into the new partition.
create or replace function telemetry_ensure_partitions(p_from timestamptz, p_months int) returns void
language plpgsql as $$
declare
  m date := date_trunc('month', p_from at time zone 'UTC')::date;
  s timestamptz;
  e timestamptz;
  t record;
  part text;
begin
  for i in 0 .. p_months - 1 loop
    s := (m + make_interval(months => i))::timestamp at time zone 'UTC';
    e := (m + make_interval(months => i + 1))::timestamp at time zone 'UTC';
    for t in select * from (values ('telemetry_points', 'at'), ('telemetry_raw_packets', 'received_at')) v(tbl, col) loop
      part := t.tbl || '_' || to_char(s at time zone 'UTC', 'YYYYMM');
      if to_regclass(part) is null then
        execute format('create table %I (like %I including defaults including constraints)', part, t.tbl);
        execute format('with moved as (delete from %I where %I >= $1 and %I < $2 returning *) insert into %I select * from moved',
                       t.tbl || '_default', t.col, t.col, part) using s, e;
        execute format('alter table %I attach partition %I for values from (%L) to (%L)', t.tbl, part, s, e);
      end if;
    end loop;
  end loop;
end $$;

select telemetry_ensure_partitions(now() - interval '1 month', 4);
