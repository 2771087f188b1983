/** Steps features add to the demo after the core data is in (e.g. the operator's test certificate). */
import { identityDemoHook } from '../identity/demo.js';
import { operatorKeyDemoHook } from '../../platform/documents/operator-signer.js';
import { applicationsDemoHook } from '../applications/demo.js';
import { meetingsDemoHook } from '../meetings/demo.js';
import { registersDemoHook } from '../facilities/demo.js';
import { telemetryDemoHook } from '../telemetry/demo.js';
import type { DemoHook } from './types.js';

export type { DemoHook, DemoSeedInfo } from './types.js';

export const AFTER_DEMO_SEED: DemoHook[] = [operatorKeyDemoHook, identityDemoHook, applicationsDemoHook, registersDemoHook, meetingsDemoHook, telemetryDemoHook];
