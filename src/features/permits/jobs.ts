/** Background jobs and schedules of permits: the signed PDF of each version, and the reminders. */
import { defineJob, defineSchedule } from '../../platform/jobs/index.js';
import { renderPermitVersion } from './render-permit.js';
import { sendPermitReminders } from './reminders.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const renderPermitJob = defineJob<{ versionId: string }>({
  name: 'permits.render',
  maxAttempts: 5,
  parse(payload) {
    const id = (payload as { versionId?: unknown } | null)?.versionId;
    if (typeof id !== 'string' || !UUID.test(id)) throw new Error('permits.render: payload.versionId must be a uuid');
    return { versionId: id };
  },
  async run(ctx, payload) {
    await renderPermitVersion(ctx, payload.versionId);
  },
});

export const permitRemindersJob = defineJob<Record<string, never>>({
  name: 'permits.reminders',
  maxAttempts: 3,
  parse: () => ({}),
  async run(ctx) {
    await sendPermitReminders(ctx);
  },
});

/** Expiry and volume reminders: looked for every hour; each is sent once (permit_reminders). */
export const permitRemindersSchedule = defineSchedule({ name: 'permits.reminders', everyMinutes: 60, job: permitRemindersJob, payload: {} });

export const PERMIT_JOBS = [renderPermitJob, permitRemindersJob] as const;
export const PERMIT_SCHEDULES = [permitRemindersSchedule] as const;
