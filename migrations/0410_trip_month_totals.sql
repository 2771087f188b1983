-- Trip totals by month (issue 13): the same groups as trip_totals with the Moscow month of unloading (its first
-- day) instead of the day, so that the analytics dashboard — whose periods are whole months — reads one row per
-- group and month, not one per day: sixty months of a city's history were ~84,000 day rows a request.
--
-- Same figures and the same rules as trip_totals (migration 0100, src/features/movement.ts "as of now");
-- kept by the same statement-level triggers (their functions, as 0400 left them, are extended below: each
-- statement's trips grouped by day once are summed once more by month), in the same transaction as the
-- trips' change, whatever path wrote it; `npm run recount` checks and repairs it with the others.

create table trip_month_totals (
  permit_id uuid not null,
  waste_code text not null,
  month date not null,             -- the first day of the Europe/Moscow month of unloading
  acceptance text not null check (acceptance in ('accepted', 'awaiting', 'rejected')),
  carrier_id uuid not null,
  facility_object_id uuid not null,
  site_id uuid not null,
  facility_id uuid not null,
  trips bigint not null,
  volume numeric not null,
  mass numeric not null,           -- declared by the carrier
  counted_mass numeric not null,   -- weighed where accepted with one, declared otherwise
  weighed_trips bigint not null,
  primary key (permit_id, waste_code, month, acceptance, carrier_id, facility_object_id, site_id, facility_id)
);
-- The dashboard's scopes (visibility.ts totalsVisible): the carrier's, the facility's, a producer's sites', the operator's all.
create index trip_month_totals_carrier_month_idx on trip_month_totals (carrier_id, month);
create index trip_month_totals_facility_month_idx on trip_month_totals (facility_id, month);
create index trip_month_totals_site_month_idx on trip_month_totals (site_id, month);
create index trip_month_totals_month_idx on trip_month_totals (month);

create or replace function trip_totals_apply_delta() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    -- The statement's trips grouped by day once: into trip_totals as they are, into the lifetime totals summed
    -- over the days, into the month totals summed by month.
    with g as (
      select n.permit_id, n.waste_code, (n.unloaded_at at time zone 'Europe/Moscow')::date as day, s.acc, n.carrier_id, n.facility_object_id,
             n.site_id, n.facility_id, count(*) as trips, sum(n.volume) as volume, sum(n.mass) as mass,
             sum(case when s.acc = 'accepted' then coalesce(n.received_mass, n.mass) else n.mass end) as counted_mass,
             count(*) filter (where s.acc = 'accepted' and n.received_mass is not null) as weighed_trips
        from new_rows n cross join lateral (select trip_totals_acceptance(n.receipt_status, n.received_at) as acc) s
       group by 1, 2, 3, 4, 5, 6, 7, 8
    ), by_day as (
      insert into trip_totals as a (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                                    trips, volume, mass, counted_mass, weighed_trips)
      select * from g
       order by 1, 2, 3, 4, 5, 6, 7, 8
      on conflict (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
         set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
             counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips
    ), by_month as (
      insert into trip_month_totals as a (permit_id, waste_code, month, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                                          trips, volume, mass, counted_mass, weighed_trips)
      select permit_id, waste_code, date_trunc('month', day::timestamp)::date, acc, carrier_id, facility_object_id, site_id, facility_id,
             sum(trips), sum(volume), sum(mass), sum(counted_mass), sum(weighed_trips)
        from g
       group by 1, 2, 3, 4, 5, 6, 7, 8
       order by 1, 2, 3, 4, 5, 6, 7, 8
      on conflict (permit_id, waste_code, month, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
         set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
             counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips
    )
    insert into trip_lifetime_totals as a (permit_id, waste_code, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                                           trips, volume, mass, counted_mass, weighed_trips)
    select permit_id, waste_code, acc, carrier_id, facility_object_id, site_id, facility_id,
           sum(trips), sum(volume), sum(mass), sum(counted_mass), sum(weighed_trips)
      from g
     group by 1, 2, 3, 4, 5, 6, 7
     order by 1, 2, 3, 4, 5, 6, 7
    on conflict (permit_id, waste_code, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
       set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
           counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips;
    insert into trip_hour_totals as a (site_id, hour, permit_id, acceptance, carrier_id, facility_id,
                                       trips, volume, mass, counted_mass, weighed_trips)
    select n.site_id, trip_hour_of(n.unloaded_at), n.permit_id, s.acc, n.carrier_id, n.facility_id, count(*), sum(n.volume), sum(n.mass),
           sum(case when s.acc = 'accepted' then coalesce(n.received_mass, n.mass) else n.mass end),
           count(*) filter (where s.acc = 'accepted' and n.received_mass is not null)
      from new_rows n cross join lateral (select trip_totals_acceptance(n.receipt_status, n.received_at) as acc) s
     group by 1, 2, 3, 4, 5, 6
     order by 1, 2, 3, 4, 5, 6
    on conflict (site_id, hour, permit_id, acceptance, carrier_id, facility_id) do update
       set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
           counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips;
    return null;
  end if;

  with d as (
    select x.permit_id, x.waste_code, (x.unloaded_at at time zone 'Europe/Moscow')::date as day, s.acc, x.carrier_id, x.facility_object_id,
           x.site_id, x.facility_id, x.sign, x.volume, x.mass,
           case when s.acc = 'accepted' then coalesce(x.received_mass, x.mass) else x.mass end as counted,
           (s.acc = 'accepted' and x.received_mass is not null) as weighed
      from (select o.*, -1 as sign from old_rows o
            union all
            select n.*, 1 as sign from new_rows n) x
      cross join lateral (select trip_totals_acceptance(x.receipt_status, x.received_at) as acc) s
  ), g as (
    select permit_id, waste_code, day, acc, carrier_id, facility_object_id, site_id, facility_id,
           sum(sign) as trips, sum(sign * volume) as volume, sum(sign * mass) as mass, sum(sign * counted) as counted_mass,
           coalesce(sum(sign) filter (where weighed), 0) as weighed_trips
      from d group by 1, 2, 3, 4, 5, 6, 7, 8
  ), by_day as (
    insert into trip_totals as a (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                                  trips, volume, mass, counted_mass, weighed_trips)
    select permit_id, waste_code, day, acc, carrier_id, facility_object_id, site_id, facility_id,
           trips, volume, mass, counted_mass, weighed_trips
      from g
     where trips <> 0 or volume <> 0 or mass <> 0 or counted_mass <> 0 or weighed_trips <> 0
     order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
       set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
           counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips
  ), m as (
    -- By month: a trip moved to another day of the same month changes nothing here.
    select permit_id, waste_code, date_trunc('month', day::timestamp)::date as month, acc, carrier_id, facility_object_id, site_id, facility_id,
           sum(trips) as trips, sum(volume) as volume, sum(mass) as mass, sum(counted_mass) as counted_mass, sum(weighed_trips) as weighed_trips
      from g group by 1, 2, 3, 4, 5, 6, 7, 8
  ), by_month as (
    insert into trip_month_totals as a (permit_id, waste_code, month, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                                        trips, volume, mass, counted_mass, weighed_trips)
    select * from m
     where trips <> 0 or volume <> 0 or mass <> 0 or counted_mass <> 0 or weighed_trips <> 0
     order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (permit_id, waste_code, month, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
       set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
           counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips
  ), l as (
    -- Over the whole history: a trip moved to another day changes nothing here.
    select permit_id, waste_code, acc, carrier_id, facility_object_id, site_id, facility_id,
           sum(trips) as trips, sum(volume) as volume, sum(mass) as mass, sum(counted_mass) as counted_mass, sum(weighed_trips) as weighed_trips
      from g group by 1, 2, 3, 4, 5, 6, 7
  )
  insert into trip_lifetime_totals as a (permit_id, waste_code, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                                         trips, volume, mass, counted_mass, weighed_trips)
  select * from l
   where trips <> 0 or volume <> 0 or mass <> 0 or counted_mass <> 0 or weighed_trips <> 0
   order by 1, 2, 3, 4, 5, 6, 7
  on conflict (permit_id, waste_code, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
     set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
         counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips;
  -- A group no trip is left in goes away (the recount compares non-empty groups only).
  delete from trip_totals z
   using (select distinct o.permit_id, o.waste_code, (o.unloaded_at at time zone 'Europe/Moscow')::date as day,
                 trip_totals_acceptance(o.receipt_status, o.received_at) as acc, o.carrier_id, o.facility_object_id, o.site_id, o.facility_id
            from old_rows o) k
   where z.trips = 0
     and z.permit_id = k.permit_id and z.waste_code = k.waste_code and z.day = k.day and z.acceptance = k.acc
     and z.carrier_id = k.carrier_id and z.facility_object_id = k.facility_object_id and z.site_id = k.site_id and z.facility_id = k.facility_id;
  delete from trip_month_totals z
   using (select distinct o.permit_id, o.waste_code, date_trunc('month', (o.unloaded_at at time zone 'Europe/Moscow')::date::timestamp)::date as month,
                 trip_totals_acceptance(o.receipt_status, o.received_at) as acc, o.carrier_id, o.facility_object_id, o.site_id, o.facility_id
            from old_rows o) k
   where z.trips = 0
     and z.permit_id = k.permit_id and z.waste_code = k.waste_code and z.month = k.month and z.acceptance = k.acc
     and z.carrier_id = k.carrier_id and z.facility_object_id = k.facility_object_id and z.site_id = k.site_id and z.facility_id = k.facility_id;
  delete from trip_lifetime_totals z
   using (select distinct o.permit_id, o.waste_code, trip_totals_acceptance(o.receipt_status, o.received_at) as acc,
                 o.carrier_id, o.facility_object_id, o.site_id, o.facility_id
            from old_rows o) k
   where z.trips = 0
     and z.permit_id = k.permit_id and z.waste_code = k.waste_code and z.acceptance = k.acc
     and z.carrier_id = k.carrier_id and z.facility_object_id = k.facility_object_id and z.site_id = k.site_id and z.facility_id = k.facility_id;

  -- The same by the hour.
  with d as (
    select x.site_id, trip_hour_of(x.unloaded_at) as hour, x.permit_id, s.acc, x.carrier_id, x.facility_id, x.sign, x.volume, x.mass,
           case when s.acc = 'accepted' then coalesce(x.received_mass, x.mass) else x.mass end as counted,
           (s.acc = 'accepted' and x.received_mass is not null) as weighed
      from (select o.*, -1 as sign from old_rows o
            union all
            select n.*, 1 as sign from new_rows n) x
      cross join lateral (select trip_totals_acceptance(x.receipt_status, x.received_at) as acc) s
  ), g as (
    select site_id, hour, permit_id, acc, carrier_id, facility_id,
           sum(sign) as trips, sum(sign * volume) as volume, sum(sign * mass) as mass, sum(sign * counted) as counted_mass,
           sum(sign) filter (where weighed) as weighed_trips
      from d group by 1, 2, 3, 4, 5, 6
  )
  insert into trip_hour_totals as a (site_id, hour, permit_id, acceptance, carrier_id, facility_id,
                                     trips, volume, mass, counted_mass, weighed_trips)
  select site_id, hour, permit_id, acc, carrier_id, facility_id, trips, volume, mass, counted_mass, coalesce(weighed_trips, 0)
    from g
   where trips <> 0 or volume <> 0 or mass <> 0 or counted_mass <> 0 or coalesce(weighed_trips, 0) <> 0
   order by 1, 2, 3, 4, 5, 6
  on conflict (site_id, hour, permit_id, acceptance, carrier_id, facility_id) do update
     set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
         counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips;
  delete from trip_hour_totals z
   using (select distinct o.site_id, trip_hour_of(o.unloaded_at) as hour, o.permit_id,
                 trip_totals_acceptance(o.receipt_status, o.received_at) as acc, o.carrier_id, o.facility_id
            from old_rows o) k
   where z.trips = 0
     and z.site_id = k.site_id and z.hour = k.hour and z.permit_id = k.permit_id and z.acceptance = k.acc
     and z.carrier_id = k.carrier_id and z.facility_id = k.facility_id;
  return null;
end $$;

create or replace function trip_totals_on_delete() returns trigger language plpgsql as $$
begin
  with g as (
    select o.permit_id, o.waste_code, (o.unloaded_at at time zone 'Europe/Moscow')::date as day, s.acc, o.carrier_id, o.facility_object_id,
           o.site_id, o.facility_id, -count(*) as trips, -sum(o.volume) as volume, -sum(o.mass) as mass,
           -sum(case when s.acc = 'accepted' then coalesce(o.received_mass, o.mass) else o.mass end) as counted_mass,
           -count(*) filter (where s.acc = 'accepted' and o.received_mass is not null) as weighed_trips
      from old_rows o cross join lateral (select trip_totals_acceptance(o.receipt_status, o.received_at) as acc) s
     group by 1, 2, 3, 4, 5, 6, 7, 8
  ), by_day as (
    insert into trip_totals as a (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                                  trips, volume, mass, counted_mass, weighed_trips)
    select * from g
     order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
       set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
           counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips
  ), by_month as (
    insert into trip_month_totals as a (permit_id, waste_code, month, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                                        trips, volume, mass, counted_mass, weighed_trips)
    select permit_id, waste_code, date_trunc('month', day::timestamp)::date, acc, carrier_id, facility_object_id, site_id, facility_id,
           sum(trips), sum(volume), sum(mass), sum(counted_mass), sum(weighed_trips)
      from g
     group by 1, 2, 3, 4, 5, 6, 7, 8
     order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (permit_id, waste_code, month, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
       set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
           counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips
  )
  insert into trip_lifetime_totals as a (permit_id, waste_code, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                                         trips, volume, mass, counted_mass, weighed_trips)
  select permit_id, waste_code, acc, carrier_id, facility_object_id, site_id, facility_id,
         sum(trips), sum(volume), sum(mass), sum(counted_mass), sum(weighed_trips)
    from g
   group by 1, 2, 3, 4, 5, 6, 7
   order by 1, 2, 3, 4, 5, 6, 7
  on conflict (permit_id, waste_code, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
     set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
         counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips;
  delete from trip_totals z
   using (select distinct o.permit_id, o.waste_code, (o.unloaded_at at time zone 'Europe/Moscow')::date as day,
                 trip_totals_acceptance(o.receipt_status, o.received_at) as acc, o.carrier_id, o.facility_object_id, o.site_id, o.facility_id
            from old_rows o) k
   where z.trips = 0
     and z.permit_id = k.permit_id and z.waste_code = k.waste_code and z.day = k.day and z.acceptance = k.acc
     and z.carrier_id = k.carrier_id and z.facility_object_id = k.facility_object_id and z.site_id = k.site_id and z.facility_id = k.facility_id;
  delete from trip_month_totals z
   using (select distinct o.permit_id, o.waste_code, date_trunc('month', (o.unloaded_at at time zone 'Europe/Moscow')::date::timestamp)::date as month,
                 trip_totals_acceptance(o.receipt_status, o.received_at) as acc, o.carrier_id, o.facility_object_id, o.site_id, o.facility_id
            from old_rows o) k
   where z.trips = 0
     and z.permit_id = k.permit_id and z.waste_code = k.waste_code and z.month = k.month and z.acceptance = k.acc
     and z.carrier_id = k.carrier_id and z.facility_object_id = k.facility_object_id and z.site_id = k.site_id and z.facility_id = k.facility_id;
  delete from trip_lifetime_totals z
   using (select distinct o.permit_id, o.waste_code, trip_totals_acceptance(o.receipt_status, o.received_at) as acc,
                 o.carrier_id, o.facility_object_id, o.site_id, o.facility_id
            from old_rows o) k
   where z.trips = 0
     and z.permit_id = k.permit_id and z.waste_code = k.waste_code and z.acceptance = k.acc
     and z.carrier_id = k.carrier_id and z.facility_object_id = k.facility_object_id and z.site_id = k.site_id and z.facility_id = k.facility_id;

  insert into trip_hour_totals as a (site_id, hour, permit_id, acceptance, carrier_id, facility_id,
                                     trips, volume, mass, counted_mass, weighed_trips)
  select o.site_id, trip_hour_of(o.unloaded_at), o.permit_id, s.acc, o.carrier_id, o.facility_id, -count(*), -sum(o.volume), -sum(o.mass),
         -sum(case when s.acc = 'accepted' then coalesce(o.received_mass, o.mass) else o.mass end),
         -count(*) filter (where s.acc = 'accepted' and o.received_mass is not null)
    from old_rows o cross join lateral (select trip_totals_acceptance(o.receipt_status, o.received_at) as acc) s
   group by 1, 2, 3, 4, 5, 6
   order by 1, 2, 3, 4, 5, 6
  on conflict (site_id, hour, permit_id, acceptance, carrier_id, facility_id) do update
     set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
         counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips;
  delete from trip_hour_totals z
   using (select distinct o.site_id, trip_hour_of(o.unloaded_at) as hour, o.permit_id,
                 trip_totals_acceptance(o.receipt_status, o.received_at) as acc, o.carrier_id, o.facility_id
            from old_rows o) k
   where z.trips = 0
     and z.site_id = k.site_id and z.hour = k.hour and z.permit_id = k.permit_id and z.acceptance = k.acc
     and z.carrier_id = k.carrier_id and z.facility_id = k.facility_id;
  return null;
end $$;

-- Backfill from the day totals (the migration's transaction holds trips' writers off meanwhile).
lock table trips in share mode;
insert into trip_month_totals (permit_id, waste_code, month, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                               trips, volume, mass, counted_mass, weighed_trips)
select permit_id, waste_code, date_trunc('month', day::timestamp)::date, acceptance, carrier_id, facility_object_id, site_id, facility_id,
       sum(trips), sum(volume), sum(mass), sum(counted_mass), sum(weighed_trips)
  from trip_totals
 group by 1, 2, 3, 4, 5, 6, 7, 8
having sum(trips) <> 0 or sum(volume) <> 0 or sum(mass) <> 0 or sum(counted_mass) <> 0 or sum(weighed_trips) <> 0;
analyze trip_month_totals;
