/** The uploads feature's background job. */
import { defineJob } from '../../platform/jobs/index.js';
import { markFailed, processUpload } from './process-upload.js';

export const processUploadJob = defineJob<{ uploadId: string }>({
  name: 'uploads.process',
  maxAttempts: 5,
  parse(payload) {
    const p = payload as { uploadId?: unknown };
    if (typeof p?.uploadId !== 'string' || !/^[0-9a-f-]{36}$/i.test(p.uploadId)) throw new Error('uploads.process: uploadId expected');
    return { uploadId: p.uploadId };
  },
  async run(ctx, payload, meta) {
    await processUpload(ctx, payload.uploadId, { signal: meta.signal });
  },
  async giveUp(ctx, payload, reason) {
    await markFailed(
      ctx,
      payload.uploadId,
      reason.kind === 'crashed'
        ? 'Файл не удалось обработать: его обработка дважды аварийно прервалась, поэтому повторять её не будем. Записанные строки сохранены. Проверьте файл (пересохраните его в Excel или разделите на части) и загрузите снова'
        : undefined,
    );
  },
});

export const UPLOAD_JOBS = [processUploadJob];
