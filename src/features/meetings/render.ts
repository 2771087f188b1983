/**
 * The meeting's documents as PDF (pure renderers: data in, bytes out):
 *
 *  - the notice (сообщение о проведении общего собрания, ЖК РФ ч. 5 ст. 45) to post in the house;
 *  - the ballots (решения собственников): one per owner of the register, with the premise, share,
 *    area and votes, and За / Против / Воздержался per agenda item;
 *  - the protocol (протокол общего собрания) in the structure of the Minstroy requirements
 *    (приказ Минстроя России от 28.01.2019 № 44/пр): number, date, place, kind, form, initiators,
 *    chair, secretary, counters, the votes and the quorum, the agenda, the results of each item as
 *    the count gives them (count.ts), the annexes, the signature stamp and the verification code;
 *    annex 1 — the register of owners who took part.
 *
 * Values wrap, never cut; organizations as of the document's time (the registry's parties).
 */
import { drawSignatureStamp, formatDocumentCode, signatureStampHeight, type SignatureStamp } from '../../platform/documents/index.js';
import { formatMoscowDate, formatMoscowDateTime } from '../../domain/period.js';
import { typesetQuotes } from '../../domain/typography.js';
import { footerWithCode, newDocx, newPdf, ruNumber, type DocFlow, type Pdf } from '../../platform/documents/index.js';
import { CHOICE_LABELS, MAJORITY_RULES, MEETING_FORM_LABELS, OWNER_KIND_LABELS, OWNERSHIP_LABELS, PREMISE_KIND_LABELS, QUORUM_RULE } from './texts.js';
import type { CountResult } from './count.js';
import type { Majority, MeetingForm, MeetingKind, OwnerKind, Ownership } from './tables.js';

export interface MeetingDocBase {
  number: string;
  kind: MeetingKind;
  form: MeetingForm;
  electronic: boolean;
  initiators: string;
  startsAt: Date | null;
  endsAt: Date | null;
  place: string;
  ballotsPlace: string;
  materialsPlace: string;
  house: { address: string; cadastralNumber: string; totalArea: string };
  organization: { name: string; inn: string; ogrn: string | null; address: string | null };
  items: { position: number; title: string; proposal: string; majority: Majority }[];
  code: string;
  verifyUrl: string;
  issuedAt: Date;
}

const KIND_GENITIVE: Record<MeetingKind, string> = { annual: 'годового', extraordinary: 'внеочередного' };
const FORM_INSTR: Record<MeetingForm, string> = { in_person: 'очного голосования', absentee: 'заочного голосования', mixed: 'очно-заочного голосования' };
const dt = (d: Date | null) => (d ? `${formatMoscowDateTime(d)} (МСК)` : '—');
const formText = (d: MeetingDocBase) => `${MEETING_FORM_LABELS[d.form]}${d.electronic ? ' (с использованием электронного голосования)' : ''}`;
const orgLine = (o: MeetingDocBase['organization']) => `${typesetQuotes(o.name)}, ИНН ${o.inn}${o.ogrn ? `, ОГРН ${o.ogrn}` : ''}${o.address ? `, ${o.address}` : ''}`;

function codeLine(p: Pdf, d: MeetingDocBase) {
  p.para(`Код проверки ${formatDocumentCode(d.code)}: запись реестра выданных документов — ${d.verifyUrl}`, { size: 7.5, color: '#555555' });
}

function stamp(p: Pdf, s: SignatureStamp, url: string) {
  const box = { width: 360, height: 104, rowsTop: 24, rowStep: 12.5 };
  const h = signatureStampHeight(p.doc, box, s);
  p.room(h + 20);
  const y = p.doc.y + 8;
  drawSignatureStamp(p.doc, { x: p.L, y, ...box }, s, url);
  p.doc.x = p.L;
  p.doc.y = y + h + 6;
}

// ---------------------------------------------------------------------------
// The notice
// ---------------------------------------------------------------------------

/** `text`: the message by the organization's template (filled), printed in place of the standard address to owners. */
export async function renderNoticePdf(d: MeetingDocBase & { signer: SignatureStamp; text?: string }): Promise<Buffer> {
  const p = newPdf({ title: `Сообщение о проведении общего собрания собственников ${d.number}`, author: d.organization.name, createdAt: d.issuedAt, footer: footerWithCode(d.code, d.verifyUrl) });
  p.heading('СООБЩЕНИЕ', 14);
  p.heading(`о проведении ${KIND_GENITIVE[d.kind]} общего собрания собственников помещений в многоквартирном доме по адресу: ${d.house.address}`);
  p.para(`Собрание № ${d.number} от ${formatMoscowDate(d.issuedAt)}`, { align: 'center', size: 9 });
  p.doc.moveDown(0.6);
  if (d.text?.trim()) for (const line of d.text.split(/\r?\n/)) p.para(typesetQuotes(line) || ' ');
  else p.para(`Уважаемые собственники помещений! По инициативе: ${typesetQuotes(d.initiators) || '—'} — проводится ${KIND_GENITIVE[d.kind]} общее собрание собственников помещений в форме ${FORM_INSTR[d.form]}${d.electronic ? ' с использованием системы электронного голосования' : ''} (ст. 44–48 Жилищного кодекса РФ).`);
  p.doc.moveDown(0.4);
  p.field('Адрес дома', d.house.address);
  p.field('Кадастровый номер дома', d.house.cadastralNumber);
  p.field('Вид собрания', d.kind === 'annual' ? 'Годовое' : 'Внеочередное');
  p.field('Форма проведения', formText(d));
  p.field('Дата и время начала собрания', dt(d.startsAt));
  p.field('Дата и время окончания приёма решений собственников', dt(d.endsAt));
  if (d.form !== 'absentee') p.field('Место проведения (очное обсуждение)', d.place);
  p.field('Место (адрес) передачи решений собственников', d.ballotsPlace);
  p.field('Порядок ознакомления с материалами собрания', d.materialsPlace);
  p.field('Управляющая организация', orgLine(d.organization));
  p.doc.moveDown(0.5);
  p.para('ПОВЕСТКА ДНЯ', { bold: true, align: 'center', size: 10.5 });
  for (const it of d.items) {
    p.para(`${it.position}. ${typesetQuotes(it.title)}`, { bold: true });
    if (it.proposal) p.para(`Предлагается: ${typesetQuotes(it.proposal)}`, { size: 9 });
    p.para(`Решение принимается: ${MAJORITY_RULES[it.majority].label.toLowerCase()} (${MAJORITY_RULES[it.majority].article}).`, { size: 8.5, color: '#333333' });
  }
  p.doc.moveDown(0.5);
  p.para(`${QUORUM_RULE}. Голосовать может собственник или его представитель по доверенности. Количество голосов собственника пропорционально его доле в праве общей собственности на общее имущество (ч. 3 ст. 48 ЖК РФ), то есть площади его помещения с учётом доли в праве.`, { size: 8.5 });
  p.para('При себе иметь документ, удостоверяющий личность, и документ о праве собственности на помещение (выписку из ЕГРН).', { size: 8.5 });
  p.doc.moveDown(0.3);
  stamp(p, d.signer, d.verifyUrl);
  codeLine(p, d);
  return p.finish();
}

// ---------------------------------------------------------------------------
// The ballots
// ---------------------------------------------------------------------------

export interface BallotOwner {
  name: string;
  ownerKind: OwnerKind;
  ownership: Ownership;
  inn: string | null;
  share: string;
  titleDocument: string;
  premise: { number: string; kind: 'residential' | 'non_residential'; area: string; cadastralNumber: string | null };
  votes: string;
}

/** One ballot per owner (each starts a page); `owners` may be an async source of thousands. */
export async function renderBallotsPdf(d: MeetingDocBase, owners: AsyncIterable<BallotOwner> | Iterable<BallotOwner>): Promise<Buffer> {
  const p = newPdf({ title: `Решения собственников (бюллетени) ${d.number}`, author: d.organization.name, createdAt: d.issuedAt, footer: footerWithCode(d.code, d.verifyUrl) });
  const W = p.W;
  const widths = [26, W - 26 - 3 * 90, 90, 90, 90];
  let first = true;
  for await (const o of owners) {
    if (!first) p.doc.addPage();
    first = false;
    p.heading('РЕШЕНИЕ СОБСТВЕННИКА ПОМЕЩЕНИЯ (БЮЛЛЕТЕНЬ)', 12);
    p.para(
      `по вопросам повестки дня ${KIND_GENITIVE[d.kind]} общего собрания собственников помещений в многоквартирном доме по адресу: ${d.house.address}, проводимого в форме ${FORM_INSTR[d.form]} (собрание № ${d.number})`,
      { align: 'center', size: 9 },
    );
    p.doc.moveDown(0.4);
    p.field('Собственник', `${typesetQuotes(o.name)} (${OWNER_KIND_LABELS[o.ownerKind].toLowerCase()}${o.inn ? `, ИНН ${o.inn}` : ''})`);
    p.field('Помещение', `№ ${o.premise.number}, ${PREMISE_KIND_LABELS[o.premise.kind].toLowerCase()}, площадь ${ruNumber(o.premise.area)} м²${o.premise.cadastralNumber ? `, кадастровый номер ${o.premise.cadastralNumber}` : ''}`);
    p.field('Вид собственности, доля в праве', `${OWNERSHIP_LABELS[o.ownership].toLowerCase()}, ${o.share}`);
    p.field('Документ о праве собственности', o.titleDocument || '—');
    p.field('Количество голосов собственника', `${ruNumber(o.votes)} (м² с учётом доли; всего голосов в доме — ${ruNumber(d.house.totalArea)})`);
    p.field('Решения принимаются до', `${dt(d.endsAt)}; место передачи: ${d.ballotsPlace || '—'}`);
    p.doc.moveDown(0.4);
    p.table(
      widths,
      ['№', 'Вопрос повестки дня', CHOICE_LABELS.for.toUpperCase(), CHOICE_LABELS.against.toUpperCase(), CHOICE_LABELS.abstain.toUpperCase()],
      d.items.map((it) => [String(it.position), typesetQuotes(it.title) + (it.proposal ? `\nПредлагается: ${typesetQuotes(it.proposal)}` : ''), '', '', '']),
      { size: 8.5 },
    );
    p.doc.moveDown(0.4);
    p.para('Отметьте по каждому вопросу один вариант: «За», «Против» или «Воздержался». Решение по вопросу, где отмечено больше одного варианта или не отмечено ни одного, не учитывается.', { size: 8 });
    p.doc.moveDown(1);
    p.para('Собственник (представитель) ____________________ / ______________________________      «____» ______________ 20____ г.', { size: 9 });
    p.para('(подпись)                                 (фамилия, инициалы)', { size: 7, color: '#555555' });
  }
  if (first) p.para('В реестре собственников нет ни одного собственника.');
  return p.finish();
}

// ---------------------------------------------------------------------------
// The protocol
// ---------------------------------------------------------------------------

export interface ProtocolData extends MeetingDocBase {
  protocolNumber: string;
  protocolDate: string; // ДД.ММ.ГГГГ
  chair: string;
  secretary: string;
  counters: string;
  count: CountResult;
  /** Owners who took part (annex 1). */
  attendees: { premise: string; area: string; name: string; share: string; votes: string; votedAt: Date | null }[];
  annexes: string[];
  signer: SignatureStamp;
}

/**
 * The place of the meeting in the protocol's heading (приказ Минстроя № 44/пр, п. 4 «в»: дата и место проведения
 * общего собрания), from the meeting's own data: where it met in person; for an absentee vote, where the owners'
 * decisions were handed in; the house's address when neither is given.
 */
export const meetingPlace = (d: Pick<MeetingDocBase, 'form' | 'place' | 'ballotsPlace' | 'house'>) =>
  ((d.form === 'absentee' ? d.ballotsPlace : d.place) || d.ballotsPlace || d.house.address).trim();

/**
 * The protocol's content, once for both forms: the signed PDF (with the signature stamp) and the
 * DOCX the organization edits, prints and signs by hand (`electronicCopy` — the PDF's stamp and code line).
 */
function writeProtocol(p: DocFlow, d: Omit<ProtocolData, 'signer'>, electronicCopy: (() => void) | null) {
  const c = d.count;
  p.heading(`ПРОТОКОЛ № ${d.protocolNumber}`, 14);
  p.heading(`${KIND_GENITIVE[d.kind]} общего собрания собственников помещений в многоквартирном доме, расположенном по адресу: ${d.house.address}, проведённого в форме ${FORM_INSTR[d.form]}`.replace(/^./, (x) => x.toUpperCase()));
  p.gap(0.3);
  p.para(`Место проведения собрания: ${meetingPlace(d)}${' '.repeat(6)}Дата составления протокола: ${d.protocolDate}`, { align: 'center', size: 9 });
  p.gap(0.5);
  p.field('Собрание', d.number);
  p.field('Кадастровый номер дома', d.house.cadastralNumber);
  p.field('Вид общего собрания', d.kind === 'annual' ? 'Годовое' : 'Внеочередное');
  p.field('Форма проведения', formText(d));
  p.field('Дата и время начала собрания', dt(d.startsAt));
  p.field('Дата и время окончания приёма решений', dt(d.endsAt));
  if (d.form !== 'absentee') p.field('Место проведения', d.place);
  p.field('Место (адрес) приёма решений собственников', d.ballotsPlace);
  p.field('Инициатор(ы) собрания', typesetQuotes(d.initiators));
  p.field('Управляющая организация (лицо, составившее протокол)', orgLine(d.organization));
  p.field('Председатель собрания', d.chair);
  p.field('Секретарь собрания', d.secretary);
  p.field('Лица, проводившие подсчёт голосов', d.counters || `${d.chair}, ${d.secretary}`);
  p.gap(0.4);
  p.para('Голоса и кворум', { bold: true, size: 10.5 });
  p.field('Общая площадь помещений в доме (общее количество голосов собственников)', `${ruNumber(c.totalVotes)} м² — 100 %`);
  p.field('Приняли участие', `${c.participants} из ${c.owners} собственников, обладающих ${ruNumber(c.participatingVotes)} голосами (м²) — ${ruNumber(c.participatingPercent)} % от общего количества голосов`);
  p.field('Кворум', c.quorum ? 'имеется — собрание правомочно' : 'отсутствует — собрание неправомочно, решения не приняты');
  p.para(QUORUM_RULE + '.', { size: 8, color: '#333333' });
  p.gap(0.4);
  p.para('Повестка дня', { bold: true, size: 10.5 });
  for (const it of d.items) p.para(`${it.position}. ${typesetQuotes(it.title)}`);
  p.gap(0.4);
  p.para('Результаты голосования по вопросам повестки дня', { bold: true, size: 10.5 });
  const W = p.W;
  for (const it of d.items) {
    const r = c.items[it.position - 1]!;
    const rule = MAJORITY_RULES[it.majority];
    const base = it.majority === 'participants' ? 'от числа голосов принявших участие' : 'от общего числа голосов собственников';
    p.room(120);
    p.para(`${it.position}. ${typesetQuotes(it.title)}`, { bold: true });
    if (it.proposal) p.para(`Предложено: ${typesetQuotes(it.proposal)}`, { size: 9 });
    p.para(`Необходимое большинство: ${rule.label.toLowerCase()} (${rule.article}).`, { size: 8.5 });
    p.table(
      [W * 0.34, W * 0.33, W * 0.33],
      [`«${CHOICE_LABELS.for}»`, `«${CHOICE_LABELS.against}»`, `«${CHOICE_LABELS.abstain}»`],
      [[`${ruNumber(r.for)} голосов — ${ruNumber(r.forPercent)} %`, `${ruNumber(r.against)} голосов — ${ruNumber(r.againstPercent)} %`, `${ruNumber(r.abstain)} голосов — ${ruNumber(r.abstainPercent)} %`]],
      { size: 8.5, align: ['center', 'center', 'center'] },
    );
    p.para(`Проценты — ${base}.`, { size: 7.5, color: '#555555' });
    p.para(`Решение по вопросу ${it.position}: ${r.accepted ? 'РЕШЕНИЕ ПРИНЯТО' : 'РЕШЕНИЕ НЕ ПРИНЯТО'}${!c.quorum ? ' (нет кворума)' : ''}.`, { bold: true, size: 9.5 });
    p.gap(0.3);
  }
  p.para('Приложения к протоколу', { bold: true, size: 10.5 });
  d.annexes.forEach((a, i) => p.para(`${i + 1}. ${a}`, { size: 9 }));
  p.gap(0.8);
  p.room(60);
  p.para(`Председатель собрания ____________________ / ${d.chair}      Дата ${d.protocolDate}`, { size: 9.5 });
  p.gap(0.6);
  p.para(`Секретарь собрания     ____________________ / ${d.secretary}      Дата ${d.protocolDate}`, { size: 9.5 });
  p.gap(0.4);
  if (electronicCopy) electronicCopy();
  else p.para(`Электронная копия протокола, заверенная электронной подписью информационного оператора: код проверки ${formatDocumentCode(d.code)}, ${d.verifyUrl}`, { size: 8.5, color: '#555555' });

  // Annex 1: the owners who took part.
  p.pageBreak();
  p.heading(`Приложение № 1 к протоколу № ${d.protocolNumber} от ${d.protocolDate}`, 10.5);
  p.heading('Реестр собственников помещений, принявших участие в общем собрании', 10.5);
  p.para(`Всего: ${d.attendees.length} собственников, ${ruNumber(c.participatingVotes)} голосов (м²) — ${ruNumber(c.participatingPercent)} % от ${ruNumber(c.totalVotes)}.`, { size: 9 });
  p.gap(0.3);
  p.table(
    [28, 56, 56, W - 28 - 56 - 56 - 50 - 62 - 70, 50, 62, 70],
    ['№', 'Помещение', 'Площадь, м²', 'Собственник', 'Доля', 'Голосов, м²', 'Решение получено'],
    d.attendees.map((a, i) => [String(i + 1), a.premise, ruNumber(a.area), typesetQuotes(a.name), a.share, ruNumber(a.votes), a.votedAt ? formatMoscowDate(a.votedAt) : '—']),
    { size: 7.5, align: ['right', 'left', 'right', 'left', 'center', 'right', 'center'] },
  );
}

export async function renderProtocolPdf(d: ProtocolData): Promise<Buffer> {
  const p = newPdf({ title: `Протокол № ${d.protocolNumber} общего собрания собственников`, author: d.organization.name, createdAt: d.issuedAt, footer: footerWithCode(d.code, d.verifyUrl) });
  writeProtocol(p, d, () => {
    p.para('Электронная копия протокола заверена электронной подписью информационного оператора:', { size: 8.5 });
    stamp(p, d.signer, d.verifyUrl);
    codeLine(p, d);
  });
  return p.finish();
}

/** The protocol as DOCX (Office Open XML) with the same content, to edit, print and sign by hand. */
export async function renderProtocolDocx(d: Omit<ProtocolData, 'signer'>): Promise<Buffer> {
  const p = newDocx({ title: `Протокол № ${d.protocolNumber} общего собрания собственников`, author: d.organization.name, createdAt: d.issuedAt });
  writeProtocol(p, d, null);
  return p.finish();
}
