/** The audit log's anchoring: a signed checkpoint of the chain's head, on a schedule. */
import { defineJob, defineSchedule } from '../../platform/jobs/index.js';
import { createAuditCheckpoint } from './checkpoints.js';

export const auditCheckpointJob = defineJob<object>({
  name: 'audit.checkpoint',
  maxAttempts: 3,
  parse: () => ({}),
  async run(ctx) {
    await createAuditCheckpoint(ctx);
  },
});

/** Every hour: rows newer than the last checkpoint are the ones a truncation could remove unnoticed. */
export const auditCheckpointSchedule = defineSchedule({ name: 'audit-checkpoint', everyMinutes: 60, job: auditCheckpointJob, payload: {} });
