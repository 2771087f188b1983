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
    try {
      await processUpload(ctx, payload.uploadId);
    } catch (e) {
      if (meta.attempt >= meta.maxAttempts) await markFailed(ctx, payload.uploadId);
      throw e;
    }
  },
});

export const UPLOAD_JOBS = [processUploadJob];
