-- Trip totals (issue 13): what the cabinet shows as moved, awaiting and rejected, kept per
-- permit × waste type × facility object × carrier × acceptance state × day (Europe/Moscow date
-- of unloading), so that no screen sums all the trips behind it.
--
-- The rules are those of src/features/movement.ts "as of now":
--   accepted  ⇔ receipt_status = 'confirmed' and received_at is not null
--   rejected  ⇔ receipt_status = 'rejected'  and received_at is not null
--   awaiting  ⇔ neither
--   counted mass = the weighed mass where accepted with one, the declared mass otherwise;
--   weighed_trips = accepted loads with a weighed mass.
-- `npm run recount` recomputes the totals through movement.ts itself and repairs any drift.
--
-- Kept by statement-level triggers with transition tables: one grouped upsert per INSERT,
-- COPY, UPDATE or DELETE statement, in the same transaction, whatever path wrote the trips
-- (the API, uploads, the demo's COPY, receipt decisions). Measured against a row-level
-- trigger in src/features/totals/README.md.

create table trip_totals (
  permit_id uuid not null,
  waste_code text not null,
  day date not null,
  acceptance text not null check (acceptance in ('accepted', 'awaiting', 'rejected')),
  carrier_id uuid not null,
  facility_object_id uuid not null,
  -- Functionally the permit's site and the facility object's organization; kept in the key so
  -- that a trip whose columns disagree is still counted where the trips themselves say.
  site_id uuid not null,
  facility_id uuid not null,
  trips bigint not null,
  volume numeric not null,
  mass numeric not null,           -- declared by the carrier
  counted_mass numeric not null,   -- weighed where accepted with one, declared otherwise
  weighed_trips bigint not null,
  primary key (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id)
);
create index trip_totals_site_day_idx on trip_totals (site_id, day);
create index trip_totals_facility_day_idx on trip_totals (facility_id, day);

create function trip_totals_acceptance(status text, received_at timestamptz) returns text
  language sql immutable parallel safe as $$
  select case when received_at is not null and status = 'confirmed' then 'accepted'
              when received_at is not null and status = 'rejected' then 'rejected'
              else 'awaiting' end
$$;

-- Adds the rows of `added` and subtracts those of `removed` (either may be empty).
create function trip_totals_apply_delta() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into trip_totals as a (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                                  trips, volume, mass, counted_mass, weighed_trips)
    select n.permit_id, n.waste_code, (n.unloaded_at at time zone 'Europe/Moscow')::date, s.acc, n.carrier_id, n.facility_object_id,
           n.site_id, n.facility_id, count(*), sum(n.volume), sum(n.mass),
           sum(case when s.acc = 'accepted' then coalesce(n.received_mass, n.mass) else n.mass end),
           count(*) filter (where s.acc = 'accepted' and n.received_mass is not null)
      from new_rows n cross join lateral (select trip_totals_acceptance(n.receipt_status, n.received_at) as acc) s
     group by 1, 2, 3, 4, 5, 6, 7, 8
     order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
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
           sum(sign) filter (where weighed) as weighed_trips
      from d group by 1, 2, 3, 4, 5, 6, 7, 8
  )
  insert into trip_totals as a (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                                trips, volume, mass, counted_mass, weighed_trips)
  select permit_id, waste_code, day, acc, carrier_id, facility_object_id, site_id, facility_id,
         trips, volume, mass, counted_mass, coalesce(weighed_trips, 0)
    from g
   where trips <> 0 or volume <> 0 or mass <> 0 or counted_mass <> 0 or coalesce(weighed_trips, 0) <> 0
   order by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
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
  return null;
end $$;

-- The old/new transition tables need the same shape for the union: trips' own.
create function trip_totals_on_delete() returns trigger language plpgsql as $$
begin
  insert into trip_totals as a (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                                trips, volume, mass, counted_mass, weighed_trips)
  select o.permit_id, o.waste_code, (o.unloaded_at at time zone 'Europe/Moscow')::date, s.acc, o.carrier_id, o.facility_object_id,
         o.site_id, o.facility_id, -count(*), -sum(o.volume), -sum(o.mass),
         -sum(case when s.acc = 'accepted' then coalesce(o.received_mass, o.mass) else o.mass end),
         -count(*) filter (where s.acc = 'accepted' and o.received_mass is not null)
    from old_rows o cross join lateral (select trip_totals_acceptance(o.receipt_status, o.received_at) as acc) s
   group by 1, 2, 3, 4, 5, 6, 7, 8
   order by 1, 2, 3, 4, 5, 6, 7, 8
  on conflict (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id) do update
     set trips = a.trips + excluded.trips, volume = a.volume + excluded.volume, mass = a.mass + excluded.mass,
         counted_mass = a.counted_mass + excluded.counted_mass, weighed_trips = a.weighed_trips + excluded.weighed_trips;
  delete from trip_totals z
   using (select distinct o.permit_id, o.waste_code, (o.unloaded_at at time zone 'Europe/Moscow')::date as day,
                 trip_totals_acceptance(o.receipt_status, o.received_at) as acc, o.carrier_id, o.facility_object_id, o.site_id, o.facility_id
            from old_rows o) k
   where z.trips = 0
     and z.permit_id = k.permit_id and z.waste_code = k.waste_code and z.day = k.day and z.acceptance = k.acc
     and z.carrier_id = k.carrier_id and z.facility_object_id = k.facility_object_id and z.site_id = k.site_id and z.facility_id = k.facility_id;
  return null;
end $$;

create trigger trip_totals_insert after insert on trips referencing new table as new_rows
  for each statement execute function trip_totals_apply_delta();
create trigger trip_totals_update after update on trips referencing old table as old_rows new table as new_rows
  for each statement execute function trip_totals_apply_delta();
create trigger trip_totals_delete after delete on trips referencing old table as old_rows
  for each statement execute function trip_totals_on_delete();

-- Backfill: the trips already recorded.
insert into trip_totals (permit_id, waste_code, day, acceptance, carrier_id, facility_object_id, site_id, facility_id,
                         trips, volume, mass, counted_mass, weighed_trips)
select t.permit_id, t.waste_code, (t.unloaded_at at time zone 'Europe/Moscow')::date, s.acc, t.carrier_id, t.facility_object_id,
       t.site_id, t.facility_id, count(*), sum(t.volume), sum(t.mass),
       sum(case when s.acc = 'accepted' then coalesce(t.received_mass, t.mass) else t.mass end),
       count(*) filter (where s.acc = 'accepted' and t.received_mass is not null)
  from trips t cross join lateral (select trip_totals_acceptance(t.receipt_status, t.received_at) as acc) s
 group by 1, 2, 3, 4, 5, 6, 7, 8;
