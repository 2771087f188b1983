/** Tables of the identity feature (see migrations/0020_identity.sql). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface LoginThrottleTable {
  key: string;
  failures: ColumnType<number, number | undefined, number>;
  window_started_at: ColumnType<Date, Date | string | undefined, Date | string>;
  locked_until: Timestamp | null;
  last_failure_at: Timestamp | null;
}

export interface KnownDevicesTable {
  person_id: string;
  fingerprint: string;
  description: string;
  first_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PersonTotpTable {
  person_id: string;
  secret: string;
  enabled_at: Timestamp | null;
  last_step: ColumnType<string | null, number | string | null | undefined, number | string | null>;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  person_id: string;
  code_hash: Buffer;
  used_at: Timestamp | null;
}

export interface AuthChallengesTable {
  id: Generated<string>;
  kind: 'certificate' | 'second_factor' | 'oidc';
  secret_hash: Buffer;
  person_id: string | null;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface PasswordResetsTable {
  id: Generated<string>;
  person_id: string;
  token_hash: Buffer;
  code_hash: Buffer;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface TrustedInvitationsTable {
  id: Generated<string>;
  organization_id: string;
  snils: string;
  access: 'standard' | 'full';
  valid_until: Timestamp;
  invited_by: string;
  created_at: Generated<Date>;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  membership_id: string | null;
  removed_at: Timestamp | null;
  removed_by: string | null;
}

export type MailStatus = 'queued' | 'sent' | 'outbox' | 'failed';

export interface MailMessagesTable {
  id: Generated<string>;
  person_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  status: ColumnType<MailStatus, MailStatus | undefined, MailStatus>;
  /** 'sms': `to_address` is a phone (+7XXXXXXXXXX) and the text goes by SMS (migration 0165). */
  channel: ColumnType<'email' | 'sms', 'email' | 'sms' | undefined, 'email' | 'sms'>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
}

/** Secrets of a queued message (reset link and code…), read only by the send job and wiped once used or expired. */
export interface MailSecretsTable {
  message_id: string;
  secrets: ColumnType<Record<string, string>, string, string>;
  expires_at: Timestamp;
}

/**
 * Columns this feature's migration adds to core tables. Use them through
 * `withIdentityColumns(db)` (Kysely `withTables`, which intersects the types).
 */
export type IdentityCoreColumns = {
  sessions: {
    auth_method: ColumnType<SessionAuthMethod, SessionAuthMethod | undefined, SessionAuthMethod>;
    strong: ColumnType<boolean, boolean | undefined, boolean>;
    device: string | null;
    end_token_hash: Buffer | null;
  };
  organizations: {
    require_second_factor: ColumnType<boolean, boolean | undefined, boolean>;
    profile_source: ColumnType<'register' | 'manual' | 'certificate', 'register' | 'manual' | 'certificate' | undefined, 'register' | 'manual' | 'certificate'>;
    profile_checked_at: Timestamp | null;
  };
};

export type SessionAuthMethod = 'password' | 'totp' | 'recovery_code' | 'certificate' | 'oidc';

export interface IdentityTables {
  login_throttle: LoginThrottleTable;
  known_devices: KnownDevicesTable;
  person_totp: PersonTotpTable;
  recovery_codes: RecoveryCodesTable;
  auth_challenges: AuthChallengesTable;
  password_resets: PasswordResetsTable;
  trusted_invitations: TrustedInvitationsTable;
  mail_messages: MailMessagesTable;
  mail_secrets: MailSecretsTable;
}
