-- The operator's revocation of a permit (аннулирование): who revoked it and why, beside revoked_at (0155).
-- Trips loaded from revoked_at on are refused by judgeTripPermit; those loaded before stay as they were.
alter table permits add column revoked_reason text;
alter table permits add column revoked_by uuid references persons (id);
alter table permits add constraint permits_revoked_reason check (revoked_reason is null or revoked_at is not null);
