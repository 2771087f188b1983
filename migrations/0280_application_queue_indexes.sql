-- The operator's queue filtered by status and district (the back office's most used filter) read
-- permit_applications_queue_idx in submission order and dropped the other statuses and districts:
-- about 3,000 rows read for a page of 50 at 100,000 applications (`npm run bench -- registers --explain`).
-- «Мои заявки» filtered by status likewise read the organization's applications of every status.
-- Each gets an index in its own order.
create index permit_applications_queue_status_district_idx on permit_applications (status, district, submitted_at, id) where first_submitted_at is not null;
create index permit_applications_org_status_idx on permit_applications (organization_id, status, updated_at desc, id desc);
