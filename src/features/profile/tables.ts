/** Tables of the personal profile (migrations/0165_profile.sql). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A code sent to confirm a person's e-mail or phone; the value becomes the person's when the code is entered. */
export interface ContactConfirmationsTable {
  id: Generated<string>;
  person_id: string;
  channel: 'email' | 'phone';
  value: string;
  code_hash: Buffer;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Timestamp;
  confirmed_at: Timestamp | null;
}

export interface ProfileTables {
  contact_confirmations: ContactConfirmationsTable;
}
