-- Keyset paging of the telemetry detections and of the declared-trip check (issue 13): each list is
-- read through an index that ends in its sort key (unloaded_at desc, id desc), scanned backwards.
-- Detections: one scan per outcome (the filter of the list) for each side that may see them —
-- the operator's all, a carrier's vehicles', a producer's sites', a facility's objects'.
create index telemetry_detections_outcome_idx on telemetry_detections (outcome, unloaded_at, id);
create index telemetry_detections_carrier_idx on telemetry_detections (carrier_id, outcome, unloaded_at, id);
create index telemetry_detections_site_idx on telemetry_detections (site_id, outcome, unloaded_at, id);
create index telemetry_detections_object_idx on telemetry_detections (facility_object_id, outcome, unloaded_at, id);
-- The carriers' declared trips judged against the tracks, by state of the check: partial indexes
-- holding only the checked declared trips (the detection job sets the state after the trip is
-- written, so ingestion by COPY does not touch them).
create index trips_check_unloaded_idx on trips (telemetry_check, unloaded_at, id) where telemetry_check is not null and source <> 'telemetry';
create index trips_check_carrier_idx on trips (carrier_id, telemetry_check, unloaded_at, id) where telemetry_check is not null and source <> 'telemetry';
create index trips_check_facility_idx on trips (facility_id, telemetry_check, unloaded_at, id) where telemetry_check is not null and source <> 'telemetry';
create index trips_check_site_idx on trips (site_id, telemetry_check, unloaded_at, id) where telemetry_check is not null and source <> 'telemetry';
