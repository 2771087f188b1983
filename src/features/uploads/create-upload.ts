/**
 * Accepting an upload: the file, already received into a temporary file
 * (receive-file.ts: hashed on the way, fsynced), is judged by content, renamed
 * into place, and then the `uploads` row and its processing job are written in
 * one transaction. The same file from the same organization (same SHA-256)
 * answers with the earlier upload and records nothing; an `Idempotency-Key`
 * replays its first answer.
 */
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/http/auth.js';
import { AppError, invalid } from '../../platform/http/errors.js';
import { enqueue } from '../../platform/jobs/index.js';
import { audit } from '../../platform/audit.js';
import { sniffFile } from '../../platform/spreadsheet/sniff.js';
import { formatMoscowDateTime } from '../../domain/period.js';
import { originalKey, uploadStore } from './storage.js';
import { processUploadJob } from './jobs.js';
import { getUpload, type UploadView } from './queries.js';
import type { ReceivedFile } from './receive-file.js';

export interface CreateUploadInput {
  actor: Actor;
  /** The received file (a temporary file; it is moved into place or removed). */
  file: ReceivedFile;
  idempotencyKey: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface CreateUploadResult {
  status: 200 | 202;
  upload: UploadView & { repeated: boolean; message: string };
}

export async function createUpload(ctx: AppContext, input: CreateUploadInput): Promise<CreateUploadResult> {
  const { actor, file: stored } = input;
  const drop = () => fsp.rm(stored.path, { force: true });
  try {
    if (stored.size === 0) throw invalid({ field: 'file', message: 'Файл: файл пустой' });
    const sniff = await sniffFile(stored.path, stored.head);
    if (!sniff.ok) throw invalid({ field: 'file', message: sniff.message });

    const earlier = await findEarlier(ctx, actor.organizationId, stored.sha256, input.idempotencyKey);
    if (earlier) {
      await drop();
      return earlier;
    }

    const id = crypto.randomUUID();
    const store = uploadStore(ctx.config);
    const removeStored = () => store.delete(originalKey(id)).catch(() => {});
    await store.putFile(originalKey(id), stored.path);
    try {
      const inserted = await ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('uploads')
          .values({
            id,
            organization_id: actor.organizationId,
            person_id: actor.personId,
            file_name: stored.fileName,
            file_type: sniff.type,
            size_bytes: stored.size,
            sha256: stored.sha256,
            idempotency_key: input.idempotencyKey,
          })
          .onConflict((oc) => oc.columns(['organization_id', 'kind', 'sha256']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!row) return false;
        await enqueue(trx, processUploadJob, { uploadId: id }, { jobKey: `upload:${id}` });
        await audit(trx, {
          action: 'upload.created',
          personId: actor.personId,
          organizationId: actor.organizationId,
          subjectType: 'upload',
          subjectId: id,
          ip: input.ip ?? null,
          userAgent: input.userAgent ?? null,
          details: { fileName: stored.fileName, size: stored.size, sha256: stored.sha256, type: sniff.type },
        });
        return true;
      });
      if (!inserted) {
        // Another request with the same file committed first.
        await removeStored();
        const other = await findEarlier(ctx, actor.organizationId, stored.sha256, input.idempotencyKey);
        if (other) return other;
        throw new AppError('conflict', 'Файл загружается параллельно другим запросом; обновите журнал загрузок');
      }
    } catch (e) {
      if ((e as { code?: string }).code === '23505') {
        // Same Idempotency-Key committed concurrently.
        await removeStored();
        const other = await findEarlier(ctx, actor.organizationId, stored.sha256, input.idempotencyKey);
        if (other) return other;
      }
      if (!(e instanceof AppError)) await removeStored();
      throw e;
    }
    const view = (await getUpload(ctx, actor, id))!;
    return {
      status: 202,
      upload: { ...view, repeated: false, message: 'Файл принят и поставлен в очередь на обработку; страницу можно закрыть — результат появится в журнале загрузок' },
    };
  } catch (e) {
    await drop();
    throw e;
  }
}

async function findEarlier(ctx: AppContext, organizationId: string, sha256: string, key: string | null): Promise<CreateUploadResult | null> {
  if (key) {
    const byKey = await ctx.db
      .selectFrom('uploads')
      .select(['id', 'sha256'])
      .where('organization_id', '=', organizationId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (byKey && byKey.sha256 !== sha256) {
      throw new AppError('idempotency_mismatch', 'Этот Idempotency-Key уже использован с другим файлом; используйте новый ключ', [
        { field: 'Idempotency-Key', message: 'Idempotency-Key: уже использован с другим файлом' },
      ]);
    }
  }
  const same = await ctx.db
    .selectFrom('uploads')
    .select(['id', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'trips')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (!same) return null;
  const view = await getUpload(ctx, { organizationId }, same.id);
  return {
    status: 200,
    upload: {
      ...view!,
      repeated: true,
      message: `Этот файл уже загружался ${formatMoscowDateTime(same.created_at)}; повторно ничего не записано`,
    },
  };
}
