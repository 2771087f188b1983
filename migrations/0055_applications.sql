-- Permit applications (заявления на разрешение на перемещение ОСС, 1387-ПП),
-- the operator's review, the messages of each application, permits issued
-- from them with their versions (amendments), and the reminders sent about
-- permits. The state machine is in src/features/applications/state-machine.ts.

create sequence permit_application_number_seq;
-- Permits issued here: «РП-77-2026-001001»; numbers below 1001 belong to permits entered before.
create sequence permit_number_seq start with 1001;

create table permit_applications (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,                                       -- «ЗР-2026-000001»
  organization_id uuid not null references organizations (id),       -- the applicant (producer)
  kind text not null default 'permit' check (kind in ('permit', 'amendment')),
  -- amendment: the permit it changes; a new permit's application: the permit issued on approval
  permit_id uuid references permits (id),
  site_id uuid references sites (id),
  works_from date,
  works_to date,
  -- Moscow's administrative okrug of the site (the operator's queue filters by it)
  district text check (district in ('ЦАО', 'САО', 'СВАО', 'ВАО', 'ЮВАО', 'ЮАО', 'ЮЗАО', 'ЗАО', 'СЗАО', 'ЗелАО', 'НАО', 'ТАО')),
  comment text check (length(comment) <= 4000),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'needs_info', 'approved', 'rejected', 'withdrawn')),
  -- optimistic versioning: every saved change increments it
  version int not null default 1 check (version >= 1),
  -- (re)submissions so far
  round int not null default 0,
  created_by uuid not null references persons (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  first_submitted_at timestamptz,
  submitted_at timestamptz,                                          -- the latest (re)submission
  submitted_by uuid references persons (id),
  review_days int,                                                   -- the term in working days at submission
  review_due_on date,                                                -- the term's last working day
  info_request text check (length(info_request) <= 4000),
  info_due_on date,
  decided_at timestamptz,
  decided_by uuid references persons (id),
  decision_reason text,                                              -- a code of the operator's list (reasons.ts)
  decision_comment text check (length(decision_comment) <= 4000),
  assigned_to uuid references persons (id),
  assigned_at timestamptz,
  permit_version int,                                                -- the permit version issued by this application
  check (kind <> 'amendment' or permit_id is not null),
  check (works_to is null or works_from is null or works_to >= works_from),
  check (status = 'draft' or status = 'withdrawn' or first_submitted_at is not null)
);
-- «Мои заявки»: an organization's applications, newest change first (keyset on updated_at, id).
create index permit_applications_org_idx on permit_applications (organization_id, updated_at desc, id desc);
-- The operator's queue: submitted applications only (drafts are the applicant's), oldest first.
create index permit_applications_queue_idx on permit_applications (submitted_at, id) where first_submitted_at is not null;
create index permit_applications_queue_status_idx on permit_applications (status, submitted_at, id) where first_submitted_at is not null;
create index permit_applications_queue_assignee_idx on permit_applications (assigned_to, submitted_at, id) where first_submitted_at is not null;
create index permit_applications_queue_district_idx on permit_applications (district, submitted_at, id) where first_submitted_at is not null;
create index permit_applications_queue_org_idx on permit_applications (organization_id, submitted_at, id) where first_submitted_at is not null;
create index permit_applications_permit_idx on permit_applications (permit_id) where permit_id is not null;

-- Waste lines: ФККО from the catalogue, planned volume (and mass), in the order the applicant keeps them.
create table permit_application_lines (
  application_id uuid not null references permit_applications (id) on delete cascade,
  position int not null check (position between 1 and 100),
  waste_code text references waste_types (code),
  volume numeric(14, 2) check (volume > 0),
  mass numeric(14, 3) check (mass > 0),
  primary key (application_id, position)
);

-- The receiving facilities (objects of the register) chosen for each line.
create table permit_application_line_facilities (
  application_id uuid not null,
  position int not null,
  facility_object_id uuid not null references facilities (id),
  primary key (application_id, position, facility_object_id),
  foreign key (application_id, position) references permit_application_lines (application_id, position) on delete cascade
);

-- Carriers by ИНН: a registered organization is found by it; one not registered yet gets an invitation
-- by e-mail and appears once it signs in (the ИНН is joined to organizations when read).
create table permit_application_carriers (
  application_id uuid not null references permit_applications (id) on delete cascade,
  position int not null,
  inn text not null check (inn ~ '^(\d{10}|\d{12})$'),
  invite_email text check (length(invite_email) <= 254),
  invited_at timestamptz,
  primary key (application_id, inn)
);

-- The thread between the applicant and the operator's specialists.
create table permit_application_messages (
  id bigint generated always as identity primary key,
  application_id uuid not null references permit_applications (id),
  author_id uuid not null references persons (id),
  side text not null check (side in ('applicant', 'operator')),
  body text not null check (length(body) between 1 and 10000),
  created_at timestamptz not null default now()
);
create index permit_application_messages_app_idx on permit_application_messages (application_id, id);

-- What each person has read of a thread: unread = messages by others after last_read_id.
create table permit_application_reads (
  application_id uuid not null references permit_applications (id),
  person_id uuid not null references persons (id),
  last_read_id bigint not null default 0,
  primary key (application_id, person_id)
);

-- Attachments (технологический регламент, договоры, other) and the files of messages, in the file store.
create table permit_application_files (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references permit_applications (id),
  message_id bigint references permit_application_messages (id),
  kind text not null check (kind in ('regulation', 'carrier_contract', 'facility_contract', 'other', 'message')),
  file_name text not null check (length(file_name) between 1 and 255),
  file_type text not null check (file_type in ('pdf', 'rtf', 'doc', 'docx', 'xls', 'xlsx', 'jpeg', 'tiff')),
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  uploaded_by uuid not null references persons (id),
  uploaded_at timestamptz not null default now(),
  removed_at timestamptz,
  removed_by uuid references persons (id),
  check ((kind = 'message') = (message_id is not null))
);
create index permit_application_files_app_idx on permit_application_files (application_id, uploaded_at);

-- History: who, when, what changed («кто, когда, что изменилось»).
create table permit_application_events (
  id bigint generated always as identity primary key,
  application_id uuid not null references permit_applications (id),
  at timestamptz not null default now(),
  person_id uuid references persons (id),
  organization_id uuid references organizations (id),
  action text not null,
  from_status text,
  to_status text,
  -- {"field": [before, after], ...}
  changes jsonb not null default '{}',
  comment text
);
create index permit_application_events_app_idx on permit_application_events (application_id, id);

-- Permits: the current version's number; what permits carry beyond volume.
alter table permits add column version int not null default 1;
alter table permit_waste_types add column permitted_mass numeric(14, 3) check (permitted_mass > 0);

-- Every version of a permit: issued on an application (the first) or an amendment, with its full terms.
-- A version is in force from `in_force_from` until the next one; '-infinity' for permits entered before.
create table permit_versions (
  id uuid primary key default gen_random_uuid(),
  permit_id uuid not null references permits (id),
  version int not null check (version >= 1),
  in_force_from timestamptz not null,
  valid_from date not null,
  valid_to date not null,
  application_id uuid references permit_applications (id),
  issued_by uuid references persons (id),
  issued_at timestamptz not null default now(),
  -- what an amendment changed against the version before: {"field": [before, after]}
  changes jsonb not null default '{}',
  -- the signed PDF (written by the job permits.render)
  pdf_key text,
  sig_key text,
  pdf_bytes bigint,
  pdf_sha256 text,
  signer_serial text,
  signed_at timestamptz,
  unique (permit_id, version),
  unique (permit_id, in_force_from),
  check (valid_to >= valid_from)
);

create table permit_version_lines (
  version_id uuid not null references permit_versions (id),
  waste_code text not null references waste_types (code),
  permitted_volume numeric(14, 2) not null check (permitted_volume > 0),
  permitted_mass numeric(14, 3) check (permitted_mass > 0),
  primary key (version_id, waste_code)
);

create table permit_version_carriers (
  version_id uuid not null references permit_versions (id),
  carrier_id uuid not null references organizations (id),
  primary key (version_id, carrier_id)
);

-- Which facility may receive which line's waste under the version.
create table permit_version_facilities (
  version_id uuid not null references permit_versions (id),
  waste_code text not null references waste_types (code),
  facility_object_id uuid not null references facilities (id),
  facility_id uuid not null references organizations (id),
  primary key (version_id, waste_code, facility_object_id)
);

-- Permits entered before: their present terms are their first version, in force since always.
insert into permit_versions (permit_id, version, in_force_from, valid_from, valid_to, issued_at)
select p.id, 1, '-infinity', p.valid_from, p.valid_to, p.issued_at from permits p;
insert into permit_version_lines (version_id, waste_code, permitted_volume)
select v.id, w.waste_code, w.permitted_volume from permit_versions v join permit_waste_types w on w.permit_id = v.permit_id;
insert into permit_version_carriers (version_id, carrier_id)
select v.id, c.carrier_id from permit_versions v join permit_carriers c on c.permit_id = v.permit_id;
insert into permit_version_facilities (version_id, waste_code, facility_object_id, facility_id)
select v.id, w.waste_code, f.facility_object_id, f.facility_id
  from permit_versions v join permit_waste_types w on w.permit_id = v.permit_id join permit_facilities f on f.permit_id = v.permit_id;

-- Reminders about permits, each sent once: expiry (14 and 3 days) and volume thresholds (90 % and 100 %).
create table permit_reminders (
  permit_id uuid not null references permits (id),
  -- e.g. 'expiry:14:2026-12-31', 'volume:81110001495:90:3000.00'
  key text not null,
  sent_at timestamptz not null default now(),
  primary key (permit_id, key)
);

-- The version of a permit in force at a moment (null before the first): trips are checked against it.
create function permit_version_at(p_permit uuid, p_at timestamptz) returns uuid
  language sql stable as $$
    select v.id from permit_versions v
     where v.permit_id = p_permit and v.in_force_from <= p_at
     order by v.in_force_from desc limit 1
  $$;
