-- Statements of waste-movement results (сведения о результатах перемещения ОСС)
-- and their generated files. A statement's data is fixed when it is ordered:
-- only trips with id <= snapshot_max_trip_id and unloaded_at <= formation_cutoff
-- (and, for receipt status, received_at <= ordered_at) enter it.

create sequence statement_number_seq;

create table statements (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,                       -- «СП-2026-000001»
  organization_id uuid not null references organizations (id),
  site_id uuid not null references sites (id),
  period_from date not null,
  period_to date not null,
  permit_ids uuid[] not null check (cardinality(permit_ids) > 0),
  status text not null default 'queued' check (status in ('queued', 'running', 'ready', 'failed')),
  progress real not null default 0 check (progress between 0 and 1),
  error text,
  attempts int not null default 0,
  ordered_by uuid not null references persons (id),
  ordered_at timestamptz not null,
  formation_cutoff timestamptz not null,
  snapshot_max_trip_id bigint not null,
  trip_count int,
  started_at timestamptz,
  ready_at timestamptz,
  failed_at timestamptz,
  pdf_bytes bigint,
  xlsx_bytes bigint,
  pdf_sha256 text,
  xlsx_sha256 text,
  pdf_streebog256 text,
  xlsx_streebog256 text,
  signer_serial text,
  signed_at timestamptz,
  check (period_to >= period_from),
  check (status <> 'ready' or ready_at is not null)
);
create index statements_site_idx on statements (site_id, ordered_at desc);
create index statements_org_idx on statements (organization_id, ordered_at desc);

-- A file is registered only after it is completely written (and renamed into
-- place) under <DATA_DIR>/files/; every web process reads the shared data dir.
create table statement_files (
  statement_id uuid not null references statements (id),
  kind text not null check (kind in ('pdf', 'xlsx', 'pdf.sig', 'xlsx.sig')),
  path text not null,                                -- relative to <DATA_DIR>/files
  bytes bigint not null,
  sha256 text not null,
  created_at timestamptz not null default now(),
  primary key (statement_id, kind)
);
