/** The features of the system: their routes and their background jobs. */
import type { RoutesPlugin } from '../platform/http/server.js';
import type { JobDefinition } from '../platform/jobs/index.js';
import { identityRoutes } from './identity/routes.js';
import { siteRoutes } from './sites/routes.js';
import { permitRoutes } from './permits/routes.js';
import { tripRoutes } from './trips/routes.js';
import { catalogRoutes } from './catalog/routes.js';
import { desktopRoutes } from './desktop/routes.js';

export const ROUTES: readonly RoutesPlugin[] = [identityRoutes, siteRoutes, permitRoutes, tripRoutes, catalogRoutes, desktopRoutes];

export const JOBS: readonly JobDefinition<any>[] = [];
