/** Background jobs of owners' general meetings. */
import type { JobDefinition } from '../../platform/jobs/index.js';
import { renderMeetingDocumentJob } from './documents.js';
import { sendToGisJob } from './gis.js';

export const MEETING_JOBS: readonly JobDefinition<any>[] = [renderMeetingDocumentJob, sendToGisJob];
