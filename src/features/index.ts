/** The features of the system: their tables, their routes, their background jobs and their problem codes. */
import type { StatementTables } from './statements/tables.js';
import type { IdentityTables } from './identity/tables.js';
import type { UploadTables } from './uploads/tables.js';
import type { TaskTables } from './tasks/tables.js';
import type { NotificationTables } from './notifications/tables.js';
import type { FacilityTables } from './facilities/tables.js';
import type { VehicleTables } from './vehicles/tables.js';
import type { RegisterTables } from './registers/tables.js';
import type { AuditTables } from './audit/tables.js';
import type { ApplicationTables } from './applications/tables.js';
import type { PermitTables } from './permits/tables.js';
import type { TelemetryTables } from './telemetry/tables.js';
import { telemetryRoutes } from './telemetry/routes.js';
import { telemetryMaintainJob, telemetryMaintainSchedule } from './telemetry/jobs.js';
import { telemetryDetectJob, telemetryDetectSchedule } from './telemetry/detect-job.js';
import type { TotalsTables } from './totals/tables.js';
import type { ReportTables } from './reports/tables.js';
import type { MoneyTables } from './money/tables.js';
import type { MeetingTables } from './meetings/tables.js';
import type { ProfileTables } from './profile/tables.js';
import { profileRoutes } from './profile/routes.js';
import type { RoutesPlugin } from '../platform/http/server.js';
import { registerProblems } from '../platform/http/errors.js';
import type { JobDefinition } from '../platform/jobs/index.js';
import { sessionRoutes } from './identity/session-routes.js';
import { passwordRoutes } from './identity/password-routes.js';
import { secondFactorRoutes } from './identity/second-factor-routes.js';
import { certificateRoutes } from './identity/certificate-routes.js';
import { oidcRoutes } from './identity/oidc-routes.js';
import { accountRoutes } from './identity/account-routes.js';
import { siteRoutes } from './sites/routes.js';
import { permitRoutes } from './permits/routes.js';
import { tripRoutes } from './trips/routes.js';
import { catalogRoutes } from './catalog/routes.js';
import { taskRoutes } from './tasks/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { uploadRoutes } from './uploads/routes.js';
import { UPLOAD_JOBS } from './uploads/jobs.js';
import { receiptRoutes } from './receipts/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { mailSendJob } from '../platform/mail/outbox.js';
import { tokenRoutes } from './tokens/routes.js';
import { outboxRoutes } from './outbox/routes.js';
import { passwordResetRequestJob } from './identity/password-reset.js';
import { statementRoutes } from './statements/routes.js';
import { generateStatementJob } from './statements/jobs.js';
import { auditCheckpointJob, auditCheckpointSchedule } from './audit/jobs.js';
import type { ScheduleDefinition } from '../platform/jobs/index.js';
import { IDENTITY_PROBLEMS } from './identity/problems.js';
import { ORGANIZATION_PROBLEMS } from './organizations/problems.js';
import { applicationRoutes } from './applications/routes.js';
import { APPLICATION_PROBLEMS } from './applications/problems.js';
import { PERMIT_JOBS, PERMIT_SCHEDULES } from './permits/jobs.js';
import { documentRoutes } from './documents/routes.js';
import { reportRoutes } from './reports/routes.js';
import { REPORT_JOBS, REPORT_SCHEDULES } from './reports/jobs.js';
import { REPORT_PROBLEMS } from './reports/problems.js';
import { REGISTER_PROBLEMS } from './registers/problems.js';
import { PERMIT_PROBLEMS } from './permits/problems.js';
import { vehicleRoutes } from './vehicles/routes.js';
import { facilityRoutes } from './facilities/routes.js';
import { operatorRegisterRoutes } from './registers/operator-routes.js';
import { moneyRoutes } from './money/routes.js';
import { paymentRoutes } from './money/payment-routes.js';
import { MONEY_PROBLEMS } from './money/problems.js';
import { MONEY_JOBS, MONEY_SCHEDULES } from './money/jobs.js';
import { meetingRoutes } from './meetings/routes.js';
import { analyticsRoutes } from './analytics/routes.js';
import { MEETING_JOBS } from './meetings/jobs.js';
import { MEETING_PROBLEMS } from './meetings/problems.js';

export const ROUTES: readonly RoutesPlugin[] = [
  // identity, by concept
  sessionRoutes, passwordRoutes, secondFactorRoutes, certificateRoutes, accountRoutes, oidcRoutes,
  siteRoutes, permitRoutes, tripRoutes, catalogRoutes, vehicleRoutes, facilityRoutes, operatorRegisterRoutes, taskRoutes, notificationRoutes, uploadRoutes, organizationRoutes, statementRoutes, documentRoutes, receiptRoutes, tokenRoutes, outboxRoutes, applicationRoutes,
  reportRoutes,
  telemetryRoutes,
  moneyRoutes, paymentRoutes,
  analyticsRoutes,
  meetingRoutes,
  profileRoutes,
];

export const JOBS: readonly JobDefinition<any>[] = [...UPLOAD_JOBS, mailSendJob, passwordResetRequestJob, generateStatementJob, auditCheckpointJob, ...PERMIT_JOBS, ...REPORT_JOBS, telemetryMaintainJob, telemetryDetectJob, ...MONEY_JOBS, ...MEETING_JOBS];

/** Jobs enqueued on a schedule by whichever worker comes first. */
export const SCHEDULES: readonly ScheduleDefinition<any>[] = [auditCheckpointSchedule, ...PERMIT_SCHEDULES, ...REPORT_SCHEDULES, telemetryMaintainSchedule, telemetryDetectSchedule, ...MONEY_SCHEDULES];

/** The features' tables join the core ones in `Database` (declaration merging: platform never imports features). */
declare module '../platform/db/schema.js' {
  interface Database extends StatementTables, IdentityTables, UploadTables, TaskTables, NotificationTables, FacilityTables, VehicleTables, RegisterTables, AuditTables, ApplicationTables, PermitTables, TotalsTables, ReportTables, TelemetryTables, MoneyTables, MeetingTables, ProfileTables {}
}

/**
 * Every problem code the API answers with: the generic ones (src/platform/http/errors.ts) and each
 * feature's `problems.ts`. The OpenAPI `Problem.code` is the union of these.
 */
export const PROBLEMS = registerProblems(IDENTITY_PROBLEMS, ORGANIZATION_PROBLEMS, APPLICATION_PROBLEMS, PERMIT_PROBLEMS, REPORT_PROBLEMS, REGISTER_PROBLEMS, MONEY_PROBLEMS, MEETING_PROBLEMS);
