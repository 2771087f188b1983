-- Keyset paging of the remaining growing lists (issue 13): each list is read through an index that
-- ends in its sort key, scanned backwards for «newest first».
-- Permits: a site's (site_id, valid_from, id) and all of them for the operator (valid_from, id).
create index permits_site_from_idx on permits (site_id, valid_from, id);
create index permits_from_idx on permits (valid_from, id);
-- A site's statements (site_id, ordered_at, id).
create index statements_site_ordered_idx on statements (site_id, ordered_at, id);
drop index if exists statements_site_idx;
