/**
 * Receiving an uploaded file (multipart/form-data, field «file») for the trips
 * and receipts uploads, within a slot of the upload gate (gate.ts).
 *
 * The slot is released on every path — finished, refused, failed, client gone,
 * timed out — by the handler's `finally` and, as a backstop, when the response
 * closes. The body is read with busboy under tight limits, each a clear 4xx
 * naming it: one file of at most 50 MB (413), at most MAX_FIELDS other fields of
 * at most MAX_FIELD_BYTES each (413), at most MAX_PARTS parts; a body that sends
 * nothing for `UPLOAD_IDLE_TIMEOUT_SECONDS`, or takes longer than
 * RECEIVE_MAX_SECONDS in all, is cut off with 408. After any refusal the
 * connection is closed (the rest of the body is never read), and the partial
 * file is removed.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Busboy, type BusboyHeaders, type BusboyInstance } from '@fastify/busboy';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { groupDigits } from '../../platform/spreadsheet/refusal.js';
import { uploadGate } from './gate.js';
import { freeBytes, openTemp, storeStream, type StoredTemp, type TempFile } from './storage.js';

export const MAX_FILE_MB = 50;
export const MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024;
/** Form fields besides the file (they are ignored). */
export const MAX_FIELDS = 10;
export const MAX_FIELD_BYTES = 64 * 1024;
export const MAX_PARTS = MAX_FIELDS + 1;
/** The longest an upload's body may take in all, however steadily it trickles (50 MB at about 0.5 Mbit/s). */
export const RECEIVE_MAX_SECONDS = 15 * 60;

export interface ReceivedFile extends StoredTemp {
  /** The name the client gave, cleaned for display. */
  fileName: string;
}

export function cleanFileName(name: string | undefined): string {
  const base = path.basename(String(name ?? '').replace(/\\/g, '/'));
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
  return clean || 'file';
}

export const tooLarge = (): AppError =>
  new AppError('payload_too_large', `Файл: размер не должен превышать ${MAX_FILE_MB} МБ`, [
    { field: 'file', message: `Файл: размер не должен превышать ${MAX_FILE_MB} МБ; разделите данные на несколько файлов` },
  ]);

const fileRequired = () => invalid({ field: 'file', message: 'Файл: обязательное поле (multipart, поле «file»)' });

const overloaded = (detail: string, retryAfter: number) => new AppError('overloaded', detail, undefined, { retryAfter });

/**
 * Admits an upload through the gate, receives its file into a temporary file,
 * runs `use` on it (still within the slot), then removes the temporary file
 * (unless `use` moved it) and releases the slot.
 */
export async function receiveUpload<T>(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, use: (file: ReceivedFile) => Promise<T>): Promise<T> {
  if (ctx.pool.waitingCount > uploadGate.maxPoolWaiting) {
    throw overloaded('Сейчас загружается слишком много файлов. Повторите попытку через несколько секунд — ничего не потеряно', uploadGate.retryAfterSeconds);
  }
  const release = await uploadGate.slots.forPool(ctx.pool).tryAcquire();
  if (!release) {
    throw overloaded('Сейчас загружается слишком много файлов. Повторите попытку через несколько секунд — ничего не потеряно', uploadGate.retryAfterSeconds);
  }
  reply.raw.once('close', () => void release().catch(() => {}));
  let file: ReceivedFile | null = null;
  try {
    if ((await freeBytes(ctx.config)) < uploadGate.minFreeBytes) {
      throw overloaded('Хранилище файлов временно заполнено; повторите попытку позже', 60);
    }
    file = await receive(ctx, req, reply);
    return await use(file);
  } finally {
    if (file) await fsp.rm(file.path, { force: true });
    await release();
  }
}

/** Reads the multipart body: one file in the field «file» into a temporary file. */
async function receive(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<ReceivedFile> {
  const raw = req.raw;
  const declared = Number(raw.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_FILE_BYTES + MAX_PARTS * MAX_FIELD_BYTES) {
    reply.raw.shouldKeepAlive = false;
    throw tooLarge();
  }
  let bb: BusboyInstance;
  try {
    bb = new Busboy({
      headers: raw.headers as BusboyHeaders,
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, fieldNameSize: 200, parts: MAX_PARTS, headerPairs: 20 },
    });
  } catch {
    reply.raw.shouldKeepAlive = false;
    throw new AppError('unsupported_media_type', 'Запрос: ожидается multipart/form-data с границей частей (boundary) и файлом в поле «file»');
  }
  // The file is opened before the body is read, so the file part's stream is stored from its first byte.
  const temp: TempFile = await openTemp(ctx.config);

  return new Promise<ReceivedFile>((resolve, reject) => {
    let settled = false;
    let fileStream: Readable | null = null;
    let stored: Promise<StoredTemp> | null = null;
    let fileName = 'file';

    const idleSeconds = ctx.config.uploadIdleTimeoutSeconds;
    const idle = setTimeout(
      () =>
        fail(
          new AppError('request_timeout', `Файл не получен: передача остановилась более чем на ${groupDigits(idleSeconds)} с; повторите загрузку`, [
            { field: 'file', message: `Файл: передача остановилась более чем на ${groupDigits(idleSeconds)} с; повторите загрузку` },
          ]),
        ),
      idleSeconds * 1000,
    );
    const total = setTimeout(
      () =>
        fail(
          new AppError('request_timeout', `Файл не получен: передача длится дольше ${RECEIVE_MAX_SECONDS / 60} минут; проверьте соединение и повторите загрузку`, [
            { field: 'file', message: `Файл: передача длится дольше ${RECEIVE_MAX_SECONDS / 60} минут` },
          ]),
        ),
      RECEIVE_MAX_SECONDS * 1000,
    );
    const touch = () => idle.refresh();
    const ended = () => clearTimeout(idle);
    const gone = () => {
      if (!raw.complete) fail(new AppError('bad_request', 'Передача файла прервана клиентом'));
    };

    const cleanup = () => {
      clearTimeout(idle);
      clearTimeout(total);
      raw.off('data', touch);
      raw.off('end', ended);
      raw.off('aborted', gone);
      raw.off('close', gone);
      raw.off('error', gone);
      raw.unpipe(bb);
    };

    function fail(err: Error): void {
      if (settled) return;
      settled = true;
      cleanup();
      // The rest of the body is not read: close the connection once the answer is sent.
      reply.raw.shouldKeepAlive = false;
      fileStream?.destroy(err);
      const partial = stored;
      if (!partial) {
        void temp.fh
          .close()
          .catch(() => {})
          .then(() => fsp.rm(temp.path, { force: true }))
          .finally(() => reject(err));
        return;
      }
      // storeStream removes its file when its stream is cut; a file already complete is removed here.
      partial.then(
        (s) => fsp.rm(s.path, { force: true }).finally(() => reject(err)),
        () => reject(err),
      );
    }

    const limit = (what: string) =>
      fail(new AppError('payload_too_large', `Запрос: ${what}; отправьте один файл в поле «file»`));

    bb.on('file', (name, stream, filename) => {
      if (settled || stored) {
        stream.resume();
        return;
      }
      if (name !== 'file') {
        stream.resume();
        fail(invalid({ field: 'file', message: `Файл: ожидается в поле «file», а получен в поле «${name.slice(0, 50)}»` }));
        return;
      }
      fileStream = stream;
      fileName = cleanFileName(filename);
      // A cut body makes busboy emit 'error' on the file: never unhandled.
      stream.on('error', () => {});
      stream.on('limit', () => fail(tooLarge()));
      stored = storeStream(temp, stream, () => stream.truncated);
      stored.catch((e: unknown) => fail(e as Error));
    });
    bb.on('field', (name, _value, nameTruncated, valueTruncated) => {
      if (nameTruncated || valueTruncated) {
        limit(`поле формы «${name.slice(0, 50)}» длиннее ${groupDigits(MAX_FIELD_BYTES / 1024)} КБ`);
      }
    });
    bb.on('fieldsLimit', () => limit(`в форме больше ${MAX_FIELDS} полей`));
    bb.on('filesLimit', () => limit('в форме больше одного файла'));
    bb.on('partsLimit', () => limit(`в форме больше ${MAX_PARTS} частей`));
    bb.on('error', () => fail(new AppError('bad_request', 'Запрос: тело multipart/form-data повреждено или оборвано')));
    bb.on('finish', () => {
      if (settled) return;
      if (!stored) return fail(fileRequired());
      stored.then(
        (s) => {
          if (settled) return;
          if (s.truncated) {
            fail(tooLarge());
            return;
          }
          settled = true;
          cleanup();
          resolve({ ...s, fileName });
        },
        (e: unknown) => fail(e as Error),
      );
    });

    raw.on('data', touch);
    raw.once('end', ended);
    raw.once('aborted', gone);
    raw.once('close', gone);
    raw.once('error', gone);
    raw.pipe(bb);
  });
}
