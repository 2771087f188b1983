-- Permits written without version rows (the demo seed did so after 0055): their present terms become
-- their first version, in force since always, as 0055 did for permits entered before versions.
insert into permit_versions (permit_id, version, in_force_from, valid_from, valid_to, issued_at)
select p.id, p.version, '-infinity', p.valid_from, p.valid_to, p.issued_at
  from permits p
 where not exists (select 1 from permit_versions v where v.permit_id = p.id);
insert into permit_version_lines (version_id, waste_code, permitted_volume, permitted_mass)
select v.id, w.waste_code, w.permitted_volume, w.permitted_mass
  from permit_versions v join permit_waste_types w on w.permit_id = v.permit_id
 where v.in_force_from = '-infinity' and not exists (select 1 from permit_version_lines l where l.version_id = v.id);
insert into permit_version_carriers (version_id, carrier_id)
select v.id, c.carrier_id
  from permit_versions v join permit_carriers c on c.permit_id = v.permit_id
 where v.in_force_from = '-infinity' and not exists (select 1 from permit_version_carriers x where x.version_id = v.id);
insert into permit_version_facilities (version_id, waste_code, facility_object_id, facility_id)
select v.id, w.waste_code, f.facility_object_id, f.facility_id
  from permit_versions v
  join permit_waste_types w on w.permit_id = v.permit_id
  join permit_facilities f on f.permit_id = v.permit_id
 where v.in_force_from = '-infinity' and not exists (select 1 from permit_version_facilities x where x.version_id = v.id);
