-- Documents an operator can stand behind (issue 10; issue 12, Medium 8).
--
-- 1. The registry of issued documents: every document the system issues
--    (statements now; permits and reports next) is recorded here with a short
--    verification code printed on it, what it says (parties, period, totals),
--    its files' hashes, the signer's certificate, and whether it is valid or
--    was annulled by the operator (when, by whom, why). A public page shows
--    the record by its code.
-- 2. Where an organization's details came from, field by field: the state
--    register (ЕГРЮЛ/ЕГРИП), an e-signature certificate, or typed by hand.

create table documents (
  id uuid primary key default gen_random_uuid(),
  -- 15 characters of Crockford's base32 (no I, L, O, U): 75 random bits, printed as XXXXX-XXXXX-XXXXX.
  code text not null unique check (code ~ '^[0-9A-HJKMNP-TV-Z]{15}$'),
  kind text not null check (kind ~ '^[a-z_]{1,40}$'),            -- 'statement', 'permit', …
  subject_id uuid not null,                                        -- the feature's row
  number text not null,
  issued_at timestamptz not null,                                  -- the document's date
  organization_id uuid references organizations (id),              -- whose document (e.g. the producer)
  -- Organizations as they were at the document's time, with where their details came from:
  -- {"issuer": {…}, "producer": {…}, "carriers": [{…}], "facilities": [{…}]}.
  parties jsonb not null default '{}',
  -- What the document states, as printed: [{"label": "...", "value": "..."}].
  facts jsonb not null default '[]',
  totals jsonb not null default '[]',
  period_from date,
  period_to date,
  status text not null default 'preparing' check (status in ('preparing', 'valid', 'annulled', 'failed')),
  signer jsonb,                                                    -- owner, serial, issuer, validity, fingerprint
  signer_certificate text,                                         -- PEM
  signed_at timestamptz,
  timestamped_at timestamptz,                                      -- RFC 3161 time-stamp (CAdES-T), when present
  annulled_at timestamptz,
  annulled_by uuid references persons (id),
  annul_reason text check (annul_reason is null or length(annul_reason) between 5 and 1000),
  created_at timestamptz not null default now(),
  unique (kind, subject_id),
  check (status <> 'annulled' or (annulled_at is not null and annul_reason is not null)),
  check (status not in ('valid', 'annulled') or (signed_at is not null and signer is not null))
);
create index documents_org_idx on documents (organization_id, issued_at desc);

-- A document's files: hashes of what was signed, and of the detached signature.
create table document_files (
  document_id uuid not null references documents (id),
  kind text not null check (kind ~ '^[a-z]{2,8}$'),                -- 'pdf', 'xlsx'
  bytes bigint not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  streebog text not null check (streebog ~ '^[0-9a-f]{64}([0-9a-f]{64})?$'),  -- Стрибог-256 or -512, as signed
  signature_sha256 text not null check (signature_sha256 ~ '^[0-9a-f]{64}$'),
  primary key (document_id, kind)
);
create index document_files_sha256_idx on document_files (sha256);

-- Codes for the statements issued before the registry existed (their files carry no code,
-- but uploading one with its .sig still finds its record by hash).
create function documents_random_code() returns text language sql volatile as $$
  select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (get_byte(uuid_send(gen_random_uuid()), 0) % 32) + 1, 1), '')
  from generate_series(1, 15)
$$;

insert into documents (code, kind, subject_id, number, issued_at, organization_id, period_from, period_to, status, signer, signed_at, facts)
select documents_random_code(), 'statement', st.id, st.number, st.ordered_at, st.organization_id, st.period_from, st.period_to, 'valid',
       jsonb_build_object('serialNumber', st.signer_serial), coalesce(st.signed_at, st.ready_at),
       jsonb_build_array(jsonb_build_object('label', 'Примечание', 'value', 'Документ выпущен до ведения реестра: код на нём не напечатан'))
  from statements st where st.status = 'ready';
insert into document_files (document_id, kind, bytes, sha256, streebog, signature_sha256)
select d.id, f.kind, f.bytes, f.sha256, case f.kind when 'pdf' then st.pdf_streebog256 else st.xlsx_streebog256 end, sig.sha256
  from documents d
  join statements st on st.id = d.subject_id and d.kind = 'statement'
  join statement_files f on f.statement_id = st.id and f.kind in ('pdf', 'xlsx')
  join statement_files sig on sig.statement_id = st.id and sig.kind = f.kind || '.sig'
 where case f.kind when 'pdf' then st.pdf_streebog256 else st.xlsx_streebog256 end is not null;

-- Organizations: where each detail came from ({"name": "register", "address": "manual", …})
-- and when the details last changed; the profile shows it, documents print it.
alter table organizations add column field_sources jsonb not null default '{}';
alter table organizations add column details_changed_at timestamptz;
update organizations set field_sources = jsonb_build_object('name', profile_source, 'short_name', profile_source, 'kpp', profile_source, 'address', profile_source,
  'inn', case when profile_source = 'manual' then 'manual' else profile_source end,
  'ogrn', case when profile_source = 'manual' then 'manual' else profile_source end);
