/** An acting head with full access in an organization, for tests that call queries without a session. */
import { RIGHTS_BY_MEMBERSHIP, type Actor, type Right } from '../../src/platform/http/auth.js';

export const headActor = (organizationId: string, orgRoles: Actor['orgRoles']): Actor => ({
  personId: '00000000-0000-4000-8000-000000000000',
  personName: 'Проверка',
  sessionId: null,
  tokenId: null,
  organizationId,
  organizationName: 'Проверка',
  orgRoles,
  memberRole: 'head',
  access: 'full',
  rights: new Set(RIGHTS_BY_MEMBERSHIP.head as readonly Right[]),
});
