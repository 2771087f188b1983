/** Background jobs and schedules of reports: the signed PDF of each filed version, and the deadline reminders. */
import { defineJob, defineSchedule } from '../../platform/jobs/index.js';
import { renderReportJob } from './jobs-render.js';
import { sendReportReminders } from './reminders.js';

export const reportRemindersJob = defineJob<Record<string, never>>({
  name: 'reports.reminders',
  maxAttempts: 3,
  parse: () => ({}),
  async run(ctx) {
    await sendReportReminders(ctx);
  },
});

/** Deadline reminders: looked for every hour; each is sent once per report period and organization (report_reminders). */
export const reportRemindersSchedule = defineSchedule({ name: 'reports.reminders', everyMinutes: 60, job: reportRemindersJob, payload: {} });

export const REPORT_JOBS = [renderReportJob, reportRemindersJob] as const;
export const REPORT_SCHEDULES = [reportRemindersSchedule] as const;
