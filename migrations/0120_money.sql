-- Money for waste handling (issue 14, the money part): tariffs, VAT rates, charges of accepted
-- loads, monthly acts of services, invoices, payments (by hand and from 1C bank statements).
-- Every amount is a whole number of kopecks (bigint), never a float.

-- A receiving facility's prices per ФККО code and unit (per m³ or per t), without VAT, with validity
-- dates (Moscow days, inclusive; valid_to null = until further notice). Periods of the same facility,
-- code and unit never overlap (checked by the use-case under a lock, refused with «tariff_overlap»).
create table tariffs (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references organizations (id),
  waste_code text not null references waste_types (code),
  unit text not null check (unit in ('m3', 't')),
  price_kop bigint not null check (price_kop > 0 and price_kop <= 100000000000),
  valid_from date not null,
  valid_to date,
  created_by uuid references persons (id),
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);
create index tariffs_lookup_idx on tariffs (facility_id, waste_code, unit, valid_from);

-- VAT rates: a rate is in force from its date until the next rate's date (one step function for the
-- whole system, kept by the operator). Seeded with the rates of the Tax Code (ст. 164 НК РФ):
-- 20 % from 01.01.2019, 22 % from 01.01.2026.
create table vat_rates (
  valid_from date primary key,
  rate numeric(5, 2) not null check (rate >= 0 and rate < 100),
  note text,
  created_by uuid references persons (id),
  created_at timestamptz not null default now()
);
insert into vat_rates (valid_from, rate, note) values
  ('2019-01-01', 20.00, 'ст. 164 НК РФ в ред. Федерального закона от 03.08.2018 № 303-ФЗ'),
  ('2026-01-01', 22.00, 'ст. 164 НК РФ: ставка 22 % с 01.01.2026');

-- Monthly acts of services (акт оказанных услуг): one facility, one payer, one month. Several acts
-- for the same month are possible (loads accepted after an act go into the next one, «дополнительный»).
create table acts (
  id uuid primary key default gen_random_uuid(),
  number text not null,
  facility_id uuid not null references organizations (id),
  payer_id uuid not null references organizations (id),
  month date not null check (extract(day from month) = 1),
  seq int not null default 1,                                      -- 1, 2, … for the same facility, payer, month
  net_kop bigint not null,
  vat_kop bigint not null,
  total_kop bigint not null,
  loads int not null,
  status text not null default 'queued' check (status in ('queued', 'ready', 'failed')),
  failure text,
  document_id uuid references documents (id),
  pdf_key text, pdf_sig_key text, pdf_bytes bigint, pdf_sha256 text,
  xlsx_key text, xlsx_sig_key text, xlsx_bytes bigint, xlsx_sha256 text,
  ordered_by uuid references persons (id),
  created_at timestamptz not null default now(),
  ready_at timestamptz,
  unique (facility_id, number),
  unique (facility_id, payer_id, month, seq)
);
create index acts_payer_idx on acts (payer_id, month desc);

-- A charge per accepted load, computed when the facility accepts it (in the same transaction).
-- status 'priced': at the tariff in force on the Moscow day of unloading; 'no_tariff': no tariff was
-- in force (amount null) — priced later when the facility adds a tariff covering that day.
create table charges (
  trip_id bigint primary key references trips (id),
  facility_id uuid not null references organizations (id),
  payer_id uuid not null references organizations (id),
  waste_code text not null references waste_types (code),
  unloaded_on date not null,                                       -- Moscow day of unloading
  status text not null check (status in ('priced', 'no_tariff')),
  tariff_id uuid references tariffs (id),
  unit text check (unit in ('m3', 't')),
  quantity numeric(12, 3),
  price_kop bigint,
  amount_kop bigint,                                               -- without VAT, rounded to the kopeck (half up)
  vat_rate numeric(5, 2),
  act_id uuid references acts (id),
  computed_at timestamptz not null default now(),
  check (status <> 'priced' or (tariff_id is not null and amount_kop is not null and vat_rate is not null))
);
create index charges_billing_idx on charges (facility_id, payer_id, unloaded_on) where act_id is null;
create index charges_act_idx on charges (act_id, trip_id);
create index charges_payer_idx on charges (payer_id, unloaded_on);

-- Invoices (счёт на оплату), one per act, made with it.
create table invoices (
  id uuid primary key default gen_random_uuid(),
  number text not null,
  facility_id uuid not null references organizations (id),
  payer_id uuid not null references organizations (id),
  act_id uuid not null unique references acts (id),
  issued_on date not null,
  due_on date not null,
  net_kop bigint not null,
  vat_kop bigint not null,
  total_kop bigint not null,
  paid_kop bigint not null default 0,
  reminded_at timestamptz,
  created_at timestamptz not null default now(),
  unique (facility_id, number)
);
create index invoices_payer_idx on invoices (payer_id, issued_on desc);

-- Bank statement files imported (1C «ClientBankExchange»).
create table bank_imports (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references organizations (id),
  file_name text not null,
  sha256 text not null,
  account text,
  period_from date,
  period_to date,
  documents int not null,
  added int not null,
  duplicates int not null,
  outgoing int not null,
  matched int not null,
  unmatched int not null,
  imported_by uuid references persons (id),
  imported_at timestamptz not null default now()
);

-- Payments received by a facility: recorded by hand or read from a bank statement. A payment is
-- matched to one invoice (automatically or by a person); unmatched ones wait for a person.
create table payments (
  id uuid primary key default gen_random_uuid(),
  facility_id uuid not null references organizations (id),
  source text not null check (source in ('manual', 'bank')),
  import_id uuid references bank_imports (id),
  doc_number text not null,
  doc_date date not null,
  payer_account text not null default '',
  payer_inn text,
  payer_name text,
  payer_id uuid references organizations (id),
  amount_kop bigint not null check (amount_kop > 0),
  purpose text not null default '',
  invoice_id uuid references invoices (id),
  match text not null default 'unmatched' check (match in ('auto', 'manual', 'unmatched', 'ignored')),
  match_note text,
  recorded_by uuid references persons (id),
  created_at timestamptz not null default now(),
  check ((invoice_id is null) = (match in ('unmatched', 'ignored')))
);
-- Importing the same statement again adds nothing: a bank document is its number, date and payer's account.
create unique index payments_bank_doc_idx on payments (facility_id, doc_number, doc_date, payer_account) where source = 'bank';
create index payments_invoice_idx on payments (invoice_id);
create index payments_facility_idx on payments (facility_id, doc_date desc);
create index payments_payer_idx on payments (payer_id, doc_date desc);
