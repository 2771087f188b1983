-- Bulk uploads (загрузки): a carrier's file of trips, stored on disk under
-- <DATA_DIR>/uploads/<id>, processed by the `uploads.process` job in chunks;
-- each committed chunk keeps its rows' outcomes, so a retried job continues
-- after the last committed chunk and never records a row twice.

create table uploads (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  person_id uuid references persons (id),
  kind text not null default 'trips' check (kind in ('trips')),
  file_name text not null check (length(file_name) between 1 and 255),
  file_type text not null check (file_type in ('xlsx', 'csv')),
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  idempotency_key text,
  -- queued → processing → done | refused (file-level refusal) | failed (gave up after retries)
  status text not null default 'queued' check (status in ('queued', 'processing', 'done', 'refused', 'failed')),
  -- data rows in the file (known after the first scan)
  total_rows int,
  processed_rows int not null default 0,
  accepted int not null default 0,
  rejected int not null default 0,
  duplicates int not null default 0,
  -- file-level problems (refusal reasons) and notes (e.g. extra columns), Russian
  problems jsonb not null default '[]',
  notes jsonb not null default '[]',
  result_ready boolean not null default false,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
-- The same file (same content) from the same organization is one upload: a second copy records nothing.
create unique index uploads_same_file_key on uploads (organization_id, kind, sha256);
create unique index uploads_idempotency_key on uploads (organization_id, idempotency_key) where idempotency_key is not null;
create index uploads_org_created_idx on uploads (organization_id, created_at desc);

-- Outcomes of one committed chunk of rows: a compact JSON array, one element per data row:
-- [fileRowNumber, 'a'|'r'|'d', tripId|null, [reason, ...]].
create table upload_chunks (
  upload_id uuid not null references uploads (id) on delete cascade,
  chunk int not null check (chunk >= 0),
  first_row int not null,
  row_count int not null,
  accepted int not null,
  rejected int not null,
  duplicates int not null,
  outcomes jsonb not null,
  created_at timestamptz not null default now(),
  primary key (upload_id, chunk)
);
