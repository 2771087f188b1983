/**
 * A corpus of hostile spreadsheet files, generated (never committed): zip
 * tricks (sizes that lie, an honest bomb, nested archives, 10 000 entries,
 * encryption, unknown compression, corrupt data, an empty archive), XML
 * tricks (billion laughs, external and undefined entities, malformed XML),
 * limits (a 50 MB cell, a huge shared-strings table, a row of 16 384 cells,
 * rows out of order) and CSV tricks (bad quoting, a 10 MB line, UTF-16).
 * Large contents are deflated as a stream, so building the corpus needs
 * little memory either.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { once } from 'node:events';

type Chunks = () => Iterable<Buffer | string>;

export interface ZipEntrySpec {
  name: string;
  data: Buffer | string | Chunks;
  /** The uncompressed size written in the headers (default: the true one). */
  declaredSize?: number;
  /** Compression method written in the headers; 8 deflates, anything else stores the bytes as they are. */
  method?: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
  /** Raw bytes to store instead of the deflated data (a corrupt stream). */
  rawData?: Buffer;
}

/** Deflates chunks as a stream: returns the compressed bytes, the true size and the CRC. */
async function deflate(chunks: Iterable<Buffer | string>): Promise<{ data: Buffer; size: number; crc: number }> {
  const d = zlib.createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  let size = 0;
  let crc = 0;
  for (const c of chunks) {
    const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
    size += b.length;
    crc = zlib.crc32(b, crc);
    if (!d.write(b)) await once(d, 'drain');
  }
  d.end();
  await once(d, 'end');
  return { data: Buffer.concat(out), size, crc };
}

const chunksOf = (data: ZipEntrySpec['data']): Iterable<Buffer | string> => (typeof data === 'function' ? data() : [data]);

/** Writes a ZIP whose headers say what `entries` tell them to. */
export async function writeZip(file: string, entries: ZipEntrySpec[]): Promise<void> {
  const fd = fs.openSync(file, 'w');
  const centrals: Buffer[] = [];
  let offset = 0;
  try {
    for (const e of entries) {
      const method = e.method ?? 8;
      let body: Buffer;
      let size: number;
      let crc: number;
      if (method === 8 && !e.rawData) {
        ({ data: body, size, crc } = await deflate(chunksOf(e.data)));
      } else {
        const raw = Buffer.concat([...chunksOf(e.data)].map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
        size = raw.length;
        crc = zlib.crc32(raw);
        body = e.rawData ?? raw;
      }
      const declared = e.declaredSize ?? size;
      const name = Buffer.from(e.name, 'utf8');
      const flags = 0x0800 | (e.flags ?? 0);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt32LE(crc >>> 0, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(declared, 22);
      local.writeUInt16LE(name.length, 26);
      fs.writeSync(fd, local);
      fs.writeSync(fd, name);
      fs.writeSync(fd, body);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(flags, 8);
      central.writeUInt16LE(method, 10);
      central.writeUInt32LE(crc >>> 0, 16);
      central.writeUInt32LE(body.length, 20);
      central.writeUInt32LE(declared, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, name);
      offset += 30 + name.length + body.length;
    }
    const cd = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(offset, 16);
    fs.writeSync(fd, cd);
    fs.writeSync(fd, end);
  } finally {
    fs.closeSync(fd);
  }
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const SHEET_HEAD = `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts of a workbook with one sheet «Рейсы» (and, when given, shared strings and styles). */
export function workbookParts(parts: { sheet: ZipEntrySpec['data']; sharedStrings?: ZipEntrySpec['data']; styles?: string; workbook?: string }): ZipEntrySpec[] {
  const rels =
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    (parts.sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
    (parts.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : '') +
    '</Relationships>';
  return [
    {
      name: '[Content_Types].xml',
      data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: parts.workbook ?? `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Рейсы" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    ...(parts.styles ? [{ name: 'xl/styles.xml', data: parts.styles }] : []),
    ...(parts.sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: parts.sharedStrings }] : []),
    { name: 'xl/worksheets/sheet1.xml', data: parts.sheet },
  ];
}

/** An inline-string cell. */
export const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A block of pseudo-random Cyrillic text: repeated, it deflates about 100 times — under the ratio that marks a bomb. */
function noiseBlock(chars: number): string {
  let x = 12345;
  let s = '';
  for (let i = 0; i < chars; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += String.fromCharCode(0x430 + ((x >>> 16) % 32));
  }
  return s;
}

/** `n` characters of one string, in chunks of 1 MB. */
function* repeated(unit: string, n: number): Iterable<string> {
  const block = unit.repeat(Math.ceil((1024 * 1024) / unit.length));
  let left = n;
  while (left > 0) {
    const take = Math.min(left, block.length);
    yield block.slice(0, take);
    left -= take;
  }
}

const BILLION_LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`).join('') +
  ']>';

export interface HostileFile {
  name: string;
  file: string;
  /** What a clear refusal says (matched against the Russian message). */
  expect: RegExp;
}

const MB = 1024 * 1024;

/** Writes the corpus into `dir`. */
export async function buildHostileCorpus(dir: string): Promise<HostileFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const out: HostileFile[] = [];
  const zip = async (name: string, entries: ZipEntrySpec[], expect: RegExp) => {
    const file = path.join(dir, name);
    await writeZip(file, entries);
    out.push({ name, file, expect });
  };
  const text = (name: string, data: Buffer | string, expect: RegExp) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, data);
    out.push({ name, file, expect });
  };
  // A header both readers accept (trips look at their columns only after the whole file is read, receipts at once).
  const header = `<row r="1">${inlineCell('A1', 'Номер рейса')}${inlineCell('B1', 'Решение')}${inlineCell('C1', 'Номер разрешения')}</row>`;
  const rowsOf = (from: number, n: number) => {
    let s = '';
    for (let r = from; r < from + n; r++) s += `<row r="${r}">${inlineCell(`A${r}`, 'РП-77-2026-000142')}<c r="B${r}"><v>${r}</v></c></row>`;
    return s;
  };

  // Zip tricks -----------------------------------------------------------------
  // 1 GB of rows (numbered by their order) that the directory says are 2 000 bytes.
  const block = `<row>${inlineCell('A', 'РП-77-2026-000142').replace(' r="A"', '')}<c><v>1</v></c></row>`.repeat(2000);
  await zip(
    'lying-sizes.xlsx',
    workbookParts({
      sheet: function* () {
        yield SHEET_HEAD + header;
        for (let n = 0; n < Math.ceil(1024 * MB / block.length); n++) yield block;
        yield SHEET_TAIL;
      },
    }).map((e) => (e.name.endsWith('sheet1.xml') ? { ...e, declaredSize: 2_000 } : e)),
    /другой размер, чем указано в архиве/,
  );
  // A bomb that tells the truth: 400 MB of zeros.
  await zip(
    'zip-bomb-honest.xlsx',
    workbookParts({ sheet: () => repeated('\0', 400 * MB) }),
    /zip-бомб/,
  );
  // The sheet is itself a zip (holding the lying sheet).
  const inner = path.join(dir, '.inner.zip');
  await writeZip(inner, workbookParts({ sheet: () => repeated(' ', 200 * MB) }).map((e) => ({ ...e, declaredSize: e.name.endsWith('sheet1.xml') ? 100 : undefined })));
  await zip('nested-zip-sheet.xlsx', workbookParts({ sheet: fs.readFileSync(inner) }), /вложенный архив/);
  await zip('nested-zip-archive.zip', [{ name: 'рейсы.xlsx', data: fs.readFileSync(inner) }, { name: 'ещё.zip', data: fs.readFileSync(inner) }], /вложенными файлами/);
  fs.rmSync(inner);
  await zip(
    'many-entries.xlsx',
    [...workbookParts({ sheet: SHEET_HEAD + header + SHEET_TAIL }), ...Array.from({ length: 10_000 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: 'x', method: 0 }))],
    /частей, допускается не более/,
  );
  await zip(
    'encrypted-entry.xlsx',
    workbookParts({ sheet: SHEET_HEAD + header + SHEET_TAIL }).map((e) => (e.name.endsWith('sheet1.xml') ? { ...e, flags: 1 } : e)),
    /зашифрована/,
  );
  await zip(
    'lzma-entry.xlsx',
    workbookParts({ sheet: SHEET_HEAD + header + SHEET_TAIL }).map((e) => (e.name.endsWith('sheet1.xml') ? { ...e, method: 14 } : e)),
    /неподдерживаемым методом \(LZMA\)/,
  );
  await zip(
    'corrupt-deflate.xlsx',
    workbookParts({ sheet: SHEET_HEAD + header + SHEET_TAIL }).map((e) =>
      e.name.endsWith('sheet1.xml') ? { ...e, rawData: Buffer.from('this is not a deflate stream, only garbage bytes: \xff\xfe\x00\x01', 'latin1') } : e,
    ),
    /не распаковывается|другой размер/,
  );
  text('empty.xlsx', Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), /пустой ZIP-архив/);

  // XML tricks -----------------------------------------------------------------
  await zip(
    'billion-laughs-shared-strings.xlsx',
    workbookParts({
      sheet: SHEET_HEAD + header + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>' + SHEET_TAIL,
      sharedStrings: `${XML}${BILLION_LAUGHS}<sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`,
    }),
    /DOCTYPE/,
  );
  await zip(
    'billion-laughs-sheet.xlsx',
    workbookParts({ sheet: `${XML}${BILLION_LAUGHS}<worksheet xmlns="${NS}"><sheetData>${header}<row r="2">${inlineCell('A2', '&lol9;')}</row>${SHEET_TAIL}` }),
    /DOCTYPE/,
  );
  await zip(
    'external-entity.xlsx',
    workbookParts({
      sheet: SHEET_HEAD + header + SHEET_TAIL,
      workbook: `${XML}<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    }),
    /DOCTYPE/,
  );
  await zip(
    'undefined-entity.xlsx',
    workbookParts({ sheet: SHEET_HEAD + header + `<row r="2">${inlineCell('A2', '&xxe;')}</row>` + SHEET_TAIL }),
    /неизвестную XML-сущность/,
  );
  await zip('malformed-xml.xlsx', workbookParts({ sheet: SHEET_HEAD + header + '<row r="2"><c r="A2"><v>1</c></row>' + SHEET_TAIL }), /ошибка XML в строке 2/);

  // Limits ---------------------------------------------------------------------
  await zip(
    'huge-cell-inline.xlsx',
    workbookParts({
      sheet: function* () {
        yield SHEET_HEAD + header + '<row r="2"><c r="A2" t="inlineStr"><is><t>';
        yield* repeated(noiseBlock(4096), 50 * MB);
        yield '</t></is></c></row>' + SHEET_TAIL;
      },
    }),
    /ячейка A2 .*длиннее 32 767 символов/,
  );
  await zip(
    'huge-cell-shared.xlsx',
    workbookParts({
      sheet: SHEET_HEAD + header + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>' + SHEET_TAIL,
      sharedStrings: function* () {
        yield `${XML}<sst xmlns="${NS}"><si><t>`;
        yield* repeated(noiseBlock(4096), 50 * MB);
        yield '</t></si></sst>';
      },
    }),
    /общая строка № 1 книги длиннее 32 767 символов/,
  );
  await zip(
    'huge-shared-strings.xlsx',
    workbookParts({
      sheet: SHEET_HEAD + header + SHEET_TAIL,
      sharedStrings: function* () {
        yield `${XML}<sst xmlns="${NS}">`;
        for (let k = 0; k < 1_100; k++) {
          let s = '';
          for (let i = k * 1000; i < (k + 1) * 1000; i++) s += `<si><t>строка ${i}</t></si>`;
          yield s;
        }
        yield '</sst>';
      },
    }),
    /таблица общих строк книги больше допустимого/,
  );
  let wide = '<row r="2">';
  for (let c = 0; c < 16_384; c++) wide += `<c><v>${c}</v></c>`;
  await zip('wide-row.xlsx', workbookParts({ sheet: SHEET_HEAD + header + wide + '</row>' + SHEET_TAIL }), /за пределами первых [\d ]+ столбцов/);
  await zip('rows-out-of-order.xlsx', workbookParts({ sheet: SHEET_HEAD + header + rowsOf(5, 3) + rowsOf(3, 1) + SHEET_TAIL }), /не по порядку \(строка 3 после строки 7\)/);

  // CSV tricks -----------------------------------------------------------------
  text('malformed-quotes.csv', 'Номер рейса;Решение;Номер разрешения\r\nРП-1;А123ВС77\r\n"РП-2"x;А124ВС77\r\n', /в строке 3 после закрывающей кавычки/);
  text('unclosed-quote.csv', 'Номер рейса;Решение;Номер разрешения\r\n"РП-1;А123ВС77\r\nРП-2;А124ВС77\r\n', /открытая в строке 2, не закрыта/);
  text('long-line.csv', Buffer.concat([Buffer.from('Номер рейса;Решение;Номер разрешения\r\n'), Buffer.alloc(10 * MB, 'a'), Buffer.from('\r\n')]), /строка 2 длиннее/);
  text('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Номер рейса;Решение;Номер разрешения\r\nРП-1;А123ВС77\r\n', 'utf16le')]), /UTF-16/);

  return out;
}
