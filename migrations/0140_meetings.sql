-- Owners' general meetings (общие собрания собственников помещений в МКД, seed 001):
-- a second service of the cabinet for managing organizations (управляющие организации).
-- Nothing here refers to the waste tables.

alter table organizations drop constraint if exists organizations_roles_check;
alter table organizations add constraint organizations_roles_check
  check (roles <@ array['producer', 'carrier', 'facility', 'operator', 'managing']::text[]);

-- Message templates kept per organization («Шаблоны сообщений»).
create table meeting_templates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  name text not null check (length(name) between 1 and 200),
  body text not null check (length(body) <= 20000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, name)
);

-- A house the organization manages: address, cadastral number, total area of its premises.
create table houses (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  address text not null check (length(address) between 1 and 500),
  cadastral_number text not null check (cadastral_number ~ '^\d{2}:\d{2}:\d{6,7}:\d+$'),
  total_area numeric(14, 2) not null check (total_area > 0),
  created_at timestamptz not null default now(),
  unique (organization_id, cadastral_number)
);

create sequence meeting_number_seq;

create table meetings (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  house_id uuid not null references houses (id),
  number text not null unique,
  status text not null default 'in_progress' check (status in ('in_progress', 'completed')),
  -- Stage 1: the notice.
  kind text not null default 'annual' check (kind in ('annual', 'extraordinary')),
  form text not null default 'in_person' check (form in ('in_person', 'absentee', 'mixed')),
  electronic boolean not null default false,
  initiators text not null default '',
  starts_at timestamptz,
  ends_at timestamptz,
  place text not null default '',
  ballots_place text not null default '',
  materials_place text not null default '',
  notice_key text,
  notice_sig_key text,
  notice_bytes bigint,
  notice_sha256 text,
  -- Stage 5: the protocol.
  protocol_number text,
  protocol_date date,
  chair text not null default '',
  secretary text not null default '',
  counters text not null default '',
  protocol_key text,
  protocol_sig_key text,
  protocol_docx_key text,
  protocol_bytes bigint,
  protocol_sha256 text,
  scan_key text,
  scan_name text,
  scan_type text,
  scan_bytes bigint,
  scan_sha256 text,
  -- Stage 6: ГИС ЖКХ.
  gis_company_id uuid references organizations (id),
  gis_rights_confirmed_at timestamptz,
  gis_status text not null default 'none' check (gis_status in ('none', 'sending', 'loaded', 'error')),
  gis_message_guid text,
  gis_protocol_guid text,
  gis_error text,
  gis_sent_at timestamptz,
  gis_state_at timestamptz,
  -- Done marks of the six stages.
  notice_done_at timestamptz,
  register_done_at timestamptz,
  ballots_done_at timestamptz,
  counting_done_at timestamptz,
  protocol_done_at timestamptz,
  gis_done_at timestamptz,
  completed_at timestamptz,
  created_by uuid references persons (id),
  created_at timestamptz not null default now(),
  check (ends_at is null or starts_at is null or ends_at >= starts_at)
);
create index meetings_org_idx on meetings (organization_id, status, starts_at);

-- Agenda items, each with the majority the Housing Code requires for it (rule kept in data).
create table meeting_items (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  position integer not null check (position > 0),
  title text not null check (length(title) between 1 and 2000),
  proposal text not null default '',
  majority text not null default 'participants' check (majority in ('participants', 'more_than_half_all', 'two_thirds_all', 'all')),
  unique (meeting_id, position)
);

-- Stage 2: the register of owners.
create table meeting_premises (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  number text not null check (length(number) between 1 and 50),
  kind text not null default 'residential' check (kind in ('residential', 'non_residential')),
  area numeric(14, 2) not null check (area > 0),
  cadastral_number text,
  unique (meeting_id, number)
);

-- An owner of a premise with a share (sole: 1/1; shared: num/den; joint: the co-owners of one
-- joint ownership are one record, their names together, holding the share together).
create table meeting_owners (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  premise_id uuid not null references meeting_premises (id) on delete cascade,
  name text not null check (length(name) between 1 and 1000),
  owner_kind text not null default 'person' check (owner_kind in ('person', 'legal', 'city')),
  ownership text not null default 'sole' check (ownership in ('sole', 'shared', 'joint')),
  share_num integer not null default 1 check (share_num > 0),
  share_den integer not null default 1 check (share_den > 0 and share_num <= share_den),
  inn text check (inn ~ '^(\d{10}|\d{12})$'),
  title_document text not null default '',
  -- Stage 4: the owner's decision received (paper ballot or electronic).
  voted_at timestamptz,
  position integer not null default 0
);
create index meeting_owners_meeting_idx on meeting_owners (meeting_id, position);
create index meeting_owners_premise_idx on meeting_owners (premise_id);

create table meeting_votes (
  owner_id uuid not null references meeting_owners (id) on delete cascade,
  item_id uuid not null references meeting_items (id) on delete cascade,
  meeting_id uuid not null references meetings (id) on delete cascade,
  choice text not null check (choice in ('for', 'against', 'abstain')),
  primary key (owner_id, item_id)
);
create index meeting_votes_meeting_idx on meeting_votes (meeting_id);

-- Register imports from a table, with the per-row result file.
create table meeting_imports (
  id uuid primary key default gen_random_uuid(),
  meeting_id uuid not null references meetings (id) on delete cascade,
  organization_id uuid not null references organizations (id),
  file_name text not null,
  rows_total integer not null default 0,
  rows_accepted integer not null default 0,
  rows_refused integer not null default 0,
  result_key text,
  result_bytes bigint,
  result_sha256 text,
  created_by uuid references persons (id),
  created_at timestamptz not null default now()
);
create index meeting_imports_meeting_idx on meeting_imports (meeting_id, created_at desc);
