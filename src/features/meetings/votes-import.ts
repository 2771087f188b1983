/**
 * Stage 4: owners' decisions imported from a table (XLSX or CSV) instead of
 * entered ballot by ballot — the counters fill the template (every owner of the
 * register in a row, one column «Вопрос N» per agenda item) from the paper
 * ballots and upload it, as often as they like.
 *
 * A row names its owner as the register and the ballot do: the premise number
 * and the owner (case, «ё» and spaces ignored). Each cell of an item holds «за»,
 * «против» or «воздержался» (case, «ё», surrounding spaces and punctuation
 * ignored); an empty cell is no decision on that item, as on a paper ballot.
 * The decision of each row then passes the same checks as one entered by hand
 * (voting.ts ballotProblem) and is written the same way (storeBallots).
 *
 * What a counter expects from a file filled over several days: a row without a
 * single decision changes nothing (the template lists owners who have not voted
 * yet); a row of an owner whose decision is already entered replaces it with
 * the file's («Заменено», the former decision named in the result file), and
 * the same decision again is «Без изменений» — uploading the same file twice
 * adds nothing. An owner named in two rows of the file is refused in both
 * (which of the two ballots is right is for a person to say).
 */
import crypto from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/pool.js';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { invalid } from '../../platform/http/errors.js';
import { audit } from '../../platform/audit.js';
import { columnLetter } from '../../platform/spreadsheet/cells.js';
import { headerWord, readHeadedTable, type HeaderColumn } from '../../platform/spreadsheet/headed-table.js';
import { groupDigits } from '../../platform/spreadsheet/refusal.js';
import { xlsxBuffer, xlsxDecimal } from '../../platform/spreadsheet/writer.js';
import type { ReceivedFile } from '../uploads/receive-file.js';
import { formatArea, ownerVotes } from './count.js';
import { meetingOf } from './guard.js';
import { keptCell, recordImport, resultKey, resultWorkbook, withResultFile } from './import-files.js';
import { shareText } from './register.js';
import { CHOICE_LABELS, MAJORITY_RULES, VOTE_CHOICE_WORDS, VOTE_COLUMNS, voteItemHeader } from './texts.js';
import type { Choice, Majority } from './tables.js';
import { assertCounting, ballotProblem, storeBallots } from './voting.js';

/** Rows beyond the register's own limit are refused (a house has at most a few thousand owners). */
export const MAX_VOTE_ROWS = 20_000;

const WORDS: Record<string, Choice> = {
  за: 'for',
  против: 'against',
  воздержался: 'abstain',
  воздержалась: 'abstain',
  воздержались: 'abstain',
  воздержание: 'abstain',
};

/** «За », «ПРОТИВ», «воздержалась.» → the choice; null for an empty cell; undefined for anything else. */
export function parseChoice(raw: string): Choice | null | undefined {
  if (!raw.trim()) return null;
  return WORDS[headerWord(raw)];
}

const CHOICE_WORD: Record<Choice, string> = { for: 'за', against: 'против', abstain: 'воздержался' };

/** An owner's name or a premise's number as compared: lower case, «ё» as «е», spaces collapsed, «№» dropped. */
const ownerKey = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s*;\s*/g, '; ').replace(/\s+/g, ' ').trim();
const premiseKey = (s: string) => ownerKey(s).replace(/^№\s*/, '').replace(/\s/g, '');

type FixedCol = 'premise' | 'owner' | 'share' | 'votes';
const FIXED: { col: FixedCol; header: string; aliases?: string[]; required?: boolean }[] = [
  { col: 'premise', header: VOTE_COLUMNS[0], aliases: ['Помещение', '№ помещения', 'Номер квартиры', 'Квартира'], required: true },
  { col: 'owner', header: VOTE_COLUMNS[1], aliases: ['ФИО собственника', 'Собственник (ФИО или наименование)', 'ФИО / наименование'], required: true },
  { col: 'share', header: VOTE_COLUMNS[2] },
  { col: 'votes', header: VOTE_COLUMNS[3], aliases: ['Голосов', 'Количество голосов'] },
];

interface Item {
  id: string;
  position: number;
  title: string;
  majority: Majority;
}

async function agenda(ctx: AppContext, meetingId: string): Promise<Item[]> {
  return ctx.db.selectFrom('meeting_items').select(['id', 'position', 'title', 'majority']).where('meeting_id', '=', meetingId).orderBy('position').execute();
}

/** The register's owners in the ballots' order, with their premise, votes and the decision entered so far. */
async function registerOwners(q: Db | Transaction<Database>, meetingId: string) {
  const r = await sql<{ id: string; name: string; voted_at: Date | null; number: string; area: string; share_num: number; share_den: number; choices: Record<string, Choice> | null }>`
    select o.id, o.name, o.voted_at, p.number, p.area::text as area, o.share_num, o.share_den,
           (select jsonb_object_agg(v.item_id, v.choice) from meeting_votes v where v.owner_id = o.id) as choices
      from meeting_owners o join meeting_premises p on p.id = o.premise_id
     where o.meeting_id = ${meetingId}
     order by length(p.number), p.number, o.position`.execute(q);
  return r.rows;
}

// ---------------------------------------------------------------------------
// The template: every owner of the register, one column per agenda item
// ---------------------------------------------------------------------------

/**
 * The decisions file to fill from the paper ballots: «Решения» with a row per
 * owner (premise, owner, share and votes for reference, the decision entered so
 * far in each item's column — a drop-down of the three words) and «Повестка
 * дня» with each item's title and majority rule.
 */
export async function votesTemplate(ctx: AppContext, actor: Actor, meetingId: string): Promise<{ buf: Buffer; name: string }> {
  const m = await meetingOf(ctx.db, actor, meetingId);
  const items = await agenda(ctx, m.id);
  const owners = await registerOwners(ctx.db, m.id);
  const words = VOTE_CHOICE_WORDS.map((w) => w[0].toUpperCase() + w.slice(1));
  const first = columnLetter(VOTE_COLUMNS.length);
  const last = columnLetter(VOTE_COLUMNS.length + Math.max(0, items.length - 1));
  const buf = await xlsxBuffer(async (w) => {
    const sheet = w.addSheet('Решения', {
      columns: [
        { header: VOTE_COLUMNS[0], width: 12, type: 'string', formatEmptyCells: true },
        { header: VOTE_COLUMNS[1], width: 36, type: 'string', formatEmptyCells: true },
        { header: VOTE_COLUMNS[2], width: 10, type: 'string' },
        { header: VOTE_COLUMNS[3], width: 12, type: 'auto' },
        ...items.map((it) => ({ header: voteItemHeader(it.position), width: 14, type: 'string' as const, formatEmptyCells: true })),
      ],
      frozenHeader: true,
      headerWrap: true,
      validations: items.length
        ? [
            {
              range: `${first}2:${last}${Math.max(2, owners.length + 1)}`,
              type: 'list',
              values: words,
              error: { style: 'stop', title: 'Решение', message: 'Впишите «За», «Против» или «Воздержался»; оставьте ячейку пустой, если решения по вопросу нет' },
              prompt: { message: 'За, Против или Воздержался (пусто — нет решения)' },
            },
          ]
        : [],
    });
    const agendaSheet = w.addSheet('Повестка дня', {
      columns: [
        { header: 'Столбец', width: 12 },
        { header: 'Вопрос повестки дня', width: 80 },
        { header: 'Решение принимается', width: 60 },
      ],
      headerWrap: true,
    });
    for (const o of owners) {
      const votes = formatArea(ownerVotes({ area: o.area, shareNum: o.share_num, shareDen: o.share_den }));
      const wait = sheet.addRow([o.number, o.name, shareText(o.share_num, o.share_den), xlsxDecimal(votes), ...items.map((it) => (o.choices?.[it.id] ? CHOICE_LABELS[o.choices[it.id]] : ''))]);
      if (wait) await wait;
    }
    await sheet.end();
    for (const it of items) await agendaSheet.addRow([voteItemHeader(it.position), `${it.position}. ${it.title}`, `${MAJORITY_RULES[it.majority].label} (${MAJORITY_RULES[it.majority].article})`]);
    await agendaSheet.addRow([]);
    await agendaSheet.addRow(['', 'В столбцах «Вопрос N» листа «Решения» впишите решение собственника с бумажного бюллетеня: «За», «Против» или «Воздержался». Пустая ячейка — решения по вопросу нет (как на бюллетене без отметки или с несколькими отметками).']);
    await agendaSheet.addRow(['', 'Строка без единого решения ничего не меняет. Если решение собственника уже внесено, оно заменяется решением из файла. Не меняйте столбцы «Номер помещения» и «Собственник»: по ним находится собственник в реестре.']);
  });
  return { buf, name: `Решения собственников ${m.number}.xlsx` };
}

// ---------------------------------------------------------------------------
// The import
// ---------------------------------------------------------------------------

export type VoteRowStatus = 'recorded' | 'replaced' | 'unchanged' | 'skipped' | 'refused';
export const VOTE_ROW_STATUS_LABELS: Record<VoteRowStatus, string> = {
  recorded: 'Внесено',
  replaced: 'Заменено',
  unchanged: 'Без изменений',
  skipped: 'Пропущена',
  refused: 'Отклонена',
};

export interface VoteRowResult {
  row: number;
  premise: string;
  owner: string;
  status: VoteRowStatus;
  /** Reasons of a refusal; for other rows, a note (the former decision replaced, nothing to record). */
  errors: string[];
}

export interface VoteImportResult {
  id: string;
  rows: number;
  recorded: number;
  replaced: number;
  unchanged: number;
  skipped: number;
  refused: number;
  results: VoteRowResult[];
}


const choicesText = (items: Item[], choices: Record<string, Choice>) =>
  items
    .filter((it) => choices[it.id])
    .map((it) => `${it.position} — ${CHOICE_WORD[choices[it.id]!]}`)
    .join(', ');

/**
 * Reads the decisions file and records the rows that pass, in one transaction
 * while the meeting is at the counting stage; the answer and the stored result
 * file give every row's outcome with its reasons.
 */
export async function importVotes(ctx: AppContext, actor: Actor, meetingId: string, file: ReceivedFile): Promise<VoteImportResult> {
  const items = await agenda(ctx, meetingId);
  const itemCol = (it: Item) => `q${it.position}`;
  const columns: HeaderColumn<string>[] = [
    ...FIXED,
    ...items.map((it) => ({ col: itemCol(it), header: voteItemHeader(it.position), aliases: [`Вопрос № ${it.position}`, `Решение по вопросу ${it.position}`], required: true })),
  ];
  const { rows } = await readHeadedTable(file, {
    columns,
    maxRows: MAX_VOTE_ROWS,
    rowCapMessage: `Файл: не более ${groupDigits(MAX_VOTE_ROWS)} строк в одном файле решений`,
    keep: keptCell,
  });
  if (!rows.length) throw invalid({ field: 'file', message: 'Файл: в файле нет строк с данными под заголовком' });

  const key = resultKey(meetingId, 'votes', crypto.randomUUID());
  return withResultFile(ctx, key, (put) =>
    ctx.db.transaction().execute(async (trx) => {
      const m = await meetingOf(trx, actor, meetingId, true);
      assertCounting(m);
      const owners = await registerOwners(trx, m.id);
      const byPremise = new Map<string, { number: string; owners: typeof owners }>();
      for (const o of owners) {
        const k = premiseKey(o.number);
        const p = byPremise.get(k) ?? { number: o.number, owners: [] };
        p.owners.push(o);
        byPremise.set(k, p);
      }
      const itemIds = new Set(items.map((i) => i.id));

      // Each row on its own: the owner found in the register, each item's word read.
      const rowOwner: ((typeof owners)[number] | undefined)[] = [];
      const rowChoices: Record<string, Choice>[] = [];
      const results: VoteRowResult[] = rows.map((r, i) => {
        const v = r.values;
        const errors: string[] = [];
        const f = (header: string, message: string) => errors.push(`Строка ${r.rowNumber}, «${header}»: ${message}`);
        if (!v.premise.trim()) f(VOTE_COLUMNS[0], 'обязательное поле');
        if (!v.owner.trim()) f(VOTE_COLUMNS[1], 'обязательное поле');
        const choices: Record<string, Choice> = {};
        for (const it of items) {
          const raw = v[itemCol(it)] ?? '';
          const c = parseChoice(raw);
          if (c === undefined) f(voteItemHeader(it.position), `«${raw.trim().slice(0, 30)}» — впишите «за», «против» или «воздержался» (пустая ячейка — решения по вопросу нет)`);
          else if (c) choices[it.id] = c;
        }
        let owner: (typeof owners)[number] | undefined;
        if (v.premise.trim() && v.owner.trim()) {
          const p = byPremise.get(premiseKey(v.premise));
          if (!p) f(VOTE_COLUMNS[0], `помещения № ${v.premise.trim()} нет в реестре собственников собрания`);
          else {
            const named = p.owners.filter((o) => ownerKey(o.name) === ownerKey(v.owner));
            if (named.length === 1) owner = named[0];
            else if (named.length > 1) f(VOTE_COLUMNS[1], `у помещения № ${p.number} в реестре несколько собственников «${v.owner.trim()}» — внесите их решения вручную`);
            else {
              const names = p.owners.map((o) => `«${o.name}»`).join(', ');
              f(VOTE_COLUMNS[1], `«${v.owner.trim().slice(0, 100)}» — такого собственника помещения № ${p.number} нет в реестре собственников собрания (по реестру: ${names.length > 300 ? `${names.slice(0, 300)}…` : names})`);
            }
          }
        }
        rowOwner[i] = owner;
        rowChoices[i] = choices;
        return { row: r.rowNumber, premise: v.premise.trim(), owner: v.owner.trim(), status: errors.length ? 'refused' : 'recorded', errors };
      });

      // One ballot per owner: an owner with decisions in two rows is refused in both.
      const rowsOf = new Map<string, number[]>();
      results.forEach((r, i) => {
        const o = rowOwner[i];
        if (o && Object.keys(rowChoices[i]!).length) rowsOf.set(o.id, [...(rowsOf.get(o.id) ?? []), i]);
      });
      for (const idx of rowsOf.values()) {
        if (idx.length < 2) continue;
        const list = idx.map((i) => results[i]!.row).join(', ');
        for (const i of idx) {
          const r = results[i]!;
          r.status = 'refused';
          r.errors.push(`Строка ${r.row}: собственник «${rowOwner[i]!.name}» (помещение № ${rowOwner[i]!.number}) указан в файле несколько раз — в строках ${list}; оставьте одну строку на бюллетень`);
        }
      }

      // The checks of a ballot entered by hand; then what the row changes.
      const toStore: { ownerId: string; choices: Record<string, Choice> }[] = [];
      results.forEach((r, i) => {
        if (r.status === 'refused') return;
        const o = rowOwner[i]!;
        const choices = rowChoices[i]!;
        if (!Object.keys(choices).length) {
          r.status = 'skipped';
          r.errors.push(o.voted_at ? 'нет ни одного решения — внесённое ранее решение оставлено как есть' : 'нет ни одного решения — бюллетень не внесён');
          return;
        }
        const problem = ballotProblem({ owner: o, choices, itemIds, replace: true });
        if (problem) {
          r.status = 'refused';
          r.errors.push(`Строка ${r.row}: ${problem.message}`);
          return;
        }
        const before = o.choices ?? {};
        if (o.voted_at && sameChoices(before, choices)) {
          r.status = 'unchanged';
          return;
        }
        if (o.voted_at) {
          r.status = 'replaced';
          r.errors.push(`прежнее решение (${choicesText(items, before) || 'без отметок'}) заменено решением из файла`);
        }
        toStore.push({ ownerId: o.id, choices });
      });
      await storeBallots(trx, m.id, toStore, ctx.now());

      const tally = (s: VoteRowStatus) => results.filter((r) => r.status === s).length;
      const summary = { rows: results.length, recorded: tally('recorded'), replaced: tally('replaced'), unchanged: tally('unchanged'), skipped: tally('skipped'), refused: tally('refused') };
      const stored = await put(
        await resultWorkbook(
          [...VOTE_COLUMNS.slice(0, 2).map((h) => ({ header: h })), ...items.map((it) => ({ header: voteItemHeader(it.position), width: 14 }))],
          rows.map((row, i) => ({
            row: row.rowNumber,
            cells: [row.values.premise, row.values.owner, ...items.map((it) => row.values[itemCol(it)])],
            result: VOTE_ROW_STATUS_LABELS[results[i]!.status],
            refused: results[i]!.status === 'refused',
            reasons: results[i]!.errors,
          })),
        ),
      );
      const id = await recordImport(trx, { kind: 'votes', meetingId: m.id, actor, fileName: file.fileName, total: results.length, accepted: results.length - summary.refused, key, stored });
      await audit(trx, { action: 'meetings.ballots.import', personId: actor.personId, organizationId: actor.organizationId, subjectType: 'meeting', subjectId: m.id, details: { importId: id, ...summary } });
      return { id, ...summary, results };
    }),
  );
}

function sameChoices(a: Record<string, Choice>, b: Record<string, Choice>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
