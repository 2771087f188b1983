-- Analytics (issue 14): a carrier's dashboard reads trip_totals by carrier and day, like the producer's
-- (by site) and the facility's (by facility) already do — never a scan of the totals of others.
create index trip_totals_carrier_day_idx on trip_totals (carrier_id, day);
