-- The register pages read in keyset order: a carrier's vehicles by plate, the
-- operator's registers by name / plate / number; the history of an entry by id.
create index vehicles_carrier_plate_idx on vehicles (carrier_id, plate);
create index sites_producer_name_idx on sites (producer_id, name, id);
create index organizations_name_idx on organizations (name, id);
create index facilities_name_idx on facilities (name, id);
