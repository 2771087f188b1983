-- Trips judged by the permit version in force when they were loaded (issue 9).
--
-- The version a trip was judged under: its number among the permit's versions (permit_versions.version;
-- a permit entered before versions counts as its present version). Null for trips written before this
-- migration or by paths that do not judge (the demo's COPY, trackers).
alter table trips add column permit_version int check (permit_version >= 1);

-- The moment a permit was revoked: trips loaded from then on are refused, those loaded before are judged
-- by the version in force then. A permit revoked without a moment (entered so before) refuses every trip.
alter table permits add column revoked_at timestamptz;
alter table permits add constraint permits_revoked_at_status check (revoked_at is null or status = 'revoked');
