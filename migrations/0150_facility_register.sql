-- The receiving facilities' register kept by facility organizations, and the
-- operator's registers (issue 9): the licence's date of issue beside its
-- number and term, a version of an organization's register entry (its
-- suspensions and restorations are history rows like any register change),
-- and the keyset orders of the operator's lists.

alter table facilities add column licence_issued_on date;
alter table facilities add constraint facilities_licence_dates check (licence_valid_until is null or licence_issued_on is null or licence_valid_until >= licence_issued_on);
create index facilities_org_name_idx on facilities (organization_id, name, id);

alter table organizations add column register_version int not null default 1;

-- The operator's site register: every producer's sites by name.
create index sites_name_idx on sites (name, id);
