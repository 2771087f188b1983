-- ОССиГ core schema: organizations, people, sites, permits, vehicles, trips,
-- tasks, notifications, audit. Quantities are numeric, times timestamptz.

create table organizations (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('legal', 'individual')),           -- ЮЛ / ИП
  inn text not null unique check (inn ~ '^(\d{10}|\d{12})$'),
  ogrn text unique check (ogrn ~ '^(\d{13}|\d{15})$'),                  -- ОГРН (13) or ОГРНИП (15)
  kpp text check (kpp ~ '^\d{4}[0-9A-Z]{2}\d{3}$'),
  name text not null check (length(name) between 1 and 500),
  short_name text,
  address text,
  email text,
  phone text,
  roles text[] not null default '{}'
    check (roles <@ array['producer', 'carrier', 'facility', 'operator']::text[]),
  created_at timestamptz not null default now()
);

create table persons (
  id uuid primary key default gen_random_uuid(),
  full_name text not null,
  email text,
  phone text,
  snils text check (snils ~ '^\d{11}$'),
  password_hash text,
  created_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index persons_email_key on persons (lower(email)) where email is not null;
create unique index persons_phone_key on persons (phone) where phone is not null;
create unique index persons_snils_key on persons (snils) where snils is not null;

-- A person's place in an organization: head, employee, or trusted person
-- (standard or full access, until a date).
create table memberships (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references persons (id),
  organization_id uuid not null references organizations (id),
  role text not null check (role in ('head', 'employee', 'trusted')),
  access text not null default 'full' check (access in ('standard', 'full')),
  valid_until timestamptz,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  check (role <> 'trusted' or valid_until is not null)
);
create unique index memberships_active_key on memberships (person_id, organization_id) where revoked_at is null;
create index memberships_org_idx on memberships (organization_id);

create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  person_id uuid not null references persons (id),
  organization_id uuid references organizations (id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  ip text,
  user_agent text
);
create index sessions_person_idx on sessions (person_id);

-- Machine clients (carriers' systems): Authorization: Bearer <token>.
create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  organization_id uuid not null references organizations (id),
  person_id uuid not null references persons (id),
  name text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

-- ФККО catalogue; hazard class is the code's last digit.
create table waste_types (
  code text primary key check (code ~ '^\d{11}$'),
  name text not null,
  hazard_class smallint generated always as (right(code, 1)::smallint) stored
);

create table sites (
  id uuid primary key default gen_random_uuid(),
  producer_id uuid not null references organizations (id),
  name text not null,
  address text not null,
  cadastral_number text,
  created_at timestamptz not null default now()
);
create index sites_producer_idx on sites (producer_id);

create table permits (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  site_id uuid not null references sites (id),
  producer_id uuid not null references organizations (id),
  valid_from date not null,
  valid_to date not null,
  status text not null default 'active' check (status in ('active', 'suspended', 'revoked')),
  issued_at timestamptz not null default now(),
  check (valid_to >= valid_from)
);
create index permits_site_idx on permits (site_id);

create table permit_waste_types (
  permit_id uuid not null references permits (id),
  waste_code text not null references waste_types (code),
  permitted_volume numeric(14, 2) not null check (permitted_volume > 0),
  primary key (permit_id, waste_code)
);

create table permit_carriers (
  permit_id uuid not null references permits (id),
  carrier_id uuid not null references organizations (id),
  primary key (permit_id, carrier_id)
);
create index permit_carriers_carrier_idx on permit_carriers (carrier_id);

create table permit_facilities (
  permit_id uuid not null references permits (id),
  facility_id uuid not null references organizations (id),
  primary key (permit_id, facility_id)
);
create index permit_facilities_facility_idx on permit_facilities (facility_id);

create table vehicles (
  id uuid primary key default gen_random_uuid(),
  carrier_id uuid not null references organizations (id),
  plate text not null unique,
  model text,
  capacity_m3 numeric(6, 2),
  created_at timestamptz not null default now()
);
create index vehicles_carrier_idx on vehicles (carrier_id);

create table trips (
  id bigint generated always as identity primary key,
  permit_id uuid not null references permits (id),
  site_id uuid not null references sites (id),
  carrier_id uuid not null references organizations (id),
  vehicle_id uuid not null references vehicles (id),
  facility_id uuid not null references organizations (id),
  waste_code text not null references waste_types (code),
  loaded_at timestamptz not null,
  unloaded_at timestamptz not null,
  volume numeric(10, 2) not null check (volume > 0),
  mass numeric(10, 3) not null check (mass > 0),
  receipt_status text not null default 'pending' check (receipt_status in ('pending', 'confirmed', 'rejected')),
  received_mass numeric(10, 3),
  receipt_reason text,
  received_at timestamptz,
  external_id text,
  source text not null default 'api' check (source in ('api', 'upload', 'demo', 'tracker')),
  created_at timestamptz not null default now(),
  check (unloaded_at > loaded_at)
);
-- A carrier's own trip number is unique for that carrier: retries and re-uploads never double.
create unique index trips_carrier_external_key on trips (carrier_id, external_id) where external_id is not null;
-- A vehicle cannot be loaded twice at the same moment: the natural key of a trip.
create unique index trips_vehicle_loaded_key on trips (vehicle_id, loaded_at);
create index trips_site_unloaded_idx on trips (site_id, unloaded_at);
create index trips_permit_unloaded_idx on trips (permit_id, unloaded_at);
create index trips_carrier_unloaded_idx on trips (carrier_id, unloaded_at);
create index trips_facility_unloaded_idx on trips (facility_id, unloaded_at);

-- Replays of write requests by Idempotency-Key, per organization.
create table idempotency_keys (
  organization_id uuid not null references organizations (id),
  key text not null,
  request_hash text not null,
  status_code int not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (organization_id, key)
);

create table tasks (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  person_id uuid references persons (id),
  kind text not null,
  title text not null,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  payload jsonb not null default '{}',
  created_at timestamptz not null default now(),
  closed_at timestamptz
);
create index tasks_org_status_idx on tasks (organization_id, status, created_at desc);

create table notifications (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references organizations (id),
  person_id uuid references persons (id),
  title text not null,
  body text not null default '',
  link text,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_org_idx on notifications (organization_id, created_at desc);
create index notifications_person_idx on notifications (person_id, created_at desc);

-- Append-only audit log; each row carries the hash of the one before.
create table audit_events (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  person_id uuid,
  organization_id uuid,
  action text not null,
  subject_type text,
  subject_id text,
  ip text,
  user_agent text,
  details jsonb not null default '{}',
  prev_hash text not null,
  hash text not null
);

create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_events is append-only';
end $$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();
