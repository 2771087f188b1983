-- The invoice (счёт на оплату) as a signed PDF in the registry of issued documents (issue 14):
-- its own record (kind 'invoice', its code and QR code), rendered by the job 'money.invoice'.
alter table invoices
  add column file_status text not null default 'queued' check (file_status in ('queued', 'ready', 'failed')),
  add column document_id uuid references documents (id),
  add column pdf_key text,
  add column pdf_sig_key text,
  add column pdf_bytes bigint,
  add column pdf_sha256 text,
  add column ready_at timestamptz,
  add check (file_status <> 'ready' or (pdf_key is not null and pdf_sig_key is not null));

-- Invoices made before: their records are reserved with the parties of their act (as printed on
-- it), and their PDFs are made by the job like those of new invoices.
insert into documents (code, kind, subject_id, number, issued_at, organization_id, parties, period_from, period_to)
select documents_random_code(), 'invoice', i.id, 'Счёт № ' || i.number, d.issued_at, i.payer_id, d.parties, d.period_from, d.period_to
  from invoices i join documents d on d.kind = 'service_act' and d.subject_id = i.act_id
on conflict (kind, subject_id) do nothing;
insert into jobs (name, payload, key, max_attempts)
select 'money.invoice', jsonb_build_object('invoiceId', i.id), 'money.invoice:' || i.id, 5
  from invoices i join documents d on d.kind = 'invoice' and d.subject_id = i.id
on conflict (key) do nothing;
