/**
 * Report kinds as versioned definitions: what a report holds (its columns,
 * by ФККО code — and facility, for a permit's closing report), which of the
 * figures the system prefills and from where, the rules checked before it is
 * filed (required figures, the balance by code), its period, its deadline and
 * who files it. Plain data and pure functions: the cabinet imports this module
 * too (web/src/lib/shared.ts), so the form and the server say the same.
 *
 * A definition is chosen by the period's start (`definitionFor`): a later
 * change of a form adds a version with its `validFrom`, and reports filed
 * under the earlier one keep it (`reports.definition_version`).
 */
import { fromScaled, toScaled } from '../../domain/quantity.js';

export type ReportKind = 'facility_monthly' | 'permit_closing' | 'tp2_waste';
export const REPORT_KINDS: readonly ReportKind[] = ['facility_monthly', 'permit_closing', 'tp2_waste'];

/** Where a prefilled figure comes from. */
export type PrefillSource = 'trips' | 'previous' | 'permit' | 'reports';
export const PREFILL_SOURCE_LABELS: Readonly<Record<PrefillSource, string>> = {
  trips: 'по принятым рейсам',
  previous: 'из предыдущего поданного отчёта',
  permit: 'из разрешения',
  reports: 'из поданных месячных отчётов',
};

export interface ColumnDefinition {
  key: string;
  /** The field's name in messages and on the form. */
  label: string;
  unit: 'т' | 'м³';
  /** The system fills it (the person checks and may change it, unless `readOnly`). */
  prefill?: PrefillSource;
  /** Computed by the system only; the person cannot change it. */
  readOnly?: boolean;
  /** Must be filled before the report is sent. */
  required: boolean;
  /** Required only when this other column is above zero. */
  requiredWhenPositive?: string;
}

/** result = Σ plus − Σ minus, by row (by ФККО code). */
export interface BalanceRule {
  result: string;
  plus: readonly string[];
  minus: readonly string[];
}

export interface ReportDefinition {
  kind: ReportKind;
  version: number;
  /** Periods starting on or after this date use this version. */
  validFrom: string;
  title: string;
  /** Who files: an organization with this role. */
  filer: 'facility' | 'producer';
  filerText: string;
  period: 'month' | 'year' | 'permit';
  /** Rows are by ФККО code, or by code and facility object. */
  rowsBy: 'code' | 'code_facility';
  columns: readonly ColumnDefinition[];
  balance: readonly BalanceRule[];
  deadlineText: string;
}

const mass = (key: string, label: string, more: Partial<ColumnDefinition> = {}): ColumnDefinition => ({ key, label, unit: 'т', required: true, ...more });

export const DEFINITIONS: readonly ReportDefinition[] = [
  {
    kind: 'facility_monthly',
    version: 1,
    validFrom: '2020-01-01',
    title: 'Ежемесячный отчёт объекта приёма ОСС',
    filer: 'facility',
    filerText: 'объект приёма (организация, которой он принадлежит)',
    period: 'month',
    rowsBy: 'code',
    columns: [
      mass('startStock', 'Остаток на начало месяца', { prefill: 'previous' }),
      mass('received', 'Получено за месяц', { prefill: 'trips' }),
      mass('utilized', 'Утилизировано'),
      mass('neutralized', 'Обезврежено'),
      mass('disposed', 'Размещено'),
      mass('recycled', 'Переработано во вторичное сырьё'),
      mass('secondary', 'Получено вторичного сырья', { required: false, requiredWhenPositive: 'recycled' }),
      mass('passed', 'Передано другим лицам'),
      mass('endStock', 'Остаток на конец месяца'),
    ],
    balance: [{ result: 'endStock', plus: ['startStock', 'received'], minus: ['utilized', 'neutralized', 'disposed', 'recycled', 'passed'] }],
    deadlineText: 'до 10-го числа месяца, следующего за отчётным',
  },
  {
    kind: 'permit_closing',
    version: 1,
    validFrom: '2020-01-01',
    title: 'Итоговый отчёт по разрешению на перемещение ОСС',
    filer: 'producer',
    filerText: 'владелец объекта образования (держатель разрешения)',
    period: 'permit',
    rowsBy: 'code_facility',
    columns: [
      { key: 'planned', label: 'Разрешено (план)', unit: 'м³', prefill: 'permit', readOnly: true, required: true },
      { key: 'movedVolume', label: 'Перемещено и принято, объём', unit: 'м³', prefill: 'trips', readOnly: true, required: true },
      { key: 'movedMass', label: 'Перемещено и принято, масса', unit: 'т', prefill: 'trips', readOnly: true, required: true },
      { key: 'awaitingVolume', label: 'Ожидают решения объекта приёма', unit: 'м³', prefill: 'trips', readOnly: true, required: true },
      { key: 'rejectedVolume', label: 'Отклонено объектом приёма', unit: 'м³', prefill: 'trips', readOnly: true, required: true },
    ],
    balance: [],
    deadlineText: 'в течение 30 дней после окончания срока действия разрешения',
  },
  {
    kind: 'tp2_waste',
    version: 1,
    validFrom: '2020-01-01',
    title: 'Форма 2-ТП (отходы): раздел об отходах строительства и сноса',
    filer: 'producer',
    filerText: 'образователь отходов или объект приёма',
    period: 'year',
    rowsBy: 'code',
    columns: [
      mass('startStock', 'Наличие на начало года', { prefill: 'previous' }),
      mass('produced', 'Образовано', { prefill: 'trips' }),
      mass('received', 'Получено от других лиц', { prefill: 'trips' }),
      mass('utilized', 'Утилизировано', { prefill: 'reports' }),
      mass('neutralized', 'Обезврежено', { prefill: 'reports' }),
      mass('disposed', 'Размещено', { prefill: 'reports' }),
      mass('recycled', 'Переработано во вторичное сырьё', { prefill: 'reports' }),
      mass('passed', 'Передано другим лицам', { prefill: 'trips' }),
      mass('endStock', 'Наличие на конец года', { prefill: 'reports' }),
    ],
    balance: [{ result: 'endStock', plus: ['startStock', 'produced', 'received'], minus: ['utilized', 'neutralized', 'disposed', 'recycled', 'passed'] }],
    deadlineText: 'до 1 февраля года, следующего за отчётным',
  },
];

export const KIND_TITLES: Readonly<Record<ReportKind, string>> = {
  facility_monthly: 'Ежемесячный отчёт объекта приёма',
  permit_closing: 'Итоговый отчёт по разрешению',
  tp2_waste: '2-ТП (отходы)',
};

export const STATUS_LABELS = { draft: 'Черновик', submitted: 'Подан', correction: 'Исправляется' } as const;

/** The definition in force for a period starting on `periodFrom` (or a given version). */
export function definitionFor(kind: ReportKind, periodFrom: string, version?: number): ReportDefinition {
  const all = DEFINITIONS.filter((d) => d.kind === kind).sort((a, b) => b.version - a.version);
  const found = version !== undefined ? all.find((d) => d.version === version) : all.find((d) => d.validFrom <= periodFrom);
  if (!found) throw new RangeError(`no definition of ${kind} for ${periodFrom}`);
  return found;
}

// ---------------------------------------------------------------- periods and deadlines

const pad = (n: number) => String(n).padStart(2, '0');
const addDaysIso = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The last date on which a report for the period is on time (inclusive). */
export function deadlineOf(def: Pick<ReportDefinition, 'period'>, periodTo: string): string {
  const y = Number(periodTo.slice(0, 4));
  const m = Number(periodTo.slice(5, 7));
  if (def.period === 'month') return m === 12 ? `${y + 1}-01-10` : `${y}-${pad(m + 1)}-10`;
  if (def.period === 'year') return `${y + 1}-02-01`;
  return addDaysIso(periodTo, 30);
}

/** A month 'YYYY-MM' → its first and last day. */
export function monthBounds(month: string): { from: string; to: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(last)}` };
}

const MONTHS = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** «октябрь 2026», «2026 год», «01.03.2026 — 31.12.2026». */
export function periodText(def: Pick<ReportDefinition, 'period'>, from: string, to: string): string {
  if (def.period === 'month') return `${MONTHS[Number(from.slice(5, 7)) - 1]} ${from.slice(0, 4)}`;
  if (def.period === 'year') return `${from.slice(0, 4)} год`;
  const ru = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
  return `${ru(from)} — ${ru(to)}`;
}

// ---------------------------------------------------------------- content and its rules

export interface ReportRow {
  code: string;
  /** The facility object (rows by code and facility). */
  facilityId?: string | null;
  values: Record<string, string | null>;
}

export interface ReportData {
  rows: ReportRow[];
}

export interface FieldError {
  field: string;
  message: string;
}

const scaleOf = (c: ColumnDefinition) => (c.unit === 'т' ? 3 : 2);
const fkko = (code: string) => (/^\d{11}$/.test(code) ? `${code[0]} ${code.slice(1, 3)} ${code.slice(3, 6)} ${code.slice(6, 8)} ${code.slice(8, 10)} ${code[10]}` : code);
/** Russian notation of a canonical decimal (no grouping: short figures in messages). */
export const ruNumber = (v: string) => v.replace('.', ',');

/**
 * A typed figure as the canonical decimal of its column ('12,5' → '12.500'), null for empty;
 * an error text when it is not a figure the column takes.
 */
export function parseFigure(col: ColumnDefinition, input: string | null | undefined): { ok: true; value: string | null } | { ok: false; error: string } {
  if (input === null || input === undefined) return { ok: true, value: null };
  const s = String(input).replace(/[\s\u00A0\u202F]/g, '').replace(',', '.');
  if (s === '') return { ok: true, value: null };
  if (/^-/.test(s)) return { ok: false, error: 'не может быть отрицательным' };
  const scale = scaleOf(col);
  const m = /^(\d{1,12})(?:\.(\d*))?$/.exec(s);
  if (!m) return { ok: false, error: 'должно быть числом' };
  if ((m[2] ?? '').length > scale) return { ok: false, error: `не более ${scale} знаков после запятой` };
  return { ok: true, value: fromScaled(BigInt(m[1] + (m[2] ?? '').padEnd(scale, '0')), scale) };
}

/** «Остаток на конец месяца (8 11 100 01 49 5)» — how messages name a cell. */
export function cellName(col: ColumnDefinition, row: ReportRow, facilityName?: string): string {
  return `${col.label} (${fkko(row.code)}${facilityName ? `, ${facilityName}` : ''})`;
}

/**
 * The rules checked before a report is sent: each required figure filled,
 * each balance (by row) holding. Every message begins with the cell's name.
 */
export function checkReport(def: ReportDefinition, data: ReportData, facilityNames: Record<string, string> = {}): FieldError[] {
  const errors: FieldError[] = [];
  const byKey = new Map(def.columns.map((c) => [c.key, c]));
  if (!data.rows.length) errors.push({ field: 'rows', message: 'Строки отчёта: добавьте хотя бы один вид отходов' });
  data.rows.forEach((row, i) => {
    const name = row.facilityId ? facilityNames[row.facilityId] : undefined;
    for (const col of def.columns) {
      const v = row.values[col.key];
      const needed = col.required || (col.requiredWhenPositive !== undefined && (row.values[col.requiredWhenPositive] ?? '0') !== '0' && /[1-9]/.test(row.values[col.requiredWhenPositive] ?? ''));
      if (needed && (v === null || v === undefined)) {
        errors.push({ field: `rows[${i}].${col.key}`, message: `${cellName(col, row, name)}: не заполнено${col.requiredWhenPositive ? ` (указано «${byKey.get(col.requiredWhenPositive)!.label}»)` : ''}` });
      }
    }
    for (const rule of def.balance) {
      const parts = [...rule.plus, ...rule.minus, rule.result];
      if (parts.some((k) => row.values[k] === null || row.values[k] === undefined)) continue;
      const col = byKey.get(rule.result)!;
      const scale = scaleOf(col);
      let expected = 0n;
      for (const k of rule.plus) expected += toScaled(row.values[k]!, scale);
      for (const k of rule.minus) expected -= toScaled(row.values[k]!, scale);
      const given = toScaled(row.values[rule.result]!, scale);
      if (expected === given) continue;
      const formula = `${rule.plus.map((k) => byKey.get(k)!.label.toLowerCase()).join(' + ')} − ${rule.minus.map((k) => byKey.get(k)!.label.toLowerCase()).join(' − ')}`;
      const message =
        expected < 0n
          ? `${cellName(col, row, name)}: обработано и передано больше, чем было и получено, на ${ruNumber(fromScaled(-expected, scale))} ${col.unit} (${formula})`
          : `${cellName(col, row, name)}: по балансу должно быть ${ruNumber(fromScaled(expected, scale))} ${col.unit} (${formula}), указано ${ruNumber(fromScaled(given, scale))} ${col.unit}`;
      errors.push({ field: `rows[${i}].${rule.result}`, message });
    }
  });
  return errors;
}
