-- Keyset paging of the money and telemetry lists (issue 13): each list is read through an index that
-- ends in its sort key, scanned backwards for «newest first». A list of either side of a deal (the
-- facility's or the payer's) is the union of two index scans, one per side.
-- Charges: (unloaded_on desc, trip_id desc) of the facility and of the payer.
create index charges_facility_idx on charges (facility_id, unloaded_on, trip_id);
drop index if exists charges_payer_idx;
create index charges_payer_idx on charges (payer_id, unloaded_on, trip_id);
-- Acts: (month desc, created_at desc, id desc).
create index acts_facility_month_idx on acts (facility_id, month, created_at, id);
drop index if exists acts_payer_idx;
create index acts_payer_idx on acts (payer_id, month, created_at, id);
-- Invoices: (issued_on desc, created_at desc, id desc).
create index invoices_facility_issued_idx on invoices (facility_id, issued_on, created_at, id);
drop index if exists invoices_payer_idx;
create index invoices_payer_idx on invoices (payer_id, issued_on, created_at, id);
-- Payments of a facility and of one bank statement: (doc_date desc, created_at desc, id desc); those
-- waiting for a match counted through their own partial index.
drop index if exists payments_facility_idx;
create index payments_facility_idx on payments (facility_id, doc_date, created_at, id);
create index payments_import_idx on payments (import_id, doc_date, created_at, id) where import_id is not null;
create index payments_unmatched_idx on payments (facility_id) where match = 'unmatched';
-- Telemetry reviews of every carrier for the operator (by status: telemetry_reviews_open_idx; a
-- carrier's: telemetry_reviews_carrier_idx): (created_at desc, id desc).
create index telemetry_reviews_created_idx on telemetry_reviews (created_at, id);
-- Unknown terminals: (last_seen desc, terminal desc).
create index telemetry_unknown_terminals_seen_idx on telemetry_unknown_terminals (last_seen, terminal);
