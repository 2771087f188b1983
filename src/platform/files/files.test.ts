/**
 * The file store (atomic writes, sizes, digests, limits), Content-Disposition
 * with Cyrillic names, and judging documents by content.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { afterAll, describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition, FileTooLargeError, localFileStore, sniffDocument, withLocalCopy } from './index.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ossig-files-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const store = localFileStore(root);

function zip(entries: Record<string, Buffer | string>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries)) z.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name);
  z.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    z.outputStream.on('error', reject);
  });
}

/** An OLE compound file whose directory names the given streams (enough for the judge; not a whole document). */
function compound(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30); // 512-byte sectors
  const dir = Buffer.alloc(512 * 2);
  ['Root Entry', ...streams].forEach((name, i) => {
    const off = i * 128;
    dir.write(name, off, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, off + 64);
    dir[off + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, Buffer.alloc(512 * 3, 0xff), dir]);
}

async function judge(name: string, data: Buffer) {
  const key = `sniff/${crypto.randomUUID()}`;
  const stored = await store.put(key, data);
  return withLocalCopy(store, key, (p) => sniffDocument(p, stored.head, name));
}

describe('the file store', () => {
  it('writes atomically under its key with size and SHA-256, and streams it back', async () => {
    const data = crypto.randomBytes(300_000);
    const s = await store.put('a/b/one.bin', Readable.from([data.subarray(0, 1000), data.subarray(1000)]));
    expect(s).toMatchObject({ key: 'a/b/one.bin', bytes: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') });
    expect(s.head).toEqual(data.subarray(0, 8192));
    const back = await store.get('a/b/one.bin');
    const chunks: Buffer[] = [];
    for await (const c of back!.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks)).toEqual(data);
    expect(fs.readdirSync(path.join(root, 'a/b'))).toEqual(['one.bin']);
    expect(await store.get('a/b/missing')).toBeNull();
  });

  it('stops at the size limit and leaves nothing behind', async () => {
    await expect(store.put('big/x.bin', Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(fs.existsSync(path.join(root, 'big'))).toBe(true);
    expect(fs.readdirSync(path.join(root, 'big'))).toEqual([]);
  });

  it('a source that fails midway leaves no file, not even a temporary one', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(100));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put('cut/x.bin', failing)).rejects.toThrow('connection reset');
    expect(fs.readdirSync(path.join(root, 'cut'))).toEqual([]);
  });

  it('refuses keys that would escape the store', async () => {
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', '.hidden', 'a//b', 'a/.tmp']) await expect(store.put(bad, Buffer.from('x'))).rejects.toThrow(/bad file key/);
  });
});

describe('Content-Disposition', () => {
  it('carries a Cyrillic name in filename* (RFC 5987) and a transliterated ASCII fallback', () => {
    const h = contentDisposition('Разрешение РП-77-2026-001001 (версия 2).pdf');
    expect(h).toBe(
      `attachment; filename="Razreshenie RP-77-2026-001001 (versiya 2).pdf"; filename*=UTF-8''%D0%A0%D0%B0%D0%B7%D1%80%D0%B5%D1%88%D0%B5%D0%BD%D0%B8%D0%B5%20%D0%A0%D0%9F-77-2026-001001%20%28%D0%B2%D0%B5%D1%80%D1%81%D0%B8%D1%8F%202%29.pdf`,
    );
    expect(decodeURIComponent(h.split("UTF-8''")[1])).toBe('Разрешение РП-77-2026-001001 (версия 2).pdf');
    expect(contentDisposition('a"b\\c\r\nd.pdf', { inline: true })).toBe(`inline; filename="a_b_c  d.pdf"; filename*=UTF-8''a%22b%5Cc%20%20d.pdf`);
    expect(asciiFileName('Щука ёж.docx')).toBe('Shchuka ezh.docx');
    expect(asciiFileName('日本語')).toBe('___');
  });
});

describe('documents judged by content', () => {
  it('accepts each allowed type, whatever its case of extension', async () => {
    const docx = await zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    const xlsx = await zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    const cases: [string, Buffer, string][] = [
      ['Регламент.PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'pdf'],
      ['письмо.rtf', Buffer.from('{\\rtf1\\ansi\\deff0 Привет}'), 'rtf'],
      ['скан.JPG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), 'jpeg'],
      ['скан.tif', Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'tiff'],
      ['скан.tiff', Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), 'tiff'],
      ['Договор.docx', docx, 'docx'],
      ['Расчёт.xlsx', xlsx, 'xlsx'],
      ['Договор.doc', compound(['WordDocument', '1Table']), 'doc'],
      ['Расчёт.xls', compound(['Workbook', 'SummaryInformation']), 'xls'],
      ['Старый.xls', compound(['Book']), 'xls'],
    ];
    for (const [name, data, type] of cases) expect(await judge(name, data), name).toEqual({ ok: true, type, fileName: name });
  });

  it('gives a name without an extension the right one', async () => {
    expect(await judge('Договор', Buffer.from('%PDF-1.4\n'))).toEqual({ ok: true, type: 'pdf', fileName: 'Договор.pdf' });
  });

  it('refuses other content and names the file and what it is', async () => {
    const pptx = await zip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' });
    const refusals: [string, Buffer, RegExp][] = [
      ['фото.pdf', Buffer.from('89504e470d0a1a0a', 'hex'), /«фото\.pdf»: по содержимому это изображение PNG/],
      ['архив.pdf', await zip({ 'a.txt': 'x' }), /ZIP-архив/],
      ['слайды.pptx', pptx, /презентация PowerPoint/],
      ['setup.doc', Buffer.from('MZ\x90\x00'), /исполняемый файл/],
      ['пусто.pdf', Buffer.alloc(0), /файл пустой/],
      ['текст.pdf', Buffer.from('просто текст'), /неизвестного формата/],
      ['зашифрован.docx', compound(['EncryptedPackage', 'EncryptionInfo']), /защищён паролем/],
      ['непонятный.doc', compound(['Foo']), /не документ Word и не книга Excel/],
      // The extension contradicts the content.
      ['Договор.pdf', await zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }), /по содержимому это документ Word \(DOCX\), а расширение имени — \.pdf/],
    ];
    for (const [name, data, re] of refusals) {
      const r = await judge(name, data);
      expect(r.ok, name).toBe(false);
      expect((r as { message: string }).message, name).toMatch(re);
    }
  });

  it('refuses a zip bomb by its directory without inflating it', async () => {
    const bomb = await zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': Buffer.alloc(12 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(100_000);
    const r = await judge('бомба.docx', bomb);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/zip-бомбу/) });
  });
});
