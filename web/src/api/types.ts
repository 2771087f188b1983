/**
 * Names for the API's shapes, all taken from the generated schema
 * (web/src/api/schema.d.ts; regenerate with `npm run gen:api`).
 */
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body of a route's 200 answer. */
export type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: infer R } } ? Json<R> : never;
/** The JSON body of a route's 202 answer. */
export type Accepted<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 202: infer R } } ? Json<R> : never;
/** The JSON body a route takes. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
/** A route's query parameters. */
export type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Me = Ok<'/api/auth/me', 'get'>;
export type Organization = Me['organizations'][number];
export type SitePage = Ok<'/api/sites', 'get'>;
export type SiteSummary = SitePage['items'][number];
export type SiteCard = Ok<'/api/sites/{id}', 'get'>;
export type PermitCard = Ok<'/api/permits/{id}', 'get'>;
export type PermitsWithMovement = Ok<'/api/sites/{id}/permits', 'get'>;
export type PermitMovement = PermitsWithMovement['items'][number];
export type TripPage = Ok<'/api/trips', 'get'>;
export type Trip = TripPage['items'][number];
export type Task = Ok<'/api/tasks/{id}', 'get'>;
export type NotificationList = Ok<'/api/notifications', 'get'>;
export type Notification = NotificationList['items'][number];

// --- Statements (CONTRACT.md) ------------------------------------------------------------------

export type Statement = Ok<'/api/statements/{id}', 'get'>;
export type StatementStatus = Statement['status'];
export type SiteStatements = Ok<'/api/sites/{id}/statements', 'get'>;
export type StatementFile = NonNullable<Statement['files']>[number];
export type StatementFileKind = StatementFile['kind'];

export const TASK_KINDS = {
  statementForm: 'statement_form',
  statementReady: 'statement_ready',
} as const;

// --- Permit applications (issue 9) -----------------------------------------------------------------

export type Application = Ok<'/api/applications/{id}', 'get'>;
export type ApplicationStatus = Application['status'];
export type ApplicationAction = Application['allowedActions'][number];
export type ApplicationLine = Application['lines'][number];
export type ApplicationCarrier = Application['carriers'][number];
export type ApplicationFile = Application['files'][number];
export type MyApplicationsPage = Ok<'/api/applications', 'get'>;
export type MyApplication = MyApplicationsPage['items'][number];
export type QueuePage = Ok<'/api/operator/applications', 'get'>;
export type QueueItem = QueuePage['items'][number];
export type ApplicationHistory = Ok<'/api/applications/{id}/history', 'get'>['items'];
export type ApplicationMessages = Ok<'/api/applications/{id}/messages', 'get'>;
export type ApplicationReference = Ok<'/api/applications/reference', 'get'>;
export type FacilityOption = Ok<'/api/applications/facility-options', 'get'>['items'][number];
export type PermitVersions = Ok<'/api/permits/{id}/versions', 'get'>;
export type PatchApplication = NonNullable<paths['/api/applications/{id}']['patch']['requestBody']>['content']['application/json'];

export const APPLICATION_TASKS = {
  draft: 'application_draft',
  needsInfo: 'application_needs_info',
  decision: 'application_decision',
  review: 'application_review',
} as const;
