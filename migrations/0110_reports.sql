-- Reports filed by organizations (issue 14): the facility's monthly report, the producer's closing
-- report for a permit, the yearly 2-ТП (отходы) section. Definitions live in code
-- (src/features/reports/definitions.ts); a report row holds the working copy, each filing a version.

create sequence report_number_seq;

create table reports (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  kind text not null check (kind in ('facility_monthly', 'permit_closing', 'tp2_waste')),
  definition_version int not null,
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  -- the facility object (monthly), the permit (closing) or none (2-ТП)
  subject_id uuid,
  -- draft: never filed; submitted: the last version filed; correction: a new version being prepared
  status text not null default 'draft' check (status in ('draft', 'submitted', 'correction')),
  filed_version int not null default 0,
  -- optimistic lock of the working copy
  revision int not null default 1,
  data jsonb not null default '{"rows":[]}',
  prefill jsonb not null default '{"rows":[]}',
  prefilled_at timestamptz,
  -- registration number, given at the first filing and kept by the corrections
  number text unique,
  return_reason text,
  returned_at timestamptz,
  returned_by uuid references persons (id),
  created_by uuid references persons (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index reports_subject_period_key on reports (organization_id, kind, period_from, coalesce(subject_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index reports_kind_period_idx on reports (kind, period_from);

create table report_versions (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports (id),
  version int not null,
  data jsonb not null,
  prefill jsonb not null,
  submitted_at timestamptz not null,
  submitted_by uuid references persons (id),
  late boolean not null default false,
  pdf_key text,
  sig_key text,
  pdf_bytes bigint,
  pdf_sha256 text,
  signed_at timestamptz,
  unique (report_id, version)
);

create table report_files (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports (id),
  -- the version the file was filed with; null while it belongs to the working copy
  version int,
  file_name text not null,
  file_type text not null check (file_type in ('pdf', 'xml')),
  size_bytes bigint not null,
  sha256 text not null,
  storage_key text not null unique,
  uploaded_by uuid references persons (id),
  uploaded_at timestamptz not null default now(),
  removed_at timestamptz
);
create index report_files_report_idx on report_files (report_id);

-- Reminders sent before deadlines: each key once per organization.
create table report_reminders (
  organization_id uuid not null references organizations (id),
  key text not null,
  sent_at timestamptz not null default now(),
  primary key (organization_id, key)
);
