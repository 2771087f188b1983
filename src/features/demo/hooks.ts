/** Steps features add to the demo after the core data is in (e.g. the operator's test certificate). */
import { identityDemoHook } from '../identity/demo.js';
import type { AppContext } from '../../platform/context.js';
import { operatorKeyDemoHook } from '../statements/operator-key.js';

export interface DemoSeedInfo {
  orgIds: Map<string, string>;
  siteIds: Map<string, string>;
  permitIds: Map<string, string>;
  log: (line: string) => void;
}

export type DemoHook = (ctx: AppContext, info: DemoSeedInfo) => Promise<void>;

export const AFTER_DEMO_SEED: DemoHook[] = [operatorKeyDemoHook, identityDemoHook];
