-- Owners' meetings (issue 15): the notice, the ballots and the protocol as issued documents
-- (each rendering its own registry record with its verification code, signed with the
-- operator's signer), made by background jobs; the exchange with ГИС ЖКХ (its simulator here)
-- with the request's message GUID, attempts and the time of the next state poll.

alter table meetings
  add column notice_status text not null default 'none' check (notice_status in ('none', 'queued', 'ready', 'failed')),
  add column notice_error text,
  add column notice_document_id uuid references documents (id),
  add column ballots_status text not null default 'none' check (ballots_status in ('none', 'queued', 'ready', 'failed')),
  add column ballots_error text,
  add column ballots_document_id uuid references documents (id),
  add column ballots_key text,
  add column ballots_sig_key text,
  add column ballots_bytes bigint,
  add column ballots_sha256 text,
  add column protocol_status text not null default 'none' check (protocol_status in ('none', 'queued', 'ready', 'failed')),
  add column protocol_error text,
  add column protocol_document_id uuid references documents (id),
  -- The upload request: the transport GUID we send (idempotent: a retry sends the same one).
  add column gis_request_guid uuid,
  add column gis_attempts integer not null default 0;

-- Protocol numbers of a year: ПР-2026-000001.
create sequence meeting_protocol_seq;
