/** Background jobs of owners' general meetings. */
import type { JobDefinition } from '../../platform/jobs/index.js';

export const MEETING_JOBS: readonly JobDefinition<any>[] = [];
