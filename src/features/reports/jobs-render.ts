/** The job that makes a filed report version's signed PDF (render-report.ts). */
import { defineJob } from '../../platform/jobs/index.js';
import { renderReportVersion } from './render-report.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const renderReportJob = defineJob<{ versionId: string }>({
  name: 'reports.render',
  maxAttempts: 5,
  parse(payload) {
    const id = (payload as { versionId?: unknown } | null)?.versionId;
    if (typeof id !== 'string' || !UUID.test(id)) throw new Error('reports.render: payload.versionId must be a uuid');
    return { versionId: id };
  },
  async run(ctx, payload) {
    await renderReportVersion(ctx, payload.versionId);
  },
});
