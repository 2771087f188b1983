-- The charges list filtered to the charges not yet in an act or without tariff (issue 13): each side of
-- the list by keyset on (unloaded_on desc, trip_id desc) through an index of those charges only. Through
-- charges_facility_idx / charges_payer_idx such a page walked every charge of the organization newer than
-- its rows — all of them when there are none (measured: 35 ms of PostgreSQL CPU a request at 200,000
-- billed charges of a facility, `npm run bench -- money`). Both sets are small as money goes: what is not
-- billed yet (the current month) and what waits for a tariff.
create index charges_facility_unbilled_idx on charges (facility_id, unloaded_on, trip_id) where act_id is null;
create index charges_payer_unbilled_idx on charges (payer_id, unloaded_on, trip_id) where act_id is null;
create index charges_facility_no_tariff_idx on charges (facility_id, unloaded_on, trip_id) where status = 'no_tariff';
create index charges_payer_no_tariff_idx on charges (payer_id, unloaded_on, trip_id) where status = 'no_tariff';
