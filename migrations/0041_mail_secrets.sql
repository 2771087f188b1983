-- Secrets of outgoing e-mail (a password-reset link and code, the link that
-- ends a session) are kept apart from the message: the body holds a
-- placeholder, the value lives here until the send job puts it into the
-- letter it hands to SMTP, and is deleted then (or when the message stays in
-- the local outbox, fails for good, or the secret expires). Nothing that shows
-- a message can read this table's values.
create table mail_secrets (
  message_id uuid primary key references mail_messages (id) on delete cascade,
  secrets jsonb not null,
  expires_at timestamptz not null
);
create index mail_secrets_expires_idx on mail_secrets (expires_at);

-- Messages written before held their secrets in the text: hide them.
update mail_messages
   set body_text = regexp_replace(
         regexp_replace(body_text, 'https?://\S*[?&](token|code)=\S+', '«ссылка скрыта»', 'gi'),
         'код \d{6}', 'код «скрыт»', 'g'),
       body_html = null
 where body_text ~* '[?&](token|code)=' or body_text ~ 'код \d{6}';
