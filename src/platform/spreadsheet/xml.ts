/**
 * Streaming XML for the parts of a workbook: saxes fed with decoded text
 * chunk by chunk (a StringDecoder carries a character split between chunks
 * over), with the tricks of hostile files refused, never expanded:
 *
 * - a DOCTYPE (entity declarations: billion laughs, external entities such as
 *   SYSTEM "file:///etc/passwd") is refused as soon as it is seen;
 * - a reference to an entity XML does not predefine is refused;
 * - a run of more than `maxRun` characters without an element or text event
 *   (a giant text, attribute, comment or name) is refused before saxes buffers more;
 * - an XML declaration naming an encoding other than UTF-8/UTF-16 is refused;
 * - malformed XML is refused naming the part and the line.
 *
 * Element names come without their namespace prefix (`x:c` → `c`).
 */
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { FileRefusal, groupDigits, refuse } from './refusal.js';

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
  /** The refusal for a run of text without markup longer than the limit (the caller knows which cell it is in). */
  runTooLong?(limit: number): FileRefusal;
}

/** Characters without a markup event before a part is refused (a cell holds at most 32 767, even escaped this is far more). */
export const DEFAULT_MAX_RUN = 1024 * 1024;

const localName = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

export interface XmlFeeder {
  write(chunk: Buffer): void;
  end(): void;
}

/** A parser of one part; `part` names it in messages («xl/worksheets/sheet1.xml»). */
export function xmlFeeder(part: string, h: XmlHandlers, maxRun = DEFAULT_MAX_RUN): XmlFeeder {
  const parser = new SaxesParser({ xmlns: false, fileName: part });
  let decoder: StringDecoder | null = null;
  let lastEvent = 0;
  let sawRoot = false;
  /** Text before the root element, kept to spot a DOCTYPE early. */
  let prolog = '';
  let failure: unknown = null;

  const doctype = () =>
    refuse(
      `Файл: часть книги «${part}» содержит объявление DOCTYPE (определения XML-сущностей); такие файлы не обрабатываются — сохраните книгу в Excel заново`,
    );

  // Few handlers on purpose: past six or so, V8 turns the parser into a slow dictionary object and
  // parsing gets five times slower. The XML declaration and a DOCTYPE are looked for in the prolog
  // text (below); the doctype handler is a safety net.
  parser.on('doctype', () => {
    throw doctype();
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    sawRoot = true;
    lastEvent = parser.position;
    h.open(localName(tag.name), tag.attributes, tag.isSelfClosing);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    lastEvent = parser.position;
    h.close(localName(tag.name));
  });
  parser.on('text', (t: string) => {
    lastEvent = parser.position;
    h.text(t);
  });
  parser.on('cdata', (t: string) => {
    lastEvent = parser.position;
    h.text(t);
  });
  parser.on('error', (e: Error) => {
    // saxes goes on after an error; we stop at the first.
    failure ??= e;
  });

  const xmlError = (e: Error) => {
    const m = /:(\d+):(\d+): (.*)$/.exec(e.message);
    const where = m ? ` в строке ${groupDigits(Number(m[1]))}, позиции ${groupDigits(Number(m[2]) + 1)}` : '';
    if (m && /undefined entity|disallowed character in entity/.test(m[3])) {
      return refuse(`Файл: часть книги «${part}» ссылается на неизвестную XML-сущность${where}; такие файлы не обрабатываются`);
    }
    return refuse(`Файл: часть книги «${part}» повреждена: ошибка XML${where}; сохраните книгу в Excel заново`);
  };

  let declChecked = false;
  const feed = (text: string) => {
    if (!sawRoot) {
      prolog += text;
      if (prolog.includes('<!DOCTYPE') || prolog.includes('<!ENTITY')) throw doctype();
      if (!declChecked && prolog.includes('?>')) {
        declChecked = true;
        const enc = /^\s*<\?xml\s[^?]*encoding\s*=\s*["']([^"']*)["']/.exec(prolog)?.[1];
        if (enc && !/^utf-?(8|16(le)?)$/i.test(enc)) {
          throw refuse(`Файл: часть книги «${part}» в кодировке «${enc.slice(0, 30)}», которую XLSX не допускает; сохраните книгу в Excel заново`);
        }
      }
      if (prolog.length > 64 * 1024) prolog = prolog.slice(-16);
    }
    try {
      parser.write(text);
    } catch (e) {
      if (e instanceof FileRefusal) throw e;
      throw xmlError(e as Error);
    }
    if (failure) throw xmlError(failure as Error);
    if (parser.position - lastEvent > maxRun) {
      throw (
        h.runTooLong?.(maxRun) ??
        refuse(`Файл: часть книги «${part}» содержит фрагмент длиннее ${groupDigits(maxRun)} символов без разметки — файл повреждён или подделан`)
      );
    }
  };

  return {
    write(chunk: Buffer) {
      if (!decoder) {
        // The first bytes tell the encoding: UTF-8 (with or without a BOM) or UTF-16LE.
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
        if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0x3c && chunk[1] === 0x00)) {
          decoder = new StringDecoder('utf16le');
          if (chunk[0] === 0xff) chunk = chunk.subarray(2);
        } else if ((chunk[0] === 0xfe && chunk[1] === 0xff) || (chunk[0] === 0x00 && chunk[1] === 0x3c)) {
          throw refuse(`Файл: часть книги «${part}» в кодировке UTF-16BE, которая не поддерживается; сохраните книгу в Excel заново`);
        } else {
          decoder = new StringDecoder('utf8');
        }
      }
      const text = decoder.write(chunk);
      if (text) feed(text);
    },
    end() {
      const rest = decoder?.end() ?? '';
      if (rest) feed(rest);
      try {
        parser.close();
      } catch (e) {
        if (e instanceof FileRefusal) throw e;
        throw xmlError(e as Error);
      }
      if (failure) throw xmlError(failure as Error);
      if (!sawRoot) throw refuse(`Файл: часть книги «${part}» пуста или не является XML`);
    },
  };
}

/** Reads a whole (small) part through `h`. */
export async function parseXmlPart(chunks: AsyncIterable<Buffer>, part: string, h: XmlHandlers): Promise<void> {
  const feeder = xmlFeeder(part, h);
  for await (const chunk of chunks) feeder.write(chunk);
  feeder.end();
}
