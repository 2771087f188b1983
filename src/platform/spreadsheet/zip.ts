/**
 * The zip guard: a ZIP (an XLSX is one) is read through yauzl, and nothing it
 * declares is trusted.
 *
 * - `inspectWorkbookZip` judges a stored upload by its central directory
 *   alone (nothing is inflated): entry count, duplicate names, encrypted
 *   entries, compression methods, declared sizes and ratios, and whether it
 *   is a workbook at all. A zip bomb that tells the truth stops here.
 * - `GuardedZip.read` inflates one part, counting the bytes actually produced
 *   for that part and in total over every part read from the archive, and
 *   stops at the limits. A zip whose directory lies about sizes stops here
 *   (yauzl also checks each entry's inflated length against its declared
 *   size, and that check is a refusal too).
 *
 * Every fault of the file is a `FileRefusal` with a Russian message; only our
 * own I/O faults (the stored file gone, the disk failing) are thrown as they are.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { pipeline, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import { FileRefusal, groupDigits, megabytes, refuse } from './refusal.js';

export const ZIP_LIMITS = {
  /** Entries in the archive (a workbook has tens; one with many sheets and pictures, hundreds). */
  maxEntries: 5_000,
  /** Bytes inflated from one archive, over every part read; also the bound on the declared total. */
  maxTotalUncompressed: 300 * 1024 * 1024,
  /** Uncompressed/compressed ratio above which a large entry is taken for a bomb. */
  maxRatio: 200,
  /** Entries smaller than this are not judged by their ratio. */
  ratioFloor: 10 * 1024 * 1024,
} as const;

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressed: number;
  maxRatio: number;
  ratioFloor: number;
}

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  /** As declared by the directory — never trusted for memory or time. */
  uncompressed: number;
  encrypted: boolean;
  /** 0 stored, 8 deflate; anything else is refused when read. */
  method: number;
}

const openZip = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);

const CORRUPT = 'Файл: повреждённый ZIP-архив, книгу Excel прочитать нельзя';

/** An error of our own I/O (a system call failed), as opposed to a fault in the file. */
export function isIoError(e: unknown): boolean {
  const err = e as { code?: unknown; syscall?: unknown } | null;
  return !!err && typeof err.code === 'string' && typeof err.syscall === 'string';
}

/** Rethrows our own I/O faults and refusals as they are; anything else becomes `fallback`. */
function asRefusal(e: unknown, fallback: string): Error {
  if (e instanceof FileRefusal || isIoError(e)) return e as Error;
  return refuse(fallback);
}

const METHODS: Record<number, string> = { 1: 'Shrink', 6: 'Implode', 9: 'Deflate64', 12: 'BZIP2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd', 99: 'AES' };

export class GuardedZip {
  /** Bytes inflated so far from this archive, over every part read. */
  inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly byName: Map<string, yauzl.Entry>,
    readonly entries: ReadonlyMap<string, ZipEntryInfo>,
    private readonly limits: ZipLimits,
  ) {}

  /** Opens an archive and reads its directory (bounded in entries; names must be unique). */
  static async open(file: string, limits: ZipLimits = ZIP_LIMITS): Promise<GuardedZip> {
    let zip: yauzl.ZipFile;
    try {
      zip = await openZip(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
    } catch (e) {
      throw asRefusal(e, CORRUPT);
    }
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw refuse(
          `Файл: в архиве ${groupDigits(zip.entryCount)} частей, допускается не более ${groupDigits(limits.maxEntries)}; это не похоже на обычную книгу Excel`,
        );
      }
      const byName = new Map<string, yauzl.Entry>();
      const infos = new Map<string, ZipEntryInfo>();
      let duplicate: string | null = null;
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (e: yauzl.Entry) => {
          if (byName.has(e.fileName)) duplicate ??= e.fileName;
          byName.set(e.fileName, e);
          infos.set(e.fileName, {
            name: e.fileName,
            compressed: e.compressedSize,
            uncompressed: e.uncompressedSize,
            encrypted: e.isEncrypted(),
            method: e.compressionMethod,
          });
          zip.readEntry();
        });
        zip.on('end', () => resolve());
        zip.on('error', reject);
        zip.readEntry();
      }).catch((e: unknown) => {
        throw asRefusal(e, CORRUPT);
      });
      if (duplicate !== null) {
        throw refuse(`Файл: в архиве две части с одним именем «${duplicate}» — файл повреждён или подделан`);
      }
      return new GuardedZip(zip, byName, infos, limits);
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Inflates one part chunk by chunk. At most `limit` bytes of it are
   * inflated (and at most the archive's total over all parts); past that the
   * read stops with a refusal. Encrypted parts, unknown compression methods
   * and a part that is itself a zip are refused.
   */
  async *read(name: string, limit: number): AsyncGenerator<Buffer> {
    const entry = this.byName.get(name);
    if (!entry) throw refuse(`Файл: в книге нет части «${name}»`);
    if (entry.isEncrypted()) throw refuse(`Файл: часть книги «${name}» зашифрована; снимите защиту паролем и сохраните книгу заново`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      const m = METHODS[entry.compressionMethod] ?? `№ ${entry.compressionMethod}`;
      throw refuse(`Файл: часть книги «${name}» сжата неподдерживаемым методом (${m}); сохраните книгу в Excel заново`);
    }
    if (entry.uncompressedSize > limit) throw tooBig(name, limit);
    let raw: Readable;
    try {
      // Raw (still compressed) data: we inflate it ourselves, so the inflater is ours to stop and free.
      raw = await new Promise<Readable>((resolve, reject) =>
        this.zip.openReadStream(entry, { decompress: entry.compressionMethod === 8 ? false : null, decrypt: null, start: null, end: null }, (err, s) => (err ? reject(err) : resolve(s!))),
      );
    } catch (e) {
      throw asRefusal(e, `Файл: часть книги «${name}» не читается — ZIP-архив повреждён`);
    }
    const source: Readable = entry.compressionMethod === 8 ? pipeline(raw, zlib.createInflateRaw({ chunkSize: 64 * 1024 }), () => {}) : raw;
    const lied = () =>
      refuse(
        `Файл: часть книги «${name}» после распаковки имеет другой размер, чем указано в архиве (указано ${groupDigits(entry.uncompressedSize)} байт) — файл повреждён или подделан`,
      );
    let n = 0;
    let first = true;
    try {
      for await (const chunk of source) {
        const buf = chunk as Buffer;
        n += buf.length;
        this.inflated += buf.length;
        if (n > entry.uncompressedSize) throw lied();
        if (n > limit) throw tooBig(name, limit);
        if (this.inflated > this.limits.maxTotalUncompressed) {
          throw refuse(
            `Файл: после распаковки книга занимает больше ${megabytes(this.limits.maxTotalUncompressed)}; файл похож на «zip-бомбу» или слишком велик — разделите данные на несколько файлов`,
          );
        }
        if (first && buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) {
          throw refuse(`Файл: часть книги «${name}» сама является ZIP-архивом (вложенный архив); такие файлы не обрабатываются`);
        }
        first = false;
        yield buf;
      }
      if (n !== entry.uncompressedSize) throw lied();
    } catch (e) {
      if (e instanceof FileRefusal || isIoError(e)) throw e;
      throw refuse(`Файл: часть книги «${name}» не распаковывается — ZIP-архив повреждён`);
    } finally {
      // Late errors of the stopped streams have nowhere to go but here.
      source.on('error', () => {});
      raw.on('error', () => {});
      source.destroy();
      raw.destroy();
    }
  }

  close(): void {
    this.zip.close();
  }
}

const tooBig = (name: string, limit: number) =>
  refuse(`Файл: часть книги «${name}» после распаковки больше ${megabytes(limit)}; файл похож на «zip-бомбу» или слишком велик — разделите данные на несколько файлов`);

/**
 * Judges a stored ZIP by its directory, before anything is inflated: is it a
 * workbook we may read? Returns a Russian message when not.
 */
export async function inspectWorkbookZip(file: string, limits: ZipLimits = ZIP_LIMITS): Promise<{ ok: true } | { ok: false; message: string }> {
  let zip: GuardedZip;
  try {
    zip = await GuardedZip.open(file, limits);
  } catch (e) {
    if (e instanceof FileRefusal) return { ok: false, message: e.problems[0].message };
    throw e;
  }
  try {
    const names = new Set(zip.entries.keys());
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
      const nested = [...names].filter((n) => /\.(xlsx|xlsm|xls|csv|zip|rar|7z)$/i.test(n));
      const what = names.has('word/document.xml')
        ? 'документ Word (DOCX)'
        : names.has('ppt/presentation.xml')
          ? 'презентация PowerPoint'
          : names.has('content.xml')
            ? 'документ OpenDocument (сохраните как XLSX)'
            : names.size === 0
              ? 'пустой ZIP-архив'
              : nested.length
                ? `ZIP-архив с вложенными файлами (${nested.slice(0, 3).map((n) => `«${n}»`).join(', ')}${nested.length > 3 ? ' и др.' : ''}); распакуйте его`
                : 'ZIP-архив, а не книга Excel';
      return { ok: false, message: `Файл: по содержимому это ${what}; загрузите книгу Excel (XLSX) или CSV` };
    }
    let total = 0;
    for (const e of zip.entries.values()) {
      if (e.encrypted) {
        return { ok: false, message: `Файл: часть книги «${e.name}» зашифрована; снимите защиту паролем и сохраните книгу заново` };
      }
      total += e.uncompressed;
      const ratio = e.uncompressed / Math.max(1, e.compressed);
      if (e.uncompressed > limits.ratioFloor && ratio > limits.maxRatio) {
        return {
          ok: false,
          message: `Файл: часть книги «${e.name}» сжата в ${groupDigits(Math.round(ratio))} раз (${megabytes(e.uncompressed)} после распаковки) — файл похож на «zip-бомбу» и не обрабатывается`,
        };
      }
    }
    if (total > limits.maxTotalUncompressed) {
      return {
        ok: false,
        message: `Файл: после распаковки книга занимает ${megabytes(total)}, допускается не более ${megabytes(limits.maxTotalUncompressed)}; разделите данные на несколько файлов`,
      };
    }
    return { ok: true };
  } finally {
    zip.close();
  }
}
