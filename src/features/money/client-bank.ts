/**
 * The 1C «ClientBankExchange» text format (the exchange file Russian banks export for 1C): key=value
 * lines, Windows-1251 («Кодировка=Windows») or CP866 («Кодировка=DOS»), sections
 * «СекцияРасчСчет … КонецРасчСчет» and «СекцияДокумент=<вид> … КонецДокумента», ending «КонецФайла».
 * Every fault of the file is a FileRefusal with a message beginning «Файл:» (never a 5xx).
 */
import iconv from 'iconv-lite';
import { refuse, FileRefusal, type FileProblem } from '../../platform/spreadsheet/refusal.js';
import { parseRubles } from '../../domain/money.js';

export interface BankDocument {
  /** 1-based index of the document in the file. */
  index: number;
  kind: string;
  number: string;
  date: string;
  amountKop: bigint;
  payerAccount: string;
  payerInn: string;
  payerName: string;
  receiverAccount: string;
  receiverInn: string;
  purpose: string;
}

export interface BankStatement {
  encoding: 'windows-1251' | 'cp866' | 'utf-8';
  account: string | null;
  from: string | null;
  to: string | null;
  documents: BankDocument[];
}

export const MAX_BANK_DOCUMENTS = 200_000;

const ruToIso = (s: string): string | null => {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
};

/** Decodes the file: UTF-8 with BOM as such; otherwise Windows-1251 unless the header says DOS. */
function decode(buf: Buffer): { text: string; encoding: BankStatement['encoding'] } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  const head = iconv.decode(buf.subarray(0, 2048), 'win1251');
  if (/^Кодировка=DOS/m.test(head) || /Ъ®¤Ёа®ўЄ /.test(head)) return { text: iconv.decode(buf, 'cp866'), encoding: 'cp866' };
  return { text: iconv.decode(buf, 'win1251'), encoding: 'windows-1251' };
}

export function parseClientBank(buf: Buffer): BankStatement {
  if (buf.length === 0) throw refuse('Файл: пустой');
  const { text, encoding } = decode(buf);
  const lines = text.split(/\r\n|\n|\r/);
  if ((lines[0] ?? '').trim() !== '1CClientBankExchange') {
    throw refuse('Файл: это не выписка в формате 1С «ClientBankExchange» (первая строка должна быть «1CClientBankExchange»)');
  }
  const problems: FileProblem[] = [];
  const header: Record<string, string> = {};
  const documents: BankDocument[] = [];
  let doc: Record<string, string> | null = null;
  let docKind = '';
  let docLine = 0;
  let inAccount = false;
  let ended = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (ended) break;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    const value = eq < 0 ? '' : line.slice(eq + 1).trim();
    if (key === 'СекцияДокумент') {
      if (doc) problems.push({ field: 'file', message: `Файл: строка ${docLine + 1}: документ не закрыт строкой «КонецДокумента»` });
      doc = {};
      docKind = value;
      docLine = i;
      continue;
    }
    if (key === 'КонецДокумента') {
      if (!doc) {
        problems.push({ field: 'file', message: `Файл: строка ${i + 1}: «КонецДокумента» без «СекцияДокумент»` });
        continue;
      }
      const n = documents.length + 1;
      const at = `Файл: документ ${n} (строка ${docLine + 1})`;
      const date = ruToIso(doc['Дата'] ?? '');
      const amount = parseRubles(doc['Сумма'] ?? '');
      if (!doc['Номер']) problems.push({ field: 'file', message: `${at}: нет номера («Номер=»)` });
      if (!date) problems.push({ field: 'file', message: `${at}: дата «${doc['Дата'] ?? ''}» не в виде ДД.ММ.ГГГГ` });
      if (!amount.ok) problems.push({ field: 'file', message: `${at}: сумма «${doc['Сумма'] ?? ''}» — ${amount.error}` });
      if (date && amount.ok && doc['Номер']) {
        documents.push({
          index: n,
          kind: docKind,
          number: doc['Номер'].slice(0, 40),
          date,
          amountKop: amount.kop,
          payerAccount: (doc['ПлательщикСчет'] ?? doc['ПлательщикРасчСчет'] ?? '').slice(0, 40),
          payerInn: (doc['ПлательщикИНН'] ?? '').slice(0, 12),
          payerName: (doc['Плательщик1'] ?? doc['Плательщик'] ?? '').slice(0, 500),
          receiverAccount: (doc['ПолучательСчет'] ?? doc['ПолучательРасчСчет'] ?? '').slice(0, 40),
          receiverInn: (doc['ПолучательИНН'] ?? '').slice(0, 12),
          purpose: [doc['НазначениеПлатежа'], doc['НазначениеПлатежа1'], doc['НазначениеПлатежа2'], doc['НазначениеПлатежа3'], doc['НазначениеПлатежа4'], doc['НазначениеПлатежа5'], doc['НазначениеПлатежа6']]
            .filter(Boolean)
            .join(' ')
            .slice(0, 1000),
        });
        if (documents.length > MAX_BANK_DOCUMENTS) throw refuse(`Файл: больше ${MAX_BANK_DOCUMENTS} документов — разделите выписку по периодам`);
      }
      doc = null;
      continue;
    }
    if (key === 'СекцияРасчСчет') {
      inAccount = true;
      continue;
    }
    if (key === 'КонецРасчСчет') {
      inAccount = false;
      continue;
    }
    if (key === 'КонецФайла') {
      ended = true;
      continue;
    }
    if (doc) {
      // Repeated keys keep the first value (some banks repeat «Плательщик»).
      if (!(key in doc)) doc[key] = value;
    } else if (!inAccount || !(key in header)) header[key] = value;
    if (problems.length > 20) break;
  }
  if (doc) problems.push({ field: 'file', message: `Файл: строка ${docLine + 1}: документ не закрыт строкой «КонецДокумента»` });
  if (!ended && !problems.length) problems.push({ field: 'file', message: 'Файл: нет строки «КонецФайла» — похоже, файл обрезан' });
  if (problems.length) throw new FileRefusal(problems.slice(0, 20));
  return {
    encoding,
    account: header['РасчСчет'] || null,
    from: ruToIso(header['ДатаНачала'] ?? ''),
    to: ruToIso(header['ДатаКонца'] ?? ''),
    documents,
  };
}
