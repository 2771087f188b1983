-- Late points that correct a detected trip (issue 16, detect-job.ts correctLate): a trip that is still
-- one trip is corrected in place (it keeps its number); a detection the track no longer shows is not
-- deleted but marked cancelled with the reason (its telemetry trip, which has no cancelled state in
-- `trips`, is removed from the trips — recorded in the audit log and told to the carrier and the facility —
-- and its number kept here). A cancelled detection no longer holds its vehicle's loading moment: the
-- re-detected one (e.g. a body raised outside every facility after the same loading) takes it.
alter table telemetry_detections
  add column cancelled_at timestamptz,
  add column cancel_reason text check (length(cancel_reason) <= 2000),
  add column cancelled_trip_id bigint;
alter table telemetry_detections drop constraint telemetry_detections_vehicle_id_loaded_at_key;
create unique index telemetry_detections_vehicle_loaded_key on telemetry_detections (vehicle_id, loaded_at) where cancelled_at is null;
