-- Anchors of the audit log: checkpoints of the chain head (id, hash, count,
-- time) signed with the operator's key. The signed files live apart from the
-- database, under <DATA_DIR>/audit-checkpoints/; this table lists them.
-- Both the log and this list are append-only, and neither may be truncated.

create function refuse_change_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', TG_TABLE_NAME;
end $$;

create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function refuse_change_append_only();

create table audit_checkpoints (
  seq integer primary key check (seq > 0),
  head_id bigint not null check (head_id >= 0),           -- 0: the log was empty
  head_hash text not null check (head_hash ~ '^[0-9a-f]{64}$'),
  row_count bigint not null check (row_count >= 0),
  created_at timestamptz not null,
  file text not null unique,                               -- name under audit-checkpoints/ (its signature: file || '.sig')
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'), -- of the file's bytes
  signer_serial text not null
);

create trigger audit_checkpoints_no_update before update or delete on audit_checkpoints
  for each row execute function refuse_change_append_only();
create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
  for each statement execute function refuse_change_append_only();
