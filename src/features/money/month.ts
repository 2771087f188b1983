/** Months of acts, and the organizations as printed on money documents (snapshots taken when ordered). */
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { formatDateRu } from '../../domain/period.js';

export const MONTHS_RU = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
export const monthText = (month: string) => `${MONTHS_RU[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)} г.`;

/** 'YYYY-MM' → its first day, last day, and the first day of the next month. */
export function monthRange(month: string): { first: string; next: string; last: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const first = `${month.slice(0, 7)}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first, next, last: `${month.slice(0, 7)}-${String(lastDay).padStart(2, '0')}` };
}

export interface OrgSnapshot {
  name: string;
  shortName: string | null;
  inn: string;
  kpp: string | null;
  ogrn: string | null;
  address: string | null;
  /** Bank details as of the order (absent in snapshots taken before migration 0300, or when not filled). */
  bank?: { account: string; bik: string; corrAccount: string | null; name: string } | null;
}

export async function orgSnapshot(trx: Transaction<Database>, id: string): Promise<OrgSnapshot> {
  const o = await trx
    .selectFrom('organizations')
    .select(['name', 'short_name', 'inn', 'kpp', 'ogrn', 'address', 'bank_account', 'bank_bik', 'bank_corr_account', 'bank_name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const bank = o.bank_account && o.bank_bik && o.bank_name ? { account: o.bank_account, bik: o.bank_bik, corrAccount: o.bank_corr_account, name: o.bank_name } : null;
  return { name: o.name, shortName: o.short_name, inn: o.inn, kpp: o.kpp, ogrn: o.ogrn, address: o.address, bank };
}

export const ruDate = formatDateRu;
