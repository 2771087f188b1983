-- The operator's overview (issue 13) reads the city's last days from the aggregates by day, and the
-- queues through partial indexes, so that none of its figures scans history.
create index trip_totals_day_idx on trip_totals (day);
create index statements_in_progress_idx on statements (ordered_at) where status in ('queued', 'running');
create index mail_messages_queued_idx on mail_messages (created_at) where status = 'queued';
create index jobs_open_idx on jobs (status) where status in ('queued', 'running', 'parked');
create index jobs_failed_idx on jobs (finished_at) where status in ('failed', 'parked');
