-- Profiles and settings (seed 003, issue 11).

-- A message of the outbox goes by e-mail or, for a phone's confirmation code, by SMS.
alter table mail_messages add column channel text not null default 'email' check (channel in ('email', 'sms'));

-- A code sent to confirm a person's e-mail or phone. The address becomes the person's
-- (and a sign-in login) only when the code is entered; a contact is «подтверждён» while
-- the person's current value equals a confirmed row's value.
create table contact_confirmations (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references persons (id),
  channel text not null check (channel in ('email', 'phone')),
  value text not null,
  code_hash bytea not null,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  confirmed_at timestamptz
);
create index contact_confirmations_person_idx on contact_confirmations (person_id, channel, created_at desc);

-- Which events a person receives by e-mail (no row: yes). The cabinet's notice is always kept.
create table notification_settings (
  person_id uuid not null references persons (id),
  event text not null,
  email boolean not null,
  updated_at timestamptz not null default now(),
  primary key (person_id, event)
);
