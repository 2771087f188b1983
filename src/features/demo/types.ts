/** What a feature's demo step receives (see AFTER_DEMO_SEED in hooks.ts). */
import type { AppContext } from '../../platform/context.js';

export interface DemoSeedInfo {
  orgIds: Map<string, string>;
  siteIds: Map<string, string>;
  permitIds: Map<string, string>;
  log: (line: string) => void;
}

export type DemoHook = (ctx: AppContext, info: DemoSeedInfo) => Promise<void>;

/** The password of every demo sign-in (demo data only, never in a production start). */
export const DEMO_PASSWORD = 'Demo2026pass';
