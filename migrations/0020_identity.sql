-- Identity: throttling, devices, second factor, password recovery, e-signature
-- and OpenID Connect sign-in, trusted persons' invitations, the mail outbox.

-- How a session was opened and whether a second factor (or a qualified
-- e-signature) stands behind it; a one-time link ends it from a warning e-mail.
alter table sessions add column auth_method text not null default 'password'
  check (auth_method in ('password', 'totp', 'recovery_code', 'certificate', 'oidc'));
alter table sessions add column strong boolean not null default false;
alter table sessions add column device text;
alter table sessions add column end_token_hash bytea unique;

-- Organizations may require a second factor from everyone acting for them.
alter table organizations add column require_second_factor boolean not null default false;
-- Where the profile came from: the state register or typed by hand.
alter table organizations add column profile_source text not null default 'manual'
  check (profile_source in ('register', 'manual', 'certificate'));
alter table organizations add column profile_checked_at timestamptz;

-- Failed sign-ins per login and per IP; a key is locked for a while after
-- repeated failures. Keys are kept whether or not the login exists.
create table login_throttle (
  key text primary key,                       -- 'login:<normalized>' or 'ip:<address>'
  failures int not null default 0,
  window_started_at timestamptz not null default now(),
  locked_until timestamptz
);

-- Devices (browser family + IP) a person has signed in from.
create table known_devices (
  person_id uuid not null references persons (id),
  fingerprint text not null,
  description text not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (person_id, fingerprint)
);

-- TOTP (RFC 6238) second factor; the secret is pending until confirmed with a code.
create table person_totp (
  person_id uuid primary key references persons (id),
  secret text not null,
  enabled_at timestamptz,
  last_step bigint                           -- last accepted time step: a code is used once
);

create table recovery_codes (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references persons (id),
  code_hash bytea not null,
  used_at timestamptz
);
create index recovery_codes_person_idx on recovery_codes (person_id);

-- One-time challenges: e-signature sign-in, a pending second factor, an OpenID Connect login.
create table auth_challenges (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('certificate', 'second_factor', 'oidc')),
  secret_hash bytea not null unique,
  person_id uuid references persons (id),
  payload jsonb not null default '{}',
  attempts int not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

-- Password recovery: a link (token) and a short code, sent by e-mail.
create table password_resets (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references persons (id),
  token_hash bytea not null unique,
  code_hash bytea not null,
  attempts int not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_resets_person_idx on password_resets (person_id);

-- Invitations of trusted persons (seed 003): by СНИЛС, for a term, standard or full access.
create table trusted_invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  snils text not null check (snils ~ '^\d{11}$'),
  access text not null check (access in ('standard', 'full')),
  valid_until timestamptz not null,
  invited_by uuid not null references persons (id),
  created_at timestamptz not null default now(),
  accepted_at timestamptz,
  accepted_by uuid references persons (id),
  membership_id uuid references memberships (id),
  removed_at timestamptz,
  removed_by uuid references persons (id)
);
create index trusted_invitations_org_idx on trusted_invitations (organization_id, created_at desc);
create index trusted_invitations_snils_idx on trusted_invitations (snils) where accepted_at is null and removed_at is null;

-- Outgoing e-mail: written in the same transaction as the change, sent by the job `mail.send`.
create table mail_messages (
  id uuid primary key default gen_random_uuid(),
  person_id uuid references persons (id),
  to_address text not null,
  subject text not null,
  body_text text not null,
  body_html text,
  status text not null default 'queued' check (status in ('queued', 'sent', 'outbox', 'failed')),
  attempts int not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mail_messages_created_idx on mail_messages (created_at desc);
