/** Background jobs and schedules of reports: the signed PDF of each filed version. */
import { renderReportJob } from './jobs-render.js';

export const REPORT_JOBS = [renderReportJob] as const;
export const REPORT_SCHEDULES = [] as const;
