-- Late points that change a trip already detected (detect-job.ts): a detection not yet settled is
-- corrected in place of the first one; one whose trip is formed (27 h) or decided by the facility, or
-- whose case the operator closed, stays as it is and goes to the review list with this reason.
alter table telemetry_reviews drop constraint telemetry_reviews_reason_code_check;
alter table telemetry_reviews add constraint telemetry_reviews_reason_code_check
  check (reason_code in ('dump_outside', 'no_permit', 'ambiguous_permit', 'rejected', 'facility_differs', 'no_volume', 'late_points'));
