/** What a feature's demo step receives (see AFTER_DEMO_SEED in hooks.ts). */
import type { AppContext } from '../../platform/context.js';

export interface DemoSeedInfo {
  orgIds: Map<string, string>;
  siteIds: Map<string, string>;
  permitIds: Map<string, string>;
  log: (line: string) => void;
}

export type DemoHook = (ctx: AppContext, info: DemoSeedInfo) => Promise<void>;
