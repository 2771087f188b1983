-- Keyset paging of the trips lists (issue 13): every list is ordered by (unloaded_at desc, id desc)
-- and read through an index whose last column is unloaded_at. The site's, permit's, carrier's and
-- facility's lists have theirs since 0001; these two complete the set:
-- a vehicle's trips (the vehicle card), and the operator's list of all trips.
create index trips_vehicle_unloaded_idx on trips (vehicle_id, unloaded_at);
create index trips_unloaded_idx on trips (unloaded_at);
