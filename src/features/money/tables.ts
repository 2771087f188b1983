/** The money feature's tables (migrations/0120_money.sql). Amounts are kopecks (bigint; read as text where they leave SQL). */
import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, Decimal, Timestamp } from '../../platform/db/schema.js';

/** bigint kopecks: written as bigint/string, read back as the pool's int8 parser gives (cast to text in queries that return amounts). */
type Kop = ColumnType<string | number, bigint | string | number, bigint | string | number>;

export interface TariffsTable {
  id: Generated<string>;
  facility_id: string;
  waste_code: string;
  unit: 'm3' | 't';
  price_kop: Kop;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface VatRatesTable {
  valid_from: DateOnly;
  rate: Decimal;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ActsTable {
  id: Generated<string>;
  number: string;
  facility_id: string;
  payer_id: string;
  month: DateOnly;
  seq: number;
  net_kop: Kop;
  vat_kop: Kop;
  total_kop: Kop;
  loads: number;
  status: ColumnType<'queued' | 'ready' | 'failed', 'queued' | 'ready' | 'failed' | undefined, 'queued' | 'ready' | 'failed'>;
  failure: string | null;
  document_id: string | null;
  pdf_key: string | null;
  pdf_sig_key: string | null;
  pdf_bytes: Kop | null;
  pdf_sha256: string | null;
  xlsx_key: string | null;
  xlsx_sig_key: string | null;
  xlsx_bytes: Kop | null;
  xlsx_sha256: string | null;
  ordered_by: string | null;
  created_at: Generated<Date>;
  ready_at: Timestamp | null;
}

export interface ChargesTable {
  trip_id: number;
  facility_id: string;
  payer_id: string;
  waste_code: string;
  unloaded_on: DateOnly;
  status: 'priced' | 'no_tariff';
  tariff_id: string | null;
  unit: 'm3' | 't' | null;
  quantity: Decimal | null;
  price_kop: Kop | null;
  amount_kop: Kop | null;
  vat_rate: Decimal | null;
  act_id: string | null;
  computed_at: Generated<Date>;
}

export interface InvoicesTable {
  id: Generated<string>;
  number: string;
  facility_id: string;
  payer_id: string;
  act_id: string;
  issued_on: DateOnly;
  due_on: DateOnly;
  net_kop: Kop;
  vat_kop: Kop;
  total_kop: Kop;
  paid_kop: ColumnType<string | number, bigint | string | number | undefined, bigint | string | number>;
  reminded_at: Timestamp | null;
  created_at: Generated<Date>;
  file_status: ColumnType<'queued' | 'ready' | 'failed', 'queued' | 'ready' | 'failed' | undefined, 'queued' | 'ready' | 'failed'>;
  document_id: string | null;
  pdf_key: string | null;
  pdf_sig_key: string | null;
  pdf_bytes: Kop | null;
  pdf_sha256: string | null;
  ready_at: Timestamp | null;
}

export interface BankImportsTable {
  id: Generated<string>;
  facility_id: string;
  file_name: string;
  sha256: string;
  account: string | null;
  period_from: DateOnly | null;
  period_to: DateOnly | null;
  documents: number;
  added: number;
  duplicates: number;
  outgoing: number;
  matched: number;
  unmatched: number;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

export interface PaymentsTable {
  id: Generated<string>;
  facility_id: string;
  source: 'manual' | 'bank';
  import_id: string | null;
  doc_number: string;
  doc_date: DateOnly;
  payer_account: ColumnType<string, string | undefined, string>;
  payer_inn: string | null;
  payer_name: string | null;
  payer_id: string | null;
  amount_kop: Kop;
  purpose: ColumnType<string, string | undefined, string>;
  invoice_id: string | null;
  match: ColumnType<'auto' | 'manual' | 'unmatched' | 'ignored', 'auto' | 'manual' | 'unmatched' | 'ignored' | undefined, 'auto' | 'manual' | 'unmatched' | 'ignored'>;
  match_note: string | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

/** Charges per side's organization × month × status × billed × facility (migrations/0380_money_totals.sql, kept by triggers on `charges`). */
export interface ChargeTotalsTable {
  organization_id: string;
  month: string;
  status: 'priced' | 'no_tariff';
  billed: boolean;
  facility_id: string;
  charges: string;
  amount_kop: string;
}

/** Invoices per side's organization × owing × paid in full × facility (migrations/0380_money_totals.sql, kept by triggers on `invoices`). */
export interface InvoiceTotalsTable {
  organization_id: string;
  owing: boolean;
  paid: boolean;
  facility_id: string;
  invoices: string;
  total_kop: string;
  paid_kop: string;
}

export interface MoneyTables {
  charge_totals: ChargeTotalsTable;
  invoice_totals: InvoiceTotalsTable;
  tariffs: TariffsTable;
  vat_rates: VatRatesTable;
  acts: ActsTable;
  charges: ChargesTable;
  invoices: InvoicesTable;
  bank_imports: BankImportsTable;
  payments: PaymentsTable;
}
