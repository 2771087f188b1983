-- Declared trips are checked against the trips the vehicle's telemetry already formed (record-trips.ts,
-- «the same trip»): a lateral lookup per declared trip. Through trips_vehicle_loaded_key it read every
-- trip of the vehicle in the 48-hour window and its heap row to test the source — half the cost of a
-- 10,000-trip batch. This partial index holds only the trips formed from telemetry.
create index trips_telemetry_vehicle_idx on trips (vehicle_id, loaded_at) where source = 'telemetry';
