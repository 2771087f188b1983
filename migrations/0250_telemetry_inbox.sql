-- Late and out-of-order points (issue 16): every statement that stores points of a known vehicle
-- (the receiver's batches, the demo, a terminal later attached to a vehicle) notes, per vehicle, the
-- earliest and latest moment it brought. The detection job takes a vehicle's note in its transaction
-- (delete … returning) and, when the earliest moment lies before where it had got to, reads the
-- affected window again; a detection overlapping one already made is the same trip (no doubles).
-- A writer committing while the job holds the note waits for it and leaves a fresh one: nothing slips
-- between the two.
create table telemetry_detect_inbox (
  vehicle_id uuid primary key references vehicles (id),
  min_at timestamptz not null,
  max_at timestamptz not null
);

create or replace function telemetry_points_note() returns trigger language plpgsql as $$
begin
  insert into telemetry_detect_inbox as i (vehicle_id, min_at, max_at)
  select vehicle_id, min(at), max(at) from new_points where vehicle_id is not null group by vehicle_id order by vehicle_id
  on conflict (vehicle_id) do update set min_at = least(i.min_at, excluded.min_at), max_at = greatest(i.max_at, excluded.max_at);
  return null;
end $$;

create trigger telemetry_points_note_insert after insert on telemetry_points
  referencing new table as new_points for each statement execute function telemetry_points_note();
create trigger telemetry_points_note_update after update on telemetry_points
  referencing new table as new_points for each statement execute function telemetry_points_note();

-- Points stored before this migration that no run has read yet.
insert into telemetry_detect_inbox (vehicle_id, min_at, max_at)
select p.vehicle_id, min(p.at), max(p.at) from telemetry_points p
  left join telemetry_detect_state s on s.vehicle_id = p.vehicle_id
 where p.vehicle_id is not null and p.at > coalesce(s.scanned_to, '-infinity')
 group by p.vehicle_id;
