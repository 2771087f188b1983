/**
 * Stage 2: the register of owners — premises with their areas and owners with
 * their shares, entered by hand or imported from a table (XLSX or CSV, one row
 * per owner, REGISTER_COLUMNS) with a per-row result file; and the checks: the
 * shares of each premise add up to exactly 1, and the premises' areas add up
 * to the house's total area.
 */
import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid, notFound, type FieldError } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { checkCadastralNumber, checkInn } from '../../domain/identifiers.js';
import { formatRu, parseVolume } from '../../domain/quantity.js';
import { headerWord, readHeadedTable, type HeadedRow, type HeaderColumn } from '../../platform/spreadsheet/headed-table.js';
import { groupDigits } from '../../platform/spreadsheet/refusal.js';
import { xlsxBuffer, xlsxDecimal } from '../../platform/spreadsheet/writer.js';
import { keptCell, recordImport, resultKey, resultWorkbook, withResultFile } from './import-files.js';
import type { ReceivedFile } from '../uploads/receive-file.js';
import { add, formatArea, frac, hundredths, sharesComplete } from './count.js';
import { REGISTER_COLUMNS } from './texts.js';
import type { OwnerKind, Ownership } from './tables.js';
import { assertEditable, meetingOf } from './guard.js';

type Q = Db | Transaction<Database>;

export const MAX_REGISTER_ROWS = 20_000;

// ---------------------------------------------------------------------------
// Shares and owner fields
// ---------------------------------------------------------------------------

/** «1», «1/2», «0,25», «0.5» → num/den (den ≤ 1 000 000), or an error text. */
export function parseShare(raw: string): { ok: true; num: number; den: number } | { ok: false; error: string } {
  const s = raw.trim().replace(/\s/g, '').replace(',', '.');
  if (!s) return { ok: false, error: 'обязательное поле (например, 1 или 1/2)' };
  let num: bigint;
  let den: bigint;
  const f = /^(\d{1,7})\/(\d{1,7})$/.exec(s);
  const d = /^(\d{1,7})(?:\.(\d{1,6}))?$/.exec(s);
  if (f) {
    num = BigInt(f[1]);
    den = BigInt(f[2]);
  } else if (d) {
    const fracPart = d[2] ?? '';
    num = BigInt(d[1] + fracPart);
    den = 10n ** BigInt(fracPart.length);
  } else return { ok: false, error: `«${raw.slice(0, 30)}» — укажите долю дробью (1/2) или десятичным числом (0,5)` };
  if (den === 0n) return { ok: false, error: 'знаменатель не может быть нулём' };
  if (num === 0n) return { ok: false, error: 'должна быть больше нуля' };
  if (num > den) return { ok: false, error: 'не может быть больше 1' };
  const r = frac(num, den);
  if (r.d > 1_000_000n) return { ok: false, error: 'знаменатель не больше 1 000 000' };
  return { ok: true, num: Number(r.n), den: Number(r.d) };
}

export const shareText = (num: number, den: number) => (num === den ? '1' : `${num}/${den}`);

const KIND_WORDS: Record<string, OwnerKind> = {
  физлицо: 'person', физическоелицо: 'person', гражданин: 'person', фл: 'person',
  юрлицо: 'legal', юридическоелицо: 'legal', организация: 'legal', юл: 'legal',
  город: 'city', городмосква: 'city', муниципальноеобразование: 'city', субъектрф: 'city', публичноправовоеобразование: 'city', рф: 'city', российскаяфедерация: 'city',
};
const OWNERSHIP_WORDS: Record<string, Ownership> = {
  единоличная: 'sole', индивидуальная: 'sole', собственность: 'sole',
  долевая: 'shared', общаядолевая: 'shared',
  совместная: 'joint', общаясовместная: 'joint',
};
const PREMISE_WORDS: Record<string, 'residential' | 'non_residential'> = { жилое: 'residential', квартира: 'residential', нежилое: 'non_residential' };

export interface OwnerInput {
  name: string;
  ownerKind: OwnerKind;
  ownership: Ownership;
  share: string;
  inn?: string | null;
  titleDocument?: string;
}

export interface PremiseInput {
  number: string;
  kind: 'residential' | 'non_residential';
  area: string;
  cadastralNumber?: string | null;
  owners: OwnerInput[];
}

interface CheckedPremise {
  number: string;
  kind: 'residential' | 'non_residential';
  area: string;
  cadastral: string | null;
  owners: { name: string; ownerKind: OwnerKind; ownership: Ownership; num: number; den: number; inn: string | null; titleDocument: string }[];
}

/** Checks a premise entered by hand; every message names the field. */
export function checkPremise(input: PremiseInput): CheckedPremise {
  const errors: FieldError[] = [];
  const number = input.number.trim();
  if (!number) errors.push({ field: 'number', message: 'Номер помещения: обязательное поле' });
  if (number.length > 50) errors.push({ field: 'number', message: 'Номер помещения: не длиннее 50 символов' });
  const area = parseVolume(input.area);
  if (!area.ok) errors.push({ field: 'area', message: `Площадь помещения, м²: ${area.error}` });
  let cadastral: string | null = null;
  if (input.cadastralNumber?.trim()) {
    const c = checkCadastralNumber(input.cadastralNumber);
    if (!c.ok) errors.push({ field: 'cadastralNumber', message: `Кадастровый номер помещения: ${c.error}` });
    else cadastral = c.value;
  }
  if (!input.owners.length) errors.push({ field: 'owners', message: 'Собственники: укажите хотя бы одного собственника' });
  const owners: CheckedPremise['owners'] = [];
  input.owners.forEach((o, i) => {
    const at = `owners.${i}`;
    const n = i + 1;
    const name = o.name.trim();
    if (!name) errors.push({ field: `${at}.name`, message: `Собственник ${n}: укажите ФИО или наименование` });
    const share = parseShare(o.share);
    if (!share.ok) errors.push({ field: `${at}.share`, message: `Доля собственника ${n}: ${share.error}` });
    let inn: string | null = null;
    if (o.inn?.trim()) {
      const c = checkInn(o.inn);
      if (!c.ok) errors.push({ field: `${at}.inn`, message: `ИНН собственника ${n}: ${c.error}` });
      else inn = c.value;
    }
    if (o.ownerKind === 'legal' && !inn) errors.push({ field: `${at}.inn`, message: `ИНН собственника ${n}: обязателен для юридического лица` });
    if (share.ok && o.ownership === 'sole' && share.num !== share.den) errors.push({ field: `${at}.share`, message: `Доля собственника ${n}: при единоличной собственности доля равна 1` });
    if (share.ok) owners.push({ name, ownerKind: o.ownerKind, ownership: o.ownership, num: share.num, den: share.den, inn, titleDocument: (o.titleDocument ?? '').trim() });
  });
  if (errors.length) throw invalid(errors);
  const sum = sharesComplete(owners.map((o) => ({ num: o.num, den: o.den })));
  if (!sum.complete) {
    throw invalid({ field: 'owners', message: `Доли собственников: в сумме ${sum.sum.n}/${sum.sum.d}, а должны составлять 1` });
  }
  return { number, kind: input.kind, area: area.ok ? area.value : '', cadastral, owners };
}

// ---------------------------------------------------------------------------
// The register's check
// ---------------------------------------------------------------------------

export interface RegisterCheck {
  premises: number;
  owners: number;
  houseArea: string;
  registerArea: string;
  errors: string[];
}

/** The shares of each premise add up to 1; every premise has owners; the areas add up to the house's. */
export async function registerCheck(q: Q, meetingId: string): Promise<RegisterCheck> {
  const house = await q.selectFrom('meetings as m').innerJoin('houses as h', 'h.id', 'm.house_id').select(sql<string>`h.total_area::text`.as('area')).where('m.id', '=', meetingId).executeTakeFirstOrThrow();
  const premises = await q.selectFrom('meeting_premises').select(['id', 'number', sql<string>`area::text`.as('area')]).where('meeting_id', '=', meetingId).orderBy('number').execute();
  const owners = await q.selectFrom('meeting_owners').select(['premise_id', 'share_num', 'share_den']).where('meeting_id', '=', meetingId).execute();
  const byPremise = new Map<string, { num: number; den: number }[]>();
  for (const o of owners) {
    const list = byPremise.get(o.premise_id) ?? [];
    list.push({ num: o.share_num, den: o.share_den });
    byPremise.set(o.premise_id, list);
  }
  const errors: string[] = [];
  let total = frac(0n);
  for (const p of premises) {
    total = add(total, frac(hundredths(p.area)));
    const shares = byPremise.get(p.id) ?? [];
    if (!shares.length) {
      errors.push(`Помещение № ${p.number}: нет собственников`);
      continue;
    }
    const s = sharesComplete(shares);
    if (!s.complete) errors.push(`Помещение № ${p.number}: доли собственников в сумме ${shareText(Number(s.sum.n), Number(s.sum.d))}, а должны составлять 1`);
  }
  const registerArea = formatArea(total);
  const houseArea = formatArea(frac(hundredths(house.area)));
  if (premises.length && registerArea !== houseArea) {
    errors.push(`Общая площадь помещений: в реестре ${formatRu(registerArea)} м², а у дома указано ${formatRu(houseArea)} м²`);
  }
  return { premises: premises.length, owners: owners.length, houseArea, registerArea, errors };
}

// ---------------------------------------------------------------------------
// Hand entry
// ---------------------------------------------------------------------------

async function insertPremise(trx: Transaction<Database>, meetingId: string, p: CheckedPremise, position: number): Promise<string> {
  const row = await trx
    .insertInto('meeting_premises')
    .values({ meeting_id: meetingId, number: p.number, kind: p.kind, area: p.area, cadastral_number: p.cadastral })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((e: { code?: string }) => {
      if (e.code === '23505') throw invalid({ field: 'number', message: `Номер помещения: помещение № ${p.number} уже есть в реестре` });
      throw e;
    });
  await trx
    .insertInto('meeting_owners')
    .values(
      p.owners.map((o, i) => ({
        meeting_id: meetingId,
        premise_id: row.id,
        name: o.name,
        owner_kind: o.ownerKind,
        ownership: o.ownership,
        share_num: o.num,
        share_den: o.den,
        inn: o.inn,
        title_document: o.titleDocument,
        position: position + i,
      })),
    )
    .execute();
  return row.id;
}

const nextPosition = async (trx: Transaction<Database>, meetingId: string) =>
  (await trx.selectFrom('meeting_owners').select(sql<number>`coalesce(max(position), 0)::int + 1`.as('n')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow()).n;

export async function addPremise(trx: Transaction<Database>, actor: Actor, meetingId: string, input: PremiseInput): Promise<string> {
  assertEditable(await meetingOf(trx, actor, meetingId, true), 'register');
  const p = checkPremise(input);
  const id = await insertPremise(trx, meetingId, p, await nextPosition(trx, meetingId));
  await audit(trx, { action: 'meetings.register.premise', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting', subjectId: meetingId });
  return id;
}

export async function replacePremise(trx: Transaction<Database>, actor: Actor, meetingId: string, premiseId: string, input: PremiseInput): Promise<void> {
  assertEditable(await meetingOf(trx, actor, meetingId, true), 'register');
  const p = checkPremise(input);
  const old = await trx.selectFrom('meeting_premises').select('id').where('id', '=', premiseId).where('meeting_id', '=', meetingId).executeTakeFirst();
  if (!old) throw notFound('Помещение не найдено');
  const pos = (await trx.selectFrom('meeting_owners').select(sql<number>`coalesce(min(position), 1)::int`.as('n')).where('premise_id', '=', premiseId).executeTakeFirstOrThrow()).n;
  await trx.deleteFrom('meeting_premises').where('id', '=', premiseId).execute();
  await insertPremise(trx, meetingId, p, pos);
  await audit(trx, { action: 'meetings.register.premise', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting', subjectId: meetingId });
}

export async function deletePremise(trx: Transaction<Database>, actor: Actor, meetingId: string, premiseId: string): Promise<void> {
  assertEditable(await meetingOf(trx, actor, meetingId, true), 'register');
  const r = await trx.deleteFrom('meeting_premises').where('id', '=', premiseId).where('meeting_id', '=', meetingId).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound('Помещение не найдено');
  await audit(trx, { action: 'meetings.register.premise.delete', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting', subjectId: meetingId });
}

export async function listRegister(db: Db, meetingId: string, page: number, pageSize: number) {
  const premises = await db
    .selectFrom('meeting_premises')
    .select(['id', 'number', 'kind', sql<string>`area::text`.as('area'), 'cadastral_number'])
    .where('meeting_id', '=', meetingId)
    .orderBy(sql`length(number)`)
    .orderBy('number')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const total = (await db.selectFrom('meeting_premises').select(sql<number>`count(*)::int`.as('n')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow()).n;
  const ids = premises.map((p) => p.id);
  const owners = ids.length
    ? await db.selectFrom('meeting_owners').selectAll().where('premise_id', 'in', ids).orderBy('position').execute()
    : [];
  return {
    total,
    items: premises.map((p) => ({
      ...p,
      owners: owners.filter((o) => o.premise_id === p.id),
    })),
  };
}

// ---------------------------------------------------------------------------
// Import from a table, with a per-row result file
// ---------------------------------------------------------------------------

type Col = 'number' | 'kind' | 'area' | 'cadastral' | 'name' | 'ownerKind' | 'inn' | 'ownership' | 'share' | 'document';
const COLS: Col[] = ['number', 'kind', 'area', 'cadastral', 'name', 'ownerKind', 'inn', 'ownership', 'share', 'document'];
const LABEL: Record<Col, string> = Object.fromEntries(COLS.map((c, i) => [c, REGISTER_COLUMNS[i]])) as Record<Col, string>;
const REQUIRED: Col[] = ['number', 'area', 'name', 'share'];
const ALIASES: Partial<Record<Col, string[]>> = {
  number: ['Помещение', '№ помещения', 'Номер квартиры', 'Квартира'],
  area: ['Площадь', 'Площадь, м2', 'Площадь, кв. м', 'Общая площадь помещения'],
  name: ['ФИО собственника', 'Собственник (ФИО или наименование)', 'ФИО / наименование'],
  share: ['Доля в праве', 'Доля собственности'],
  document: ['Документ о праве', 'Правоустанавливающий документ', 'Запись ЕГРН'],
};
const COLUMNS: HeaderColumn<Col>[] = COLS.map((c, i) => ({ col: c, header: REGISTER_COLUMNS[i], aliases: ALIASES[c], required: REQUIRED.includes(c) }));

export interface ImportRowResult {
  row: number;
  premise: string;
  accepted: boolean;
  errors: string[];
}

export interface ImportResult {
  id: string;
  rows: number;
  accepted: number;
  refused: number;
  results: ImportRowResult[];
  check: RegisterCheck;
}

type ImportRow = HeadedRow<Col, string>;

/**
 * Replaces the meeting's register with the rows of the file that pass; the
 * rest are refused with their reasons (row and column named). Rows of one
 * premise must agree on its kind and area; a premise any of whose rows is
 * refused is left out whole (its shares could not add up). Joint owners (rows
 * «совместная» with the same share) become one owner record holding that share.
 */
export async function importRegister(ctx: AppContext, actor: Actor, meetingId: string, file: ReceivedFile): Promise<ImportResult> {
  const { rows } = await readHeadedTable(file, {
    columns: COLUMNS,
    maxRows: MAX_REGISTER_ROWS,
    rowCapMessage: `Файл: не более ${groupDigits(MAX_REGISTER_ROWS)} строк в одном реестре`,
    keep: keptCell,
  });
  if (!rows.length) throw invalid({ field: 'file', message: 'Файл: в файле нет строк с данными под заголовком' });

  // Row checks, then premise checks (rows grouped by premise number).
  const results: ImportRowResult[] = [];
  const groups = new Map<string, { rows: ImportRowResult[]; data: ImportRow[] }>();
  for (const r of rows) {
    const v = r.values;
    const errors: string[] = [];
    const f = (c: Col, m: string) => errors.push(`Строка ${r.rowNumber}, «${LABEL[c]}»: ${m}`);
    for (const c of REQUIRED) if (!v[c]) f(c, 'обязательное поле');
    if (v.area) {
      const a = parseVolume(v.area);
      if (!a.ok) f('area', a.error);
    }
    if (v.kind && !PREMISE_WORDS[headerWord(v.kind)]) f('kind', `«${v.kind.slice(0, 30)}» — укажите «жилое» или «нежилое»`);
    if (v.cadastral) {
      const c = checkCadastralNumber(v.cadastral);
      if (!c.ok) f('cadastral', c.error);
    }
    const ownerKind = v.ownerKind ? KIND_WORDS[headerWord(v.ownerKind)] : 'person';
    if (!ownerKind) f('ownerKind', `«${v.ownerKind.slice(0, 30)}» — укажите «физическое лицо», «юридическое лицо» или «город»`);
    if (v.inn) {
      const c = checkInn(v.inn);
      if (!c.ok) f('inn', c.error);
    } else if (ownerKind === 'legal') f('inn', 'обязателен для юридического лица');
    const ownership = v.ownership ? OWNERSHIP_WORDS[headerWord(v.ownership)] : undefined;
    if (v.ownership && !ownership) f('ownership', `«${v.ownership.slice(0, 30)}» — укажите «единоличная», «долевая» или «совместная»`);
    if (v.share) {
      const s = parseShare(v.share);
      if (!s.ok) f('share', s.error);
    }
    const res: ImportRowResult = { row: r.rowNumber, premise: v.number, accepted: errors.length === 0, errors };
    results.push(res);
    if (v.number) {
      const g = groups.get(v.number) ?? { rows: [], data: [] };
      g.rows.push(res);
      g.data.push(r);
      groups.set(v.number, g);
    }
  }
  const premises: CheckedPremise[] = [];
  for (const [number, g] of groups) {
    if (g.rows.some((r) => !r.accepted)) {
      for (const r of g.rows) if (r.accepted) refuseRow(r, `Строка ${r.row}: помещение № ${number} не загружено — в другой его строке ошибка`);
      continue;
    }
    const first = g.data[0].values;
    const area = parseVolume(first.area);
    const premiseErrors: string[] = [];
    for (const d of g.data.slice(1)) {
      const a = parseVolume(d.values.area);
      if (a.ok && area.ok && a.value !== area.value) premiseErrors.push(`Строка ${d.rowNumber}, «${LABEL.area}»: ${formatRu(a.value)} м², а в строке ${g.data[0].rowNumber} у того же помещения ${formatRu(area.value)} м²`);
    }
    // Owners: joint rows with the same share are one owner record.
    const owners: CheckedPremise['owners'] = [];
    const joint = new Map<string, CheckedPremise['owners'][number]>();
    for (const d of g.data) {
      const v = d.values;
      const s = parseShare(v.share) as { ok: true; num: number; den: number };
      const ownership: Ownership = v.ownership ? OWNERSHIP_WORDS[headerWord(v.ownership)] : s.num === s.den && g.data.length === 1 ? 'sole' : 'shared';
      const ownerKind: OwnerKind = v.ownerKind ? KIND_WORDS[headerWord(v.ownerKind)] : 'person';
      if (ownership === 'sole' && s.num !== s.den) premiseErrors.push(`Строка ${d.rowNumber}, «${LABEL.share}»: при единоличной собственности доля равна 1`);
      const inn = v.inn ? (checkInn(v.inn) as { ok: true; value: string }).value : null;
      if (ownership === 'joint') {
        const key = `${s.num}/${s.den}`;
        const j = joint.get(key);
        if (j) {
          j.name = `${j.name}; ${v.name}`;
          continue;
        }
        const rec = { name: v.name, ownerKind, ownership, num: s.num, den: s.den, inn, titleDocument: v.document };
        joint.set(key, rec);
        owners.push(rec);
      } else owners.push({ name: v.name, ownerKind, ownership, num: s.num, den: s.den, inn, titleDocument: v.document });
    }
    const sum = sharesComplete(owners);
    if (!sum.complete) premiseErrors.push(`Помещение № ${number} (строки ${g.rows.map((r) => r.row).join(', ')}), «${LABEL.share}»: доли в сумме ${shareText(Number(sum.sum.n), Number(sum.sum.d))}, а должны составлять 1`);
    if (premiseErrors.length) {
      for (const r of g.rows) refuseRow(r, ...premiseErrors);
      continue;
    }
    const kindWord = first.kind ? PREMISE_WORDS[headerWord(first.kind)] : 'residential';
    const cad = first.cadastral ? (checkCadastralNumber(first.cadastral) as { ok: true; value: string }).value : null;
    premises.push({ number, kind: kindWord, area: (area as { ok: true; value: string }).value, cadastral: cad, owners });
  }

  const accepted = results.filter((r) => r.accepted).length;
  const key = resultKey(meetingId, 'register', crypto.randomUUID());
  const result = await resultFile(results, rows);
  return withResultFile(ctx, key, async (put) => {
    const stored = await put(result);
    return ctx.db.transaction().execute(async (trx) => {
      const m = await trx.selectFrom('meetings').select(['id', 'register_done_at', 'status']).where('id', '=', meetingId).where('organization_id', '=', actor.organizationId).forUpdate().executeTakeFirst();
      if (!m) throw notFound('Собрание не найдено');
      if (m.status === 'completed' || m.register_done_at) throw new AppError('meeting_stage', 'Реестр отмечен выполненным: снимите отметку с этапа, чтобы загрузить его заново');
      const voted = await trx.selectFrom('meeting_owners').select('id').where('meeting_id', '=', meetingId).where('voted_at', 'is not', null).limit(1).executeTakeFirst();
      if (voted) throw new AppError('meeting_stage', 'Реестр: по нему уже внесены решения собственников — загрузить его заново нельзя');
      await trx.deleteFrom('meeting_premises').where('meeting_id', '=', meetingId).execute();
      let position = 1;
      for (const p of premises) {
        await insertPremise(trx, meetingId, p, position);
        position += p.owners.length;
      }
      const id = await recordImport(trx, { kind: 'register', meetingId, actor, fileName: file.fileName, total: results.length, accepted, key, stored });
      await audit(trx, { action: 'meetings.register.import', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting', subjectId: meetingId });
      return { id, rows: results.length, accepted, refused: results.length - accepted, results, check: await registerCheck(trx, meetingId) };
    });
  });
}

function refuseRow(r: ImportRowResult, ...reasons: string[]) {
  r.accepted = false;
  r.errors.push(...reasons);
}


/** The result file: every row as read, with «Результат» and «Причина». */
function resultFile(results: ImportRowResult[], rows: ImportRow[]): Promise<Buffer> {
  return resultWorkbook(
    REGISTER_COLUMNS.map((h) => ({ header: h })),
    rows.map((r, i) => {
      const res = results[i];
      const area = parseVolume(r.values.area);
      return {
        row: r.rowNumber,
        cells: COLS.map((c) => (c === 'area' && area.ok ? xlsxDecimal(area.value) : r.values[c])),
        result: res.accepted ? 'Загружена' : 'Отклонена',
        refused: !res.accepted,
        reasons: res.errors,
      };
    }),
  );
}

/** The import template: the columns and two example rows (a shared premise). */
export function registerTemplate(): Promise<Buffer> {
  return xlsxBuffer(async (w) => {
    const sheet = w.addSheet('Реестр', {
      columns: REGISTER_COLUMNS.map((h) => ({ header: h, width: 22, type: 'string' as const, formatEmptyCells: true })),
      frozenHeader: true,
      headerWrap: true,
    });
    await sheet.addRow(['1', 'жилое', '54.30', '', 'Иванов Иван Иванович', 'физическое лицо', '', 'долевая', '1/2', 'Выписка ЕГРН № 77-77/001-77/001/001/2020-1234']);
    await sheet.addRow(['1', 'жилое', '54.30', '', 'Иванова Мария Петровна', 'физическое лицо', '', 'долевая', '1/2', 'Выписка ЕГРН № 77-77/001-77/001/001/2020-1235']);
  });
}

