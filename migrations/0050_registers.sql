-- Registers that users keep themselves (issue 9): sites (объекты образования
-- ОСС) in full, vehicles with their terminals and ownership, receiving
-- facilities (объекты приёма) as objects of a facility organization, the
-- operator's suspension of organizations and facilities (1386-ПП п. 7.2),
-- and the history of every change to a register entry.

-- Sites: several кадастровые номера, the kind of works and the document that allows them.
alter table sites add column cadastral_numbers text[] not null default '{}'
  check (array_position(cadastral_numbers, null) is null and cardinality(cadastral_numbers) <= 50);
update sites set cadastral_numbers = array[cadastral_number] where cadastral_number is not null;
alter table sites drop column cadastral_number;
alter table sites add column works_kind text not null default 'construction'
  check (works_kind in ('construction', 'reconstruction', 'demolition', 'capital_repair', 'networks', 'landscaping', 'other'));
alter table sites add column works_document_kind text
  check (works_document_kind in ('building_permit', 'oati_order', 'demolition_permit', 'other'));
alter table sites add column works_document_number text check (length(works_document_number) <= 100);
alter table sites add column works_document_date date;
alter table sites add column planned_from date;
alter table sites add column planned_to date;
alter table sites add constraint sites_planned_order check (planned_to is null or planned_from is null or planned_to >= planned_from);
-- The site's boundary (GeoJSON Polygon or MultiPolygon, WGS 84), for trips formed from trackers.
alter table sites add column boundary jsonb;
alter table sites add column version int not null default 1;
alter table sites add column updated_at timestamptz not null default now();
alter table sites add column archived_at timestamptz;

-- Organizations: access suspended by the operator, with a reason.
alter table organizations add column status text not null default 'active' check (status in ('active', 'suspended'));
alter table organizations add column status_reason text;
alter table organizations add column status_changed_at timestamptz;

-- Receiving facilities (объекты приёма): a facility organization may keep several.
create sequence facility_number_seq;
create table facilities (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  number text not null unique,                                   -- «ОП-000001»
  name text not null check (length(name) between 1 and 500),
  address text not null check (length(address) between 1 and 1000),
  -- what is done there: переработка, утилизация, обезвреживание, размещение
  kind text not null default 'processing' check (kind in ('processing', 'utilization', 'neutralization', 'disposal')),
  daily_capacity_t numeric(12, 3) check (daily_capacity_t > 0),
  daily_capacity_m3 numeric(12, 2) check (daily_capacity_m3 > 0),
  working_hours text check (length(working_hours) <= 200),
  licence_number text check (length(licence_number) <= 100),
  licence_valid_until date,
  boundary jsonb,                                                -- GeoJSON, as sites
  status text not null default 'active' check (status in ('active', 'suspended')),
  status_reason text,
  status_changed_at timestamptz,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  archived_at timestamptz
);
create index facilities_org_idx on facilities (organization_id);

-- The ФККО codes a facility accepts.
create table facility_waste_types (
  facility_id uuid not null references facilities (id),
  waste_code text not null references waste_types (code),
  primary key (facility_id, waste_code)
);
create index facility_waste_types_code_idx on facility_waste_types (waste_code);

-- Every facility organization gets one facility object from what is known of it;
-- it accepts the codes its permits and trips name.
insert into facilities (organization_id, number, name, address)
select o.id, 'ОП-' || lpad(nextval('facility_number_seq')::text, 6, '0'), coalesce(o.short_name, o.name), coalesce(o.address, 'не указан')
  from organizations o where 'facility' = any (o.roles) order by o.created_at, o.id;
insert into facility_waste_types (facility_id, waste_code)
select distinct f.id, w.waste_code
  from facilities f
  join permit_facilities pf on pf.facility_id = f.organization_id
  join permit_waste_types w on w.permit_id = pf.permit_id
on conflict do nothing;

-- Permits and trips name the facility object; the facility organization stays beside it (visibility, receipts).
alter table permit_facilities add column facility_object_id uuid references facilities (id);
update permit_facilities pf set facility_object_id = f.id from facilities f where f.organization_id = pf.facility_id;
alter table permit_facilities alter column facility_object_id set not null;
alter table permit_facilities drop constraint permit_facilities_pkey;
alter table permit_facilities add primary key (permit_id, facility_object_id);
create index permit_facilities_object_idx on permit_facilities (facility_object_id);

alter table trips add column facility_object_id uuid references facilities (id);
update trips t set facility_object_id = f.id from facilities f where f.organization_id = t.facility_id;
alter table trips alter column facility_object_id set not null;
create index trips_facility_object_unloaded_idx on trips (facility_object_id, unloaded_at);

-- Vehicles: make, body volume (capacity_m3), load capacity, terminal, owned or leased.
alter table vehicles add column make text check (length(make) <= 100);
alter table vehicles add column load_capacity_t numeric(6, 2) check (load_capacity_t > 0);
alter table vehicles add column terminal_number text check (terminal_number ~ '^[0-9A-Za-z-]{1,32}$');
create unique index vehicles_terminal_key on vehicles (terminal_number) where terminal_number is not null;
alter table vehicles add column ownership text not null default 'owned' check (ownership in ('owned', 'leased'));
alter table vehicles add column lease_document text check (length(lease_document) <= 200);
alter table vehicles add column lease_until date;
alter table vehicles add constraint vehicles_lease_check check (ownership = 'owned' or lease_until is not null);
alter table vehicles add column version int not null default 1;
alter table vehicles add column updated_at timestamptz not null default now();
alter table vehicles add column archived_at timestamptz;

-- A plate belongs to one carrier at a time; moving it to another is an explicit step, kept here.
create table vehicle_transfers (
  id uuid primary key default gen_random_uuid(),
  vehicle_id uuid not null references vehicles (id),
  from_carrier_id uuid not null references organizations (id),
  to_carrier_id uuid not null references organizations (id),
  transferred_at timestamptz not null default now(),
  transferred_by uuid references persons (id),
  reason text not null check (length(reason) between 1 and 1000),
  check (from_carrier_id <> to_carrier_id)
);
create index vehicle_transfers_vehicle_idx on vehicle_transfers (vehicle_id, transferred_at desc);

-- History of register entries: who changed what, when (shown as «История изменений»).
create table register_changes (
  id bigint generated always as identity primary key,
  entity text not null check (entity in ('site', 'vehicle', 'facility', 'organization')),
  entity_id uuid not null,
  version int not null,
  action text not null check (action in ('created', 'updated', 'archived', 'restored', 'suspended', 'reactivated', 'transferred')),
  -- {"field": [before, after], ...}
  changes jsonb not null default '{}',
  reason text,
  organization_id uuid references organizations (id),
  person_id uuid references persons (id),
  at timestamptz not null default now()
);
create index register_changes_entity_idx on register_changes (entity, entity_id, id desc);
