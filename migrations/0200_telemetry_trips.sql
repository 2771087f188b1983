-- Trips formed from the trucks' own telemetry (issue 16): a detection job reads each vehicle's new
-- points, finds loaded departures from a site and body tipping inside a facility, and records a trip
-- (source 'telemetry') through the same path as the carrier's declared trips; what cannot be matched
-- goes to a review list for the operator, never lost.

alter table trips drop constraint trips_source_check;
alter table trips add constraint trips_source_check check (source in ('api', 'upload', 'demo', 'tracker', 'telemetry'));

-- How a declared trip stands against the truck's track: confirmed by a detection, unsupported (the
-- track covers its time and shows no such trip), or no data (no points around it). null: not checked.
alter table trips add column telemetry_check text check (telemetry_check in ('confirmed', 'unsupported', 'no_data'));

-- Each vehicle's progress: the next run reads its points from resume_from (the last finished event,
-- at most 49 h back); tracked_since is its first point (declared trips before it are not judged).
create table telemetry_detect_state (
  vehicle_id uuid primary key references vehicles (id),
  tracked_since timestamptz not null,
  resume_from timestamptz not null,
  scanned_to timestamptz not null,
  updated_at timestamptz not null default now()
);

-- Every detection once: a vehicle cannot leave a site loaded twice at the same moment.
create table telemetry_detections (
  id bigint generated always as identity primary key,
  vehicle_id uuid not null references vehicles (id),
  carrier_id uuid not null references organizations (id),
  kind text not null check (kind in ('trip', 'dump_outside')),
  site_id uuid not null references sites (id),
  facility_object_id uuid references facilities (id),
  loaded_at timestamptz not null,
  unloaded_at timestamptz not null,
  -- where the body was raised
  latitude double precision not null,
  longitude double precision not null,
  distance_km numeric(10, 2),
  points int,
  -- recorded: a telemetry trip was written; linked: the carrier's declared trip is this one; review: see telemetry_reviews
  outcome text not null check (outcome in ('recorded', 'linked', 'review')),
  trip_id bigint references trips (id),
  created_at timestamptz not null default now(),
  unique (vehicle_id, loaded_at)
);
create index telemetry_detections_trip_idx on telemetry_detections (trip_id) where trip_id is not null;

-- The review list: detections the system could not turn into a trip, or that disagree with the
-- carrier's declaration, with the reason in Russian; the operator dismisses them with a reason.
create table telemetry_reviews (
  id bigint generated always as identity primary key,
  detection_id bigint not null references telemetry_detections (id),
  reason_code text not null check (reason_code in ('dump_outside', 'no_permit', 'ambiguous_permit', 'rejected', 'facility_differs', 'no_volume')),
  reason text not null,
  carrier_id uuid not null references organizations (id),
  vehicle_id uuid not null references vehicles (id),
  status text not null default 'open' check (status in ('open', 'dismissed')),
  dismissed_by uuid references persons (id),
  dismissed_at timestamptz,
  dismiss_reason text check (length(dismiss_reason) <= 1000),
  created_at timestamptz not null default now(),
  unique (detection_id, reason_code)
);
create index telemetry_reviews_open_idx on telemetry_reviews (status, created_at desc, id desc);
create index telemetry_reviews_carrier_idx on telemetry_reviews (carrier_id, created_at desc, id desc);
